package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Errors are one line on standard error, {@code skipgram: ...}, with exit code 1 (runtime) or 2 (usage). */
class ErrorsTest {

    @TempDir
    Path dir;

    static Path vectors(Path dir) {
        Vocabulary v = new Vocabulary(List.of("paris", "france", "berlin", "germany", "parts"),
                new long[] {5, 4, 3, 2, 1});
        Path file = dir.resolve("v.bin");
        try {
            Word2VecFormat.write(new WordVectors(v, Nd4j.createFromArray(new float[][] {
                    {1, 0, 0}, {1, 1, 0}, {0, 0, 1}, {0, 1, 1}, {-1, 0, 0}})), file, Word2VecFormat.Format.BINARY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("skipgram: "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
        }
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void aMissingVectorFileIsOneLineAndExitCode1() {
        for (String command : new String[] {"neighbors", "similarity", "plot"}) {
            String missing = dir.resolve("missing.bin").toString();
            Cli.Result r = Cli.run(command, missing, "paris", "france");
            assertOneLineError(r, 1, "vector file not found: " + missing);
        }
        assertOneLineError(Cli.run("analogy", "missing.bin", "a", "b", "c"), 1, "vector file not found");
    }

    @Test
    void anUnknownWordSuggestsTheNearestSpellings() {
        Path v = vectors(dir);
        Cli.Result r = Cli.run("neighbors", v.toString(), "paris", "pari");
        assertOneLineError(r, 1, "'pari' is not in the vocabulary of " + v, "did you mean paris, parts?");
        assertEquals("", r.out(), "nothing is printed before the words are checked");
        assertOneLineError(Cli.run("similarity", v.toString(), "Paris", "france"), 1, "did you mean paris, parts?");
        assertOneLineError(Cli.run("analogy", v.toString(), "paris", "france", "xyzzy"), 1,
                "'xyzzy' is not in the vocabulary");
    }

    @Test
    void aMalformedVectorFileNamesTheProblem() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "2 3\nparis 1 2 3\nfrance 1 x 3\n");
        assertOneLineError(Cli.run("neighbors", bad.toString(), "paris"), 1, "entry 2", "not a number");
    }

    @Test
    void unknownOptionsAndBadValuesAreUsageErrors() {
        assertOneLineError(Cli.run("train", "--dimm", "10"), 2, "unknown option", "--dimm", "did you mean --dim",
                "'skipgram train --help'");
        assertOneLineError(Cli.run("train", "--dim", "ten"), 2, "--dim", "ten");
        assertOneLineError(Cli.run("train", "--dim", "0"), 2, "--dim must be >= 1, got 0");
        assertOneLineError(Cli.run("train", "--loss", "hierarchical"), 2,
                "expected negative-sampling, softmax or hierarchical-softmax");
        assertOneLineError(Cli.run("train", "--resume"), 2, "--resume needs --checkpoint-dir");
        assertOneLineError(Cli.run("neighbors", vectors(dir).toString()), 2, "WORD");
        assertOneLineError(Cli.run("neighbors", vectors(dir).toString(), "paris", "-n", "0"), 2,
                "-n must be at least 1");
        assertOneLineError(Cli.run("evaluate", vectors(dir).toString()), 2, "nothing to evaluate");
        assertOneLineError(Cli.run("plot", vectors(dir).toString(), "paris", "paris"), 2, "two different words");
        assertOneLineError(Cli.run("cs224n"), 2, "--sst");
        assertOneLineError(Cli.run("frobnicate"), 2, "frobnicate");
    }

    @Test
    void missingInputFilesAreRuntimeErrors() {
        assertOneLineError(Cli.run("train", "--corpus", dir.resolve("none.txt").toString(), "--out",
                dir.resolve("v.bin").toString()), 1, "corpus not found: " + dir.resolve("none.txt"));
        assertOneLineError(Cli.run("cs224n", "--sst", dir.resolve("sst").toString()), 1, "SST sentences not found");
        assertOneLineError(Cli.run("evaluate", vectors(dir).toString(), "--analogies", "nope.txt"), 1,
                "evaluation file not found: nope.txt");
        assertOneLineError(Cli.run("train", "--out", dir.toString()), 1, "is a directory");
    }

    @Test
    void checkpointDirectoriesMustMatchResume() throws IOException {
        Path corpus = Cli.fixture("tiny-corpus.txt", dir);
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("checkpoint-0000000010.sgd"), "from an earlier run");
        assertOneLineError(Cli.run("train", "--corpus", corpus.toString(), "--checkpoint-dir", full.toString(),
                "--out", dir.resolve("v.bin").toString()), 1,
                full + " holds a checkpoint from an earlier run; pass --resume to continue it or choose an empty"
                        + " directory");
        assertOneLineError(Cli.run("train", "--corpus", corpus.toString(), "--checkpoint-dir",
                dir.resolve("empty").toString(), "--resume", "--out", dir.resolve("v.bin").toString()), 1,
                "--resume: " + dir.resolve("empty") + " holds no checkpoint to resume from");
    }

    @Test
    void theStackTraceIsPrintedOnRequest() {
        Cli.Result r = Cli.run("neighbors", "--stacktrace", "missing.bin", "paris");
        assertEquals(1, r.code());
        assertTrue(r.errLines().get(0).startsWith("skipgram: vector file not found"), r.err());
        assertTrue(r.err().contains("UserError") && r.err().contains("\tat dev.skipgram.cli."), r.err());
    }
}
