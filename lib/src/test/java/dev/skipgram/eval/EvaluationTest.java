package dev.skipgram.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class EvaluationTest {

    /**
     * Hand-built vectors: unit(man) = (1,0,0), unit(woman) = (.71,.71,0), unit(king) = (.71,0,.71),
     * unit(queen) = (.58,.58,.58). For man : woman :: king : ?, woman − man + king = (.41,.71,.71),
     * whose cosine is .98 with queen, .65 with girl, and negative with apple.
     */
    private static WordVectors vectors() {
        Vocabulary v = new Vocabulary(List.of("man", "woman", "king", "queen", "girl", "apple", "Queen"),
                new long[] {7, 6, 5, 4, 3, 2, 1});
        return new WordVectors(v, Nd4j.createFromArray(new float[][] {
                {1, 0, 0}, {1, 1, 0}, {1, 0, 1}, {1, 1, 1}, {0, 1, 0}, {-1, 0, 0}, {0, 0, -1}}));
    }

    private static Path questions(Path dir) throws IOException {
        return Files.writeString(dir.resolve("questions.txt"), String.join("\n",
                ": family",
                "man woman king queen", // correct
                "MAN Woman KING QUEEN", // correct: case-insensitive ("Queen" at index 6 loses to "queen")
                "man woman zebra queen", // not covered
                ": gram-test",
                "man woman king apple", // answered queen: wrong
                "") + "\n");
    }

    @Test
    void analogiesAreAnsweredBy3CosAddPerSection(@TempDir Path dir) throws IOException {
        AnalogyReport r = Evaluation.analogies(vectors(), questions(dir), 30_000);
        assertEquals(2, r.sections().size());
        assertEquals(new AnalogyReport.Section("family", 2, 2, 3), r.sections().get(0));
        assertEquals(new AnalogyReport.Section("gram-test", 0, 1, 1), r.sections().get(1));
        assertEquals(2.0 / 3, r.accuracy(), 1e-12);
        assertEquals(1.0, r.semanticAccuracy(), 1e-12);
        assertEquals(0.0, r.syntacticAccuracy(), 1e-12);
        assertEquals(4, r.questions());
        assertEquals(0.75, r.coverage(), 1e-12);
    }

    /**
     * A restriction to a quarter of the words or fewer copies those rows one by one instead of the
     * whole matrix (GoogleNews: 30,000 of 3,000,000): the answers are those of the whole copy.
     */
    @Test
    void aFewRowsOfManyAreCopiedOneByOneWithTheSameAnswers(@TempDir Path dir) throws IOException {
        WordVectors seven = vectors();
        List<String> words = new java.util.ArrayList<>(seven.vocabulary().words());
        long[] counts = new long[7 + 100];
        float[][] rows = new float[7 + 100][];
        for (int w = 0; w < 7; w++) {
            counts[w] = 1000 - w;
            rows[w] = seven.vector(words.get(w)).toFloatVector();
        }
        for (int w = 7; w < counts.length; w++) {
            words.add("filler" + w);
            counts[w] = 1;
            rows[w] = new float[] {0.5f, -0.25f * (w % 5), 0.125f * (w % 3)};
        }
        WordVectors padded = new WordVectors(new Vocabulary(words, counts), Nd4j.createFromArray(rows));
        Path q = questions(dir);
        for (int restrict : new int[] {4, 7}) {
            assertEquals(Evaluation.analogies(seven, q, restrict), Evaluation.analogies(padded, q, restrict),
                    "restrict " + restrict); // 107 / 4 = 26 ≥ 7: both take the one-by-one path on padded
        }
        AnalogyReport four = Evaluation.analogies(padded, q, 4); // man, woman, king, queen: apple is not among them
        assertEquals(2, four.covered());
        assertEquals(2, four.correct());
    }

    @Test
    void onlyTheMostFrequentWordsTakePart(@TempDir Path dir) throws IOException {
        AnalogyReport r = Evaluation.analogies(vectors(), questions(dir), 3); // man, woman, king
        assertEquals(0, r.covered());
        assertEquals(3, r.restrictVocabulary());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.analogies(vectors(), questions(dir), 0));
    }

    @Test
    void aMalformedQuestionNamesItsLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), ": s\nman woman king\n");
        IOException e = assertThrows(IOException.class, () -> Evaluation.analogies(vectors(), bad, 10));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aFileWithoutAQuestionOrPairIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        // issue 11: these used to give a table of zeros and exit 0
        for (String content : new String[] {"", "\n\n", ": capital-common-countries\n: gram1-adjective-to-adverb\n"}) {
            Path empty = Files.writeString(dir.resolve("empty.txt"), content);
            IOException e = assertThrows(IOException.class, () -> Evaluation.analogies(vectors(), empty, 10));
            assertEquals(empty + " has no usable line: no question (four words a b c d), so there is nothing to"
                    + " evaluate", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.analogies(vectors(), List.of(": s", ""), 10));
        assertTrue(e.getMessage().contains("no usable line"), e.getMessage());
        for (String content : new String[] {"", "# word1\tword2\tscore\n\n"}) {
            Path empty = Files.writeString(dir.resolve("empty.tsv"), content);
            IOException x = assertThrows(IOException.class, () -> Evaluation.similarity(vectors(), empty));
            assertEquals(empty + " has no usable line: no word pair (word1<TAB>word2<TAB>score), so there is nothing"
                    + " to evaluate", x.getMessage());
        }
    }

    @Test
    void questionsAndPairsOutOfTheVocabularyStillCountAsGensimCountsThem(@TempDir Path dir) throws IOException {
        Path questions = Files.writeString(dir.resolve("q.txt"), ": s\nzebra yak gnu emu\n");
        AnalogyReport r = Evaluation.analogies(vectors(), questions, 10);
        assertEquals(1, r.questions());
        assertEquals(0, r.covered());
        assertEquals(0.0, r.coverage(), 0);
        Path pairs = Files.writeString(dir.resolve("ws.tsv"), "zebra\tyak\t5\n");
        SimilarityReport s = Evaluation.similarity(vectors(), pairs);
        assertEquals(0, s.pairsUsed());
        assertEquals(1, s.pairsSkipped());
        assertTrue(Double.isNaN(s.spearman()));
    }

    @Test
    void questionsInMemoryScoreAsTheSameLinesInAFile(@TempDir Path dir) throws IOException {
        Path file = questions(dir);
        AnalogyReport fromLines = Evaluation.analogies(vectors(), Files.readAllLines(file), 30_000);
        assertEquals(Evaluation.analogies(vectors(), file, 30_000), fromLines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.analogies(vectors(), List.of(": s", "man woman king"), 10));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void spearmanByHand() {
        // ranks of y: 1 2 4 3, so ρ = 1 − 6·Σd² / (n(n² − 1)) = 1 − 6·2/60 = 0.8
        assertEquals(0.8, Evaluation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 40, 30}), 1e-12);
        // ties share the average rank: x ranks 1, 2.5, 2.5, 4 → ρ = 4.5 / sqrt(4.5 · 5) (scipy: 0.9486833)
        assertEquals(4.5 / Math.sqrt(22.5), Evaluation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}),
                1e-12);
        assertTrue(Double.isNaN(Evaluation.spearman(new double[] {1}, new double[] {2})));
    }

    @Test
    void similarityCorrelatesCosinesWithHumanScoresAndCountsUnknownPairs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ws.tsv"), String.join("\n",
                "# word1\tword2\tscore",
                "king\tqueen\t9.0", // cos .82
                "man\tWOMAN\t7.5", // cos .71
                "man\tapple\t0.5", // cos −1
                "king\tzebra\t3.0", // skipped
                ""));
        SimilarityReport r = Evaluation.similarity(vectors(), file);
        assertEquals(3, r.pairsUsed());
        assertEquals(1, r.pairsSkipped());
        assertEquals(1.0, r.spearman(), 1e-12); // the orders agree exactly
        assertEquals(25.0, r.outOfVocabularyPercent(), 1e-12);
    }

    @Test
    void aNonUtf8OrOversizedFileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', (byte) 0xE9, ' ', 'x', '\t', '1', '\n'});
        IOException e = assertThrows(IOException.class, () -> Evaluation.similarity(vectors(), latin1));
        assertTrue(e.getMessage().contains(latin1.toString()) && e.getMessage().contains("not UTF-8"),
                e.getMessage());

        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Evaluation.MAX_FILE_BYTES + 1); // sparse: no disk is used
        }
        e = assertThrows(IOException.class, () -> Evaluation.analogies(vectors(), huge, 10));
        assertTrue(e.getMessage().contains(huge.toString()) && e.getMessage().contains("is it the right file"),
                e.getMessage());
    }
}
