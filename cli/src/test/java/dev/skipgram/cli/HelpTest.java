package dev.skipgram.cli;

import dev.skipgram.LossType;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"train", "neighbors", "analogy", "similarity", "evaluate", "plot", "cs224n"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith(header(command)), r.out());
        assertTrue(r.out().contains("Usage: skipgram " + command), r.out());
        assertTrue(r.out().contains("--help"), r.out());
        assertEquals("", r.err());
        Cli.Result viaHelp = Cli.run("help", command);
        assertEquals(0, viaHelp.code());
        assertEquals(r.out(), viaHelp.out());
    }

    private static String header(String command) {
        return switch (command) {
            case "train" -> "Train word vectors";
            case "neighbors" -> "Show the nearest words";
            case "analogy" -> "Answer a : b :: c : ?";
            case "similarity" -> "Show the cosine similarity";
            case "evaluate" -> "Score vectors";
            case "plot" -> "Draw words";
            default -> "Run the Stanford CS224n assignment";
        };
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code());
        for (String command : new String[] {"train", "neighbors", "analogy", "similarity", "evaluate", "plot",
            "cs224n"}) {
            assertTrue(r.out().contains("\n  " + command), command + " missing from\n" + r.out());
        }
    }

    @Test
    void noCommandIsAUsageErrorThatShowsTheHelp() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: skipgram"), r.err());
    }

    @Test
    void trainHelpShowsTheLibrarysDefaults() {
        String help = Cli.run("train", "--help").out();
        assertTrue(help.contains("(default: 100)"), help); // --dim, from SkipGramConfig.word2vec()
        assertTrue(help.contains("(default: 0.025)"), help); // --learning-rate
        assertTrue(help.contains("(default: 0.001)"), help); // --subsample
        assertTrue(help.contains("(default: negative-sampling)"), help);
        assertTrue(help.contains("hierarchical-softmax"), help);
        assertTrue(help.contains("--model=skip-gram|cbow") && help.replaceAll("\\s+", " ").contains("(default: skip-gram)"), help);
        // --negative-sharing's default follows the loss: its text says so, and says what the library does
        String flat = help.replaceAll("\\s+", " ");
        assertTrue(flat.contains("(default: window with negative sampling,") && flat.contains(
                "pair with hierarchical softmax, where batching costs quality against gensim;"), help);
        assertEquals(NegativeSharing.WINDOW, SkipGramConfig.word2vec().build().negativeSharing());
        assertEquals(NegativeSharing.PAIR,
                SkipGramConfig.word2vec().loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
    }

    @Test
    void versionIsPrinted() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("skipgram "), r.out());
    }
}
