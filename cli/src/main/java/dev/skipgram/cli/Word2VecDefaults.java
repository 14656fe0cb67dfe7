package dev.skipgram.cli;

import dev.skipgram.SkipGramConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code skipgram train}'s training options, read from the library's word2vec preset
 * ({@link SkipGramConfig#word2vec()}) so that the help text and the library never disagree.
 */
final class Word2VecDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        SkipGramConfig preset = SkipGramConfig.word2vec().build();
        return switch (option.longestName()) {
            case "--dim" -> String.valueOf(preset.dimension());
            case "--window" -> String.valueOf(preset.windowSize());
            case "--negatives" -> String.valueOf(preset.negatives());
            case "--loss" -> Converters.Loss.name(preset.loss());
            case "--epochs" -> String.valueOf(preset.epochs());
            case "--min-count" -> String.valueOf(preset.minCount());
            case "--subsample" -> String.valueOf(preset.subsampleThreshold());
            case "--learning-rate" -> String.valueOf(preset.learningRate());
            case "--threads" -> String.valueOf(preset.threads());
            case "--seed" -> String.valueOf(preset.seed());
            default -> null;
        };
    }
}
