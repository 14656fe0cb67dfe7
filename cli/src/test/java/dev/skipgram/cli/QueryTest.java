package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** neighbors, analogy, similarity and evaluate on hand-made vectors whose answers are known. */
class QueryTest {

    @TempDir
    Path dir;

    @Test
    void neighborsAreRankedByCosine() {
        // paris (1,0,0): france (1,1,0) cos .707, berlin (0,0,1) 0, germany (0,1,1) 0, parts (-1,0,0) -1
        Cli.Result r = Cli.run("neighbors", ErrorsTest.vectors(dir).toString(), "paris", "-n", "2");
        assertEquals(0, r.code(), r.toString());
        assertEquals("nearest to paris:\n   1. france  0.7071\n   2. berlin  0.0000\n", r.out().replace("\r", ""));
    }

    @Test
    void analogyAnswersBy3CosAdd() {
        // unit(france) - unit(paris) + unit(berlin) = (-.29, .71, 1): cos .9586 with germany (0, .71, .71)
        Cli.Result r = Cli.run("analogy", ErrorsTest.vectors(dir).toString(), "paris", "france", "berlin", "-n", "1");
        assertEquals(0, r.code(), r.toString());
        assertEquals("paris : france :: berlin : ?\n   1. germany  0.9586\n", r.out());
    }

    @Test
    void analogyLeavesOutTheQueryWordsAndRanksBy3CosMulOnRequest() {
        // -n beyond what is left: the two words other than paris, france and berlin
        Cli.Result r = Cli.run("analogy", ErrorsTest.vectors(dir).toString(), "paris", "france", "berlin", "-n", "9");
        assertEquals(0, r.code(), r.toString());
        assertEquals("paris : france :: berlin : ?\n   1. germany  0.9586\n   2. parts    0.2326\n", r.out());
        // 3CosMul: parts, opposite paris, gets a zero denominator (+ 1e-6) and wins, as in gensim
        r = Cli.run("analogy", ErrorsTest.vectors(dir).toString(), "paris", "france", "berlin", "--cosmul");
        assertEquals(0, r.code(), r.toString());
        assertEquals("paris : france :: berlin : ?  (3CosMul)\n   1. parts    73223.3047\n   2. germany  1.2803\n",
                r.out());
    }

    @Test
    void neighborsOfSeveralWordsBeyondTheVocabulary() {
        Cli.Result r = Cli.run("neighbors", ErrorsTest.vectors(dir).toString(), "paris", "parts", "-n", "10");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("nearest to paris:\n   1. france   0.7071\n"), r.out());
        assertTrue(r.out().contains("nearest to parts:\n   1. berlin   0.0000\n"), r.out());
        assertEquals(10, r.out().lines().count(), r.out());
    }

    @Test
    void similarityIsTheCosine() {
        Cli.Result r = Cli.run("similarity", ErrorsTest.vectors(dir).toString(), "berlin", "germany");
        assertEquals(0, r.code(), r.toString());
        assertEquals("cosine similarity of berlin and germany: 0.7071\n", r.out());
    }

    @Test
    void textFilesAreRecognisedWhateverTheirName() throws IOException {
        Path file = Files.writeString(dir.resolve("vectors.data"), "3 2\na 1 0\nb 0 1\nc 1 1\n");
        Cli.Result r = Cli.run("similarity", file.toString(), "a", "c");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("0.7071"), r.out());
    }

    @Test
    void theFormatIsDetectedFromTheContentWhateverTheName() throws IOException {
        // issue 11: a text file named .bin was read as binary and refused
        Path binary = ErrorsTest.vectors(dir);
        Path fakeBin = Files.writeString(dir.resolve("fake.bin"), "4 2\na 1 0\nb 0 1\nc 1 1\nd -1 1\n");
        Path binaryTxt = Files.copy(binary, dir.resolve("x.txt"));
        for (String command : new String[] {"similarity", "neighbors", "evaluate", "plot", "analogy"}) {
            Cli.Result text = Cli.run(args(command, fakeBin, "a", "c", "b"));
            assertEquals(0, text.code(), command + ": " + text);
            Cli.Result bin = Cli.run(args(command, binaryTxt, "paris", "france", "berlin"));
            assertEquals(0, bin.code(), command + ": " + bin);
        }
        assertTrue(Cli.run("similarity", fakeBin.toString(), "a", "c").out().contains("0.7071"));
        assertTrue(Cli.run("similarity", binaryTxt.toString(), "berlin", "germany").out().contains("0.7071"));
    }

    /** A command line of each command that reads vectors, on {@code file} and words w1, w2, w3. */
    private String[] args(String command, Path file, String w1, String w2, String w3) throws IOException {
        return switch (command) {
            case "similarity" -> new String[] {command, file.toString(), w1, w2};
            case "neighbors" -> new String[] {command, file.toString(), w1};
            case "analogy" -> new String[] {command, file.toString(), w1, w2, w3, "-n", "1"};
            case "plot" -> new String[] {command, file.toString(), w1, w2, w3, "--out",
                dir.resolve("p.png").toString()};
            case "evaluate" -> new String[] {command, file.toString(), "--similarity", Files.writeString(
                dir.resolve("ws.tsv"), w1 + "\t" + w2 + "\t5\n" + w1 + "\t" + w3 + "\t3\n").toString()};
            default -> throw new IllegalArgumentException(command);
        };
    }

    @Test
    void formatForcesTheReader() throws IOException {
        Path fakeBin = Files.writeString(dir.resolve("fake.bin"), "3 2\na 1 0\nb 0 1\nc 1 1\n");
        Cli.Result forcedText = Cli.run("similarity", fakeBin.toString(), "a", "c", "--format", "text");
        assertEquals(0, forcedText.code(), forcedText.toString());
        Cli.Result forcedBinary = Cli.run("similarity", fakeBin.toString(), "a", "c", "--format", "binary");
        assertEquals(1, forcedBinary.code(), forcedBinary.toString());
        assertTrue(forcedBinary.err().startsWith("skipgram: cannot read vectors: " + fakeBin + ", "),
                forcedBinary.err());
        Path binaryTxt = Files.copy(ErrorsTest.vectors(dir), dir.resolve("x.txt"));
        Cli.Result forcedTextOnBinary = Cli.run("neighbors", binaryTxt.toString(), "paris", "--format", "text");
        assertEquals(1, forcedTextOnBinary.code(), forcedTextOnBinary.toString());
        assertTrue(forcedTextOnBinary.err().contains(binaryTxt + ", entry 1"), forcedTextOnBinary.err());
        Cli.Result bad = Cli.run("neighbors", binaryTxt.toString(), "paris", "--format", "csv");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("expected binary or text, got 'csv'"), bad.err());
        for (String command : new String[] {"neighbors", "analogy", "similarity", "evaluate", "plot"}) {
            String help = Cli.run(command, "--help").out();
            assertTrue(help.contains("--format=binary|text"), command + ": " + help);
            assertTrue(help.replaceAll("\\s+", " ").contains("default: detected from the content"),
                    command + ": " + help);
        }
    }

    @Test
    void evaluatePrintsThePerSectionTableTotalsAndCoverage() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path questions = Files.writeString(dir.resolve("q.txt"), String.join("\n",
                ": capitals", "paris france berlin germany", "berlin germany paris france", "paris france rome italy",
                ": gram-test", "paris parts berlin france", ""));
        Path pairs = Files.writeString(dir.resolve("ws.tsv"),
                "paris\tfrance\t9\nparis\tparts\t1\nberlin\tgermany\t9\nrome\titaly\t7\n");
        Cli.Result r = Cli.run("evaluate", v.toString(), "--analogies", questions.toString(), "--similarity",
                pairs.toString());
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("  capitals                     2         2         3    100.0%"), out);
        assertTrue(out.contains("  gram-test                    0         1         1      0.0%"), out);
        assertTrue(out.contains("  semantic                     2         2         3    100.0%"), out);
        assertTrue(out.contains("  syntactic                    0         1         1      0.0%"), out);
        assertTrue(out.contains("  total                        2         3         4     66.7%"), out);
        assertTrue(out.contains("coverage: 3 of 4 questions (75.0%) have all four words among the 5 most frequent"),
                out);
        assertTrue(out.contains("Spearman correlation 1.0000 on 3 pairs (1 skipped"), out);
        assertTrue(out.contains("\n  Pearson correlation 1.0000\n"), out);
    }
}
