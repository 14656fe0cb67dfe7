package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the library refuses reaches the command-line user as one line naming the problem, with exit
 * code 1 (a bad file or run) or 2 (a bad command line), and no stack trace: the CLI side of
 * docs/reliability.md.
 */
class BadInputTest {

    @TempDir
    Path dir;

    /**
     * One error line, the last on standard error (progress lines may come before it: when the output
     * is not a terminal, progress is logged there), and no stack trace.
     */
    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r.toString());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("skipgram: ")).toList();
        assertEquals(1, errors.size(), r.toString());
        assertEquals(errors.get(0), r.errLines().get(r.errLines().size() - 1), r.toString());
        for (String f : fragments) {
            assertTrue(errors.get(0).contains(f), "'" + f + "' not in: " + r.err());
        }
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    private Cli.Result train(Path corpus, String... flags) {
        String[] args = {"train", "--corpus", corpus.toString(), "--out", dir.resolve("v.bin").toString(),
            "--threads", "1"};
        String[] all = Arrays.copyOf(args, args.length + flags.length);
        System.arraycopy(flags, 0, all, args.length, flags.length);
        return Cli.run(all);
    }

    @Test
    void corporaThatCannotTrainAreOneLine() throws IOException {
        assertOneLineError(train(Files.writeString(dir.resolve("empty.txt"), "")), 1, "no word occurs at least");
        assertOneLineError(train(Files.writeString(dir.resolve("blank.txt"), " \n\t\r\n\u00a0\n")), 1,
                "no word occurs at least");
        assertOneLineError(train(Files.writeString(dir.resolve("rare.txt"), "a b c d e f\n")), 1,
                "minCount = 5");
        assertOneLineError(train(Files.writeString(dir.resolve("one.txt"), "hello hello hello\n"), "--min-count",
                "1"), 1, "a single word");
        Path nul = Files.write(dir.resolve("nul.txt"), "a b\u0000c\n".getBytes(StandardCharsets.UTF_8));
        assertOneLineError(train(nul, "--min-count", "1"), 1, "NUL character", nul.toString());
        Path empty = Files.createDirectories(dir.resolve("no-files"));
        assertOneLineError(train(empty), 1, "has no files", empty.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "--dim, -3, --dim",
        "--window, 0, --window",
        "--negatives, 0, --negatives",
        "--epochs, 0, --epochs",
        "--threads, 0, --threads",
        "--min-count, 0, --min-count",
        "--subsample, -0.1, --subsample",
        "--learning-rate, 0, --learning-rate",
        "--learning-rate, NaN, --learning-rate",
    })
    void settingsOutOfRangeAreUsageErrorsNamingTheFlagAndValue(String flag, String value, String named)
            throws IOException {
        Path corpus = Cli.fixture("tiny-corpus.txt", dir);
        Cli.Result r = train(corpus, flag, value);
        assertOneLineError(r, 2, named, value);
    }

    @Test
    void negativesNotBelowTheVocabularySizeAreNamed() throws IOException {
        Path corpus = Files.writeString(dir.resolve("small.txt"), "a b c a b c a b c\n".repeat(5));
        assertOneLineError(train(corpus, "--min-count", "1", "--negatives", "3"), 1, "K = 3", "V = 3");
    }

    @Test
    void divergingTrainingStopsWithOneLineAndKeepsNoBadVectors() throws IOException {
        Path corpus = Cli.fixture("tiny-corpus.txt", dir);
        Cli.Result r = train(corpus, "--min-count", "1", "--learning-rate", "1e30");
        assertOneLineError(r, 1, "diverged");
        assertTrue(!Files.exists(dir.resolve("v.bin")), "no vector file is written for a diverged run");
    }

    @Test
    void truncatedAndCorruptVectorFilesAreOneLine() throws IOException {
        Path good = ErrorsTest.vectors(dir);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.bin"), Arrays.copyOf(bytes, bytes.length - 7));
        assertOneLineError(Cli.run("neighbors", truncated.toString(), "paris"), 1, truncated.toString());
        Path huge = Files.writeString(dir.resolve("huge.txt"), "1000000000000 100\nparis 1 2\n");
        assertOneLineError(Cli.run("neighbors", huge.toString(), "paris"), 1, huge.toString());
        Path nan = Files.writeString(dir.resolve("nan.txt"), "2 2\nparis 1 NaN\nfrance 1 2\n");
        assertOneLineError(Cli.run("similarity", nan.toString(), "paris", "france"), 1, nan.toString());
        Path duplicate = Files.writeString(dir.resolve("dup.txt"), "2 2\nparis 1 2\nparis 3 4\n");
        assertOneLineError(Cli.run("neighbors", duplicate.toString(), "paris"), 1, "paris");
        assertArrayEquals(bytes, Files.readAllBytes(good), "reading never changes a file");
    }

    @Test
    void queriesAskingForMoreNeighboursThanWordsGetAllOfThem() {
        Path v = ErrorsTest.vectors(dir);
        Cli.Result all = Cli.run("neighbors", v.toString(), "paris", "-n", "99");
        assertEquals(0, all.code(), all.toString());
        assertEquals(4, all.out().lines().filter(l -> l.matches("\\s+\\d+\\..*")).count(), all.out());
        assertOneLineError(Cli.run("neighbors", v.toString(), "paris", "-n", "-1"), 2, "-n");
    }

    @Test
    void aPlotOfOneWordSaysAPlotNeedsTwo() {
        Path v = ErrorsTest.vectors(dir);
        Path png = dir.resolve("one.png");
        Cli.Result r = Cli.run("plot", v.toString(), "paris", "--out", png.toString());
        assertOneLineError(r, 2, "skipgram: a plot needs at least two words; got 1 (paris)");
        assertTrue(!r.err().contains("positional parameter") && !r.err().contains("mandatory"), r.err());
        assertOneLineError(Cli.run("plot", v.toString(), "paris", "paris", "--out", png.toString()), 2,
                "a plot needs at least two different words; got 2 (paris, paris)");
        assertTrue(!Files.exists(png));
    }

    @Test
    void anEvaluationFileWithoutAUsableLineIsAnErrorNamingIt() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Cli.Result r = Cli.run("evaluate", v.toString(), "--analogies", empty.toString(), "--similarity",
                empty.toString());
        assertOneLineError(r, 1, "skipgram: " + empty + " has no usable line: no question (four words a b c d)");
        assertEquals("", r.out(), "no table of zeros");
        Path pairs = Files.writeString(dir.resolve("ws.tsv"), "# word1\tword2\tscore\n");
        r = Cli.run("evaluate", v.toString(), "--similarity", pairs.toString());
        assertOneLineError(r, 1, pairs + " has no usable line: no word pair");
        assertEquals("", r.out());
    }

    @Test
    void aBadSecondEvaluationFileLeavesNoHalfReport() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path questions = Files.writeString(dir.resolve("q.txt"), ": capitals\nparis france berlin germany\n");
        Path pairs = Files.writeString(dir.resolve("ws.tsv"), "paris\tfrance\tnine\n");
        Cli.Result r = Cli.run("evaluate", v.toString(), "--analogies", questions.toString(), "--similarity",
                pairs.toString());
        assertOneLineError(r, 1, pairs + ", line 1: score is not a number");
        assertEquals("", r.out(), "evaluated everything before printing");
    }

    /** Vectors in which 'zero' has a zero vector, so every query on it fails. */
    private Path zeroVectors() throws IOException {
        return Files.writeString(dir.resolve("zero.txt"),
                "5 2\nparis 1 0\nfrance 1 1\nberlin 0 1\ngermany 2 1\nzero 0 0\n");
    }

    @Test
    void aQueryThatFailsPrintsNothingBeforeTheError() throws IOException {
        Path zero = zeroVectors();
        Cli.Result r = Cli.run("neighbors", zero.toString(), "paris", "zero");
        assertOneLineError(r, 1, "the vector of 'zero' is zero");
        assertEquals("", r.out(), "no 'nearest to' heading, not even for the word before");
        r = Cli.run("analogy", zero.toString(), "paris", "france", "zero");
        assertOneLineError(r, 1, "'zero' is zero");
        assertEquals("", r.out(), "no 'a : b :: c : ?' heading");
        r = Cli.run("similarity", zero.toString(), "paris", "zero");
        assertOneLineError(r, 1, "'zero' is zero");
        assertEquals("", r.out());
    }

    /** The start of a fastText model: magic 793712314 and version 12 (int32, little-endian), then arbitrary bytes. */
    private Path fastTextModel() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2000).order(ByteOrder.LITTLE_ENDIAN).putInt(793712314).putInt(12);
        while (b.hasRemaining()) {
            b.put((byte) (b.position() * 37));
        }
        return Files.write(dir.resolve("model.bin"), b.array());
    }

    @Test
    void aFastTextModelIsNamedAndItsVecFileSuggested() throws IOException {
        Path model = fastTextModel();
        for (String[] args : new String[][] {{"neighbors", model.toString(), "paris"},
            {"neighbors", model.toString(), "paris", "--format", "text"},
            {"similarity", model.toString(), "paris", "france", "--format", "binary"}}) {
            Cli.Result r = Cli.run(args);
            assertOneLineError(r, 1, "skipgram: cannot read vectors: " + model + " is a fastText model (.bin), not a"
                    + " word2vec vector file; load the .vec file that fastText writes beside it");
        }
    }
}
