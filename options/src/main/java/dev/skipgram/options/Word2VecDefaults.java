package dev.skipgram.options;

import dev.skipgram.SkipGramConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the training flags, read from the library's word2vec preset ({@link
 * SkipGramConfig#word2vec()}, through {@link SkipGramConfig#toProperties()} and the flag of each
 * setting in {@link Flags}) so that the help text and the library never disagree. Name it as the
 * {@code defaultValueProvider} of a command that mixes in {@link Word2VecOptions}; it also gives
 * {@code --threads} its default when the command declares that flag.
 *
 * <p>An option with a default of its own ({@code defaultValue} in its annotation) keeps it: a
 * command can set a default that differs from the library's, such as one thread per Spark task.
 * {@code --negative-sharing} has none: its default follows the loss, as the library's does
 * ({@link SkipGramConfig#negativeSharing()}), and the option's text says how. Stateless and
 * thread-safe.
 */
public final class Word2VecDefaults implements IDefaultValueProvider {

    /** A provider; picocli makes one per command that names this class. */
    public Word2VecDefaults() {}

    /**
     * The library's default of a training flag.
     *
     * @param argument an option or parameter of the command
     * @return the default as the flag spells it, or null (picocli then uses the option's own default)
     */
    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.defaultValue() != null) {
            return null;
        }
        String setting = Flags.settingOf(option.longestName());
        if (setting == null || "negativeSharing".equals(setting)) {
            return null; // not a training flag; or --negative-sharing, which follows the loss
        }
        String value = SkipGramConfig.word2vec().build().toProperties().getProperty(setting);
        return value == null ? null : Flags.value(setting, value);
    }
}
