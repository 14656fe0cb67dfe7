package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link SparkTrain}'s flags that are refused before any Spark session starts, and the config the flags build. */
class SparkTrainTest {

    /** The exit code and standard error of {@code SparkTrain} with {@code args}. */
    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SparkTrain());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new String[] {String.valueOf(cli.execute(args)), err.toString()};
    }

    /** The config {@code SparkTrain} builds from {@code args}. */
    private static SkipGramConfig config(String... args) {
        SparkTrain train = new SparkTrain();
        new CommandLine(train).parseArgs(args);
        return train.config();
    }

    @Test
    void negativeSharingIsWindowOnSparkUnlessGiven() {
        assertEquals(NegativeSharing.WINDOW, config("--loss", "hs").negativeSharing());
        assertEquals(NegativeSharing.WINDOW, config().negativeSharing());
        assertEquals(NegativeSharing.PAIR, config("--loss", "hs", "--negative-sharing", "pair").negativeSharing());
        assertEquals(NegativeSharing.PAIR, config("--negative-sharing", "pair").negativeSharing());
        assertEquals(LossType.HIERARCHICAL_SOFTMAX, config("--loss", "hs").loss());
    }

    @Test
    void badModelLossMergeAndExchangeValuesAreNamed() {
        String[] model = run("--model", "fasttext");
        assertEquals("2", model[0]);
        assertTrue(model[1].contains("expected skip-gram or cbow, got 'fasttext'"), model[1]);
        String[] cbowSoftmax = run("--model", "cbow", "--loss", "softmax");
        assertEquals("2", cbowSoftmax[0]);
        assertTrue(cbowSoftmax[1].startsWith("--model cbow trains with --loss negative-sampling or"
                + " hierarchical-softmax, not softmax"), cbowSoftmax[1]);
        String[] merge = run("--merge", "median");
        assertEquals("2", merge[0]);
        assertTrue(merge[1].startsWith("--merge must be by-loss, sum, average or aligned, got 'median'"), merge[1]);
        String[] exchange = run("--exchange", "torrent");
        assertEquals("2", exchange[0]);
        assertTrue(exchange[1].startsWith("--exchange must be auto, broadcast or direct, got 'torrent'"), exchange[1]);
    }

    @Test
    void trainingFlagsAreRefusedWithTheCommandLinesMessages() {
        // the messages of ./skipgram train (dev.skipgram.options.Spellings), not a Spark-only wording
        String[] loss = run("--loss", "bogus");
        assertEquals("2", loss[0]);
        assertTrue(loss[1].startsWith("Invalid value for option '--loss'"), loss[1]);
        assertTrue(loss[1].contains("expected negative-sampling, softmax or hierarchical-softmax, got 'bogus'"),
                loss[1]);
        String[] sharing = run("--negative-sharing", "batch");
        assertEquals("2", sharing[0]);
        assertTrue(sharing[1].contains("expected pair or window, got 'batch'"), sharing[1]);
        // the library's refusal, named by the flag rather than the setting
        String[] dimension = run("--dim", "0");
        assertEquals("2", dimension[0]);
        assertTrue(dimension[1].startsWith("--dim must be >= 1, got 0"), dimension[1]);
        String[] threads = run("--threads", "0");
        assertEquals("2", threads[0]);
        assertTrue(threads[1].startsWith("--threads must be >= 1, got 0"), threads[1]);
    }

    @Test
    void theHelpShowsTheLibrarysDefaultsAndOneThreadPerTask() {
        SkipGramConfig preset = SkipGramConfig.word2vec().build();
        String help = new CommandLine(new SparkTrain()).getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("Embedding dimension (default: " + preset.dimension() + ")"), help);
        assertTrue(help.contains("(default: " + preset.learningRate() + ")"), help);
        assertTrue(help.contains("(default: " + preset.subsampleThreshold() + ")"), help);
        assertTrue(help.contains("(default: negative-sampling)"), help);
        assertTrue(help.contains("(default: skip-gram)"), help);
        assertTrue(help.contains("(default: window with negative sampling,"), help);
        assertTrue(help.contains("skipgram-spark: window with either loss"), help);
        assertTrue(help.contains("Worker threads per partition (default: 1:"), help);
    }

    @Test
    void theHelpListsModelAndTheMergeRules() {
        String help = new CommandLine(new SparkTrain()).getUsageMessage();
        assertTrue(help.contains("--model=skip-gram|cbow"), help);
        assertTrue(help.contains("--merge=by-loss|sum|average|aligned"), help);
    }
}
