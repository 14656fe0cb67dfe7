package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WordVectorsTest {

    private static WordVectors vectors() {
        Vocabulary vocabulary = new Vocabulary(List.of("north", "south", "up", "zero"), new long[] {3, 2, 2, 1});
        INDArray center = Nd4j.createFromArray(new float[][] {{1, 0}, {-1, 0.1f}, {0.6f, 0.8f}, {0, 0}});
        return new WordVectors(vocabulary, center, Nd4j.zeros(DataType.FLOAT, 4, 2));
    }

    @Test
    void similarityIsTheCosine() {
        assertEquals(0.6, vectors().similarity("north", "up"), 1e-6);
        assertEquals(-1 / Math.sqrt(1.01), vectors().similarity("north", "south"), 1e-6);
    }

    @Test
    void mostSimilarIsSortedAndExcludesTheQueryAndZeroVectors() {
        List<WordVectors.Neighbor> n = vectors().mostSimilar("north", 3); // "zero" has no direction
        assertEquals(List.of("up", "south"), n.stream().map(WordVectors.Neighbor::word).toList());
        assertEquals(1, vectors().mostSimilar("north", 1).size());
    }

    @Test
    void mostSimilarToAVectorAndAnalogies() {
        WordVectors v = vectors();
        assertEquals(List.of("north", "up"), v.mostSimilar(Nd4j.createFromArray(2.0, 0.5), 2).stream()
                .map(WordVectors.Neighbor::word).toList());
        // excluding north, south and up leaves only "zero", which has no direction: no answer
        assertEquals(List.of(), v.analogy("north", "south", "up", 1));
        Vocabulary vocabulary = new Vocabulary(List.of("man", "woman", "king", "queen", "apple"), new long[] {5, 4, 3, 2, 1});
        WordVectors w = new WordVectors(vocabulary, Nd4j.createFromArray(new float[][] {
                {1, 0, 0}, {1, 1, 0}, {1, 0, 1}, {1, 1, 1}, {-1, 0, 0}}));
        assertEquals("queen", w.analogy("man", "woman", "king", 1).get(0).word());
        assertEquals(2, w.analogy("man", "woman", "king", 2).size());
    }

    @Test
    void badQueriesAreClearErrors() {
        WordVectors v = vectors();
        assertThrows(IllegalArgumentException.class, () -> v.mostSimilar(Nd4j.createFromArray(0.0, 0.0), 1));
        assertThrows(IllegalArgumentException.class, () -> v.mostSimilar(Nd4j.createFromArray(1.0, 2.0, 3.0), 1));
        assertThrows(IllegalArgumentException.class, () -> v.mostSimilar(Nd4j.createFromArray(Double.NaN, 1.0), 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.mostSimilar("north", 5)).getMessage()
                .contains("[1, 4]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.analogy("north", "mars", "up", 1))
                .getMessage().contains("'mars'"));
    }

    @Test
    void vectorIsACopy() {
        WordVectors v = vectors();
        v.vector("north").addi(5);
        assertEquals(1f, v.vector("north").getFloat(0));
    }

    @Test
    void unknownWordsZeroVectorsAndBadCountsAreClearErrors() {
        WordVectors v = vectors();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.vector("west"));
        assertTrue(e.getMessage().contains("'west'") && e.getMessage().contains("not in the vocabulary"));
        e = assertThrows(IllegalArgumentException.class, () -> v.similarity("zero", "up"));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.mostSimilar("up", 0));
    }

    @Test
    void repeatedWordsInAQueryAreWellDefined() {
        WordVectors v = vectors();
        assertEquals(1.0, v.similarity("up", "up"), 1e-12);
        assertTrue(v.similarity("south", "south") <= 1.0, "never above 1, whatever the rounding");
        // a : a :: c : ?  and  a : b :: a : ?  both ask for the word nearest the other one, a and it excluded
        List<WordVectors.Neighbor> aac = v.analogy("north", "north", "up", 2);
        List<WordVectors.Neighbor> aba = v.analogy("north", "up", "north", 2);
        assertEquals(List.of("south"), aac.stream().map(WordVectors.Neighbor::word).toList());
        assertEquals(List.of("south"), aba.stream().map(WordVectors.Neighbor::word).toList());
        assertEquals(v.similarity("up", "south"), aac.get(0).similarity(), 1e-12);
        assertEquals(v.similarity("up", "south"), aba.get(0).similarity(), 1e-12);
        // a word list with a repeat cannot become a vocabulary
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a", "b", "a"), new long[] {1, 1, 1}));
    }

    @Test
    void everyQueryOnAZeroVectorOrAnUnknownWordIsAnErrorNotNaN() {
        WordVectors v = vectors();
        for (Runnable query : List.<Runnable>of(
                () -> v.similarity("zero", "north"), () -> v.similarity("north", "zero"),
                () -> v.mostSimilar("zero", 1), () -> v.analogy("zero", "north", "up", 1),
                () -> v.analogy("north", "zero", "up", 1), () -> v.analogy("north", "up", "zero", 1),
                () -> v.mostSimilar(Nd4j.createFromArray(0f, 0f), 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query::run);
            assertTrue(e.getMessage().contains("zero") && e.getMessage().contains("undefined"), e.getMessage());
        }
        for (Runnable query : List.<Runnable>of(() -> v.similarity("north", "west"), () -> v.mostSimilar("west", 1),
                () -> v.analogy("north", "south", "west", 1), () -> v.vector("west"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query::run);
            assertTrue(e.getMessage().contains("'west' is not in the vocabulary (4 words)"), e.getMessage());
        }
        for (int n : new int[] {0, -1, 5, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.mostSimilar("north", n));
            assertTrue(e.getMessage().contains("n must be in [1, 4]") && e.getMessage().contains("got " + n),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> v.analogy("north", "south", "up", n));
        }
        assertThrows(NullPointerException.class, () -> v.similarity(null, "up"));
    }

    @Test
    void nonFiniteVectorsAreRefusedNamingTheWord() {
        Vocabulary vocabulary = new Vocabulary(List.of("a", "b"), new long[] {2, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordVectors(vocabulary,
                Nd4j.createFromArray(new float[][] {{1, 2}, {Float.NaN, 0}})));
        assertTrue(e.getMessage().contains("row 1 ('b')") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new WordVectors(vocabulary,
                Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}),
                Nd4j.createFromArray(new float[][] {{1, Float.NEGATIVE_INFINITY}, {3, 4}})));
        assertTrue(e.getMessage().contains("outsideVectors row 0 ('a')") && e.getMessage().contains("-Infinity"),
                e.getMessage());
    }

    @Test
    void shapesMustMatchTheVocabulary() {
        Vocabulary vocabulary = new Vocabulary(List.of("a", "b"), new long[] {1, 1});
        assertThrows(IllegalArgumentException.class,
                () -> new WordVectors(vocabulary, Nd4j.zeros(DataType.FLOAT, 3, 2), Nd4j.zeros(DataType.FLOAT, 3, 2)));
    }
}
