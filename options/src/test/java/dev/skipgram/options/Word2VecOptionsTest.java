package dev.skipgram.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

class Word2VecOptionsTest {

    /** A command as the real ones use the options: the mixin, the library's defaults, its own threads. */
    @Command(name = "train", defaultValueProvider = Word2VecDefaults.class, sortOptions = false)
    static final class Train {
        @Mixin
        Word2VecOptions training;

        @Option(names = "--threads")
        int threads;

        SkipGramConfig config() {
            return training.build(training.builder().threads(threads));
        }
    }

    /** As {@link Train}, with a default of its own for {@code --threads}, as the Spark entry point has. */
    @Command(name = "spark", defaultValueProvider = Word2VecDefaults.class)
    static final class OwnThreads {
        @Mixin
        Word2VecOptions training;

        @Option(names = "--threads", defaultValue = "1")
        int threads;
    }

    private static Train parse(String... args) {
        Train command = new Train();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static SkipGramConfig config(String... args) {
        return parse(args).config();
    }

    @Test
    void withoutFlagsTheConfigIsTheLibrarysWord2vecPreset() {
        assertEquals(SkipGramConfig.word2vec().build(), config());
        SkipGramConfig hs = SkipGramConfig.word2vec().loss(LossType.HIERARCHICAL_SOFTMAX).build();
        assertEquals(hs, config("--loss", "hierarchical-softmax"));
        assertEquals(NegativeSharing.PAIR, hs.negativeSharing()); // --negative-sharing left out follows the loss
    }

    @Test
    void eachFlagSetsItsSetting() {
        SkipGramConfig c = config("--dim", "7", "--window", "3", "--model", "cbow", "--negatives", "9",
                "--negative-sharing", "pair", "--loss", "hs", "--epochs", "4", "--min-count", "2",
                "--subsample", "0.0005", "--learning-rate", "0.05", "--seed", "42", "--threads", "3");
        SkipGramConfig expected = SkipGramConfig.word2vec().dimension(7).windowSize(3).model(Model.CBOW)
                .negatives(9).negativeSharing(NegativeSharing.PAIR).loss(LossType.HIERARCHICAL_SOFTMAX).epochs(4)
                .minCount(2).subsampleThreshold(0.0005).learningRate(0.05).seed(42).threads(3).build();
        assertEquals(expected, c);
        assertEquals(NegativeSharing.WINDOW, config("--loss", "hs", "--negative-sharing", "window").negativeSharing());
    }

    @ParameterizedTest
    @CsvSource({"negative-sampling, NEGATIVE_SAMPLING", "ns, NEGATIVE_SAMPLING", "Negative-Sampling, NEGATIVE_SAMPLING",
        "softmax, NAIVE_SOFTMAX", "naive-softmax, NAIVE_SOFTMAX", "hierarchical-softmax, HIERARCHICAL_SOFTMAX",
        "HS, HIERARCHICAL_SOFTMAX"})
    void lossSpellings(String value, LossType loss) {
        assertEquals(loss, parse("--loss", value).training.loss);
        assertEquals(loss, new Spellings.Loss().convert(Spellings.Loss.name(loss)));
    }

    @ParameterizedTest
    @CsvSource({"skip-gram, SKIP_GRAM", "skipgram, SKIP_GRAM", "sg, SKIP_GRAM", "CBOW, CBOW"})
    void modelSpellings(String value, Model model) {
        assertEquals(model, parse("--model", value).training.model);
        assertEquals(model, new Spellings.ModelName().convert(Spellings.ModelName.name(model)));
    }

    @ParameterizedTest
    @CsvSource({"pair, PAIR", "Window, WINDOW"})
    void sharingSpellings(String value, NegativeSharing sharing) {
        assertEquals(sharing, parse("--negative-sharing", value).training.negativeSharing);
        assertEquals(sharing, new Spellings.Sharing().convert(Spellings.Sharing.name(sharing)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--loss|hierarchical|expected negative-sampling, softmax or hierarchical-softmax, got 'hierarchical'",
        "--model|bag|expected skip-gram or cbow, got 'bag'",
        "--negative-sharing|batch|expected pair or window, got 'batch'",
        "--dim|ten|'ten'"})
    void aBadValueIsAUsageErrorNamingTheFlagAndTheValue(String flag, String value, String message) {
        ParameterException e = assertThrows(ParameterException.class, () -> parse(flag, value));
        assertTrue(e.getMessage().contains(flag), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--dim|0|--dim must be >= 1, got 0",
        "--window|0|--window must be >= 1, got 0",
        "--negatives|0|--negatives must be >= 1, got 0",
        "--epochs|0|--epochs must be >= 1, got 0",
        "--min-count|0|--min-count must be >= 1, got 0",
        "--subsample|-1|--subsample must be finite and >= 0, got -1.0",
        "--learning-rate|0|--learning-rate must be finite and > 0, got 0.0",
        "--threads|0|--threads must be >= 1, got 0"})
    void theLibrarysRefusalNamesTheFlag(String flag, String value, String message) {
        Train command = parse(flag, value);
        ParameterException e = assertThrows(ParameterException.class, command::config);
        assertEquals(message, e.getMessage());
    }

    @Test
    void cbowWithTheFullSoftmaxIsRefusedBeforeTheLibrarySeesIt() {
        Train command = parse("--model", "cbow", "--loss", "softmax");
        ParameterException e = assertThrows(ParameterException.class, command.training::builder);
        assertTrue(e.getMessage().startsWith("--model cbow trains with --loss negative-sampling or"
                + " hierarchical-softmax, not softmax"), e.getMessage());
    }

    @Test
    void aLearningRateBelowThePresetsFloorTakesWord2vecCsFloor() {
        double presetFloor = SkipGramConfig.word2vec().build().minLearningRate();
        assertEquals(presetFloor, config("--learning-rate", "0.05").minLearningRate());
        assertEquals(presetFloor, config("--learning-rate", String.valueOf(presetFloor)).minLearningRate());
        double low = presetFloor / 2;
        assertEquals(low * 1e-4, config("--learning-rate", String.valueOf(low)).minLearningRate());
    }

    @Test
    void theHelpShowsTheLibrarysDefaults() {
        SkipGramConfig preset = SkipGramConfig.word2vec().build();
        String help = new CommandLine(new Train()).getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("Embedding dimension (default: " + preset.dimension() + ")"), help);
        assertTrue(help.contains("Passes over the corpus (default: " + preset.epochs() + ")"), help);
        assertTrue(help.contains("(default: " + preset.learningRate() + ")"), help);
        assertTrue(help.contains("(default: " + preset.subsampleThreshold() + ")"), help);
        assertTrue(help.contains("(default: negative-sampling)"), help);
        assertTrue(help.contains("(default: skip-gram)"), help);
        assertTrue(help.contains("(default: window with negative sampling,"), help);
        assertFalse(help.contains("null"), help);
    }

    @Test
    void theDefaultsAreThePresetsAndAnOptionsOwnDefaultWins() {
        CommandLine train = new CommandLine(new Train());
        SkipGramConfig preset = SkipGramConfig.word2vec().build();
        Word2VecDefaults defaults = new Word2VecDefaults();
        assertEquals(String.valueOf(preset.dimension()), defaults.defaultValue(train.getCommandSpec().findOption("--dim")));
        assertEquals(String.valueOf(preset.threads()),
                defaults.defaultValue(train.getCommandSpec().findOption("--threads")));
        assertEquals("negative-sampling", defaults.defaultValue(train.getCommandSpec().findOption("--loss")));
        assertNull(defaults.defaultValue(train.getCommandSpec().findOption("--negative-sharing")));
        OwnThreads spark = new OwnThreads();
        new CommandLine(spark).parseArgs();
        assertEquals(1, spark.threads);
        assertEquals(preset.dimension(), spark.training.dimension);
    }

    @Test
    void flagsSpellTheLibrarysSettings() {
        assertEquals("--dim", Flags.flag("dimension"));
        assertEquals("--subsample", Flags.flag("subsampleThreshold"));
        assertNull(Flags.flag("steps"));
        assertEquals("dimension", Flags.settingOf("--dim"));
        assertNull(Flags.settingOf("--corpus"));
        assertEquals("hierarchical-softmax", Flags.value("loss", "HIERARCHICAL_SOFTMAX"));
        assertEquals("cbow", Flags.value("model", "CBOW"));
        assertEquals("window", Flags.value("negativeSharing", "WINDOW"));
        assertEquals("FUTURE_LOSS", Flags.value("loss", "FUTURE_LOSS"));
        assertEquals("100", Flags.value("dimension", "100"));
        assertEquals("--min-count must be >= 1, got 0", Flags.flagNames("minCount must be >= 1, got 0"));
        assertEquals("something else", Flags.flagNames("something else"));
    }
}
