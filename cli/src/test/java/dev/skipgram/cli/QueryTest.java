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
    }
}
