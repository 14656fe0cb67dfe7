package dev.skipgram.cli;

import dev.skipgram.SkipGramConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code skipgram train}'s training options, read from the library's word2vec preset
 * ({@link SkipGramConfig#word2vec()}, through {@link SkipGramConfig#toProperties()} and the flag of
 * each setting in {@link Settings}) so that the help text and the library never disagree. {@code --negative-sharing} has none: its
 * default follows the loss, as the library's does, and {@code TrainTest} holds its text to the library.
 */
final class Word2VecDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String setting = Settings.settingOf(option.longestName());
        if ("negativeSharing".equals(setting)) {
            return null; // follows the loss (SkipGramConfig.word2vec()): the option's text says how
        }
        String value = setting == null ? null : SkipGramConfig.word2vec().build().toProperties().getProperty(setting);
        return value == null ? null : Settings.value(setting, value);
    }
}
