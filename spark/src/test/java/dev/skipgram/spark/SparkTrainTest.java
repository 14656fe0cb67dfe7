package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link SparkTrain}'s flags that are refused before any Spark session starts. */
class SparkTrainTest {

    /** The exit code and standard error of {@code SparkTrain} with {@code args}. */
    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SparkTrain());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new String[] {String.valueOf(cli.execute(args)), err.toString()};
    }

    @Test
    void badModelLossAndMergeValuesAreNamed() {
        String[] model = run("--model", "fasttext");
        assertEquals("2", model[0]);
        assertTrue(model[1].startsWith("--model: unknown value 'fasttext' (skip-gram or cbow)"), model[1]);
        String[] cbowSoftmax = run("--model", "cbow", "--loss", "softmax");
        assertEquals("2", cbowSoftmax[0]);
        assertTrue(cbowSoftmax[1].startsWith("--model cbow trains with --loss negative-sampling or"
                + " hierarchical-softmax, not softmax"), cbowSoftmax[1]);
        String[] merge = run("--merge", "median");
        assertEquals("2", merge[0]);
        assertTrue(merge[1].startsWith("--merge must be by-loss, sum, average or aligned, got 'median'"), merge[1]);
    }

    @Test
    void theHelpListsModelAndTheMergeRules() {
        String help = new CommandLine(new SparkTrain()).getUsageMessage();
        assertTrue(help.contains("--model=skip-gram|cbow"), help);
        assertTrue(help.contains("--merge=by-loss|sum|average|aligned"), help);
    }
}
