package dev.skipgram.cli;

import dev.skipgram.SkipGramConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code skipgram train}'s training options, read from the library's word2vec preset
 * ({@link SkipGramConfig#word2vec()}, through {@link SkipGramConfig#toProperties()} and the flag of
 * each setting in {@link Settings}) so that the help text and the library never disagree.
 */
final class Word2VecDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String setting = Settings.settingOf(option.longestName());
        String value = setting == null ? null : SkipGramConfig.word2vec().build().toProperties().getProperty(setting);
        return value == null ? null : Settings.value(setting, value);
    }
}
