package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gensim-compatible queries of {@link WordVectors} at their edges: unknown words, empty lists,
 * zero vectors, n beyond the vocabulary, the batch in several blocks, and the lazy norms under
 * concurrent first use. {@link WordVectorsGoldenTest} holds them to gensim's answers.
 */
class WordVectorsQueriesTest {

    /** north and up are 53° apart, south almost opposite north, zero has no direction. */
    private static WordVectors small() {
        Vocabulary vocabulary = new Vocabulary(List.of("north", "south", "up", "zero", "east"),
                new long[] {5, 4, 3, 2, 1});
        return new WordVectors(vocabulary, Nd4j.createFromArray(new float[][] {
                {1, 0, 0}, {-1, 0.1f, 0}, {0.6f, 0.8f, 0}, {0, 0, 0}, {0.1f, 0.2f, 1}}));
    }

    /** V random Gaussian vectors of d dimensions, words w0, w1, ... */
    private static WordVectors random(int v, int d, long seed) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        List<String> words = new ArrayList<>();
        long[] counts = new long[v];
        float[][] rows = new float[v][d];
        for (int w = 0; w < v; w++) {
            words.add("w" + w);
            counts[w] = v - w;
            for (int j = 0; j < d; j++) {
                rows[w][j] = (float) rng.nextGaussian();
            }
        }
        return new WordVectors(new Vocabulary(words, counts), Nd4j.createFromArray(rows));
    }

    private static List<String> words(List<WordVectors.Neighbor> neighbors) {
        return neighbors.stream().map(WordVectors.Neighbor::word).toList();
    }

    @Test
    void aNeighbourPrintsAsWordAndScore() {
        assertEquals("warwick 0.8011", new WordVectors.Neighbor("warwick", 0.80114).toString());
        assertEquals("x -0.5000", new WordVectors.Neighbor("x", -0.5).toString());
    }

    @Test
    void unknownWordsAreErrorsNamingTheWord() {
        WordVectors v = small();
        List<Executable> queries = List.of(
                () -> v.mostSimilar(List.of("north", "mars"), List.of(), 2),
                () -> v.mostSimilar(List.of("north"), List.of("mars"), 2),
                () -> v.mostSimilarCosMul(List.of("mars"), List.of(), 2),
                () -> v.mostSimilarCosMul(List.of("north"), List.of("mars"), 2),
                () -> v.nSimilarity(List.of("north"), List.of("mars")),
                () -> v.distance("mars", "north"),
                () -> v.rank("north", "mars"),
                () -> v.rank("mars", "north"),
                () -> v.similarByVector(Nd4j.createFromArray(1f, 0f, 0f), 2, List.of("mars")),
                () -> v.mostSimilar(List.of(WordVectors.Query.of("north"), WordVectors.Query.of("mars")), 2));
        for (Executable query : queries) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query);
            assertTrue(e.getMessage().contains("'mars' is not in the vocabulary (5 words)"), e.getMessage());
        }
    }

    @Test
    void emptyQueriesAreErrors() {
        WordVectors v = small();
        List<Executable> queries = List.of(
                () -> v.mostSimilar(List.of(), List.of(), 2),
                () -> v.mostSimilarCosMul(List.of(), List.of("north"), 2),
                () -> v.doesntMatch(List.of()),
                () -> v.nSimilarity(List.of(), List.of("north")),
                () -> v.nSimilarity(List.of("north"), List.of()));
        for (Executable query : queries) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query);
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
        assertEquals(List.of(), v.mostSimilar(List.of(), 3), "no query, no answer");
    }

    @Test
    void zeroVectorsAndZeroMeansAreErrorsNotNaN() {
        WordVectors v = small();
        List<Executable> queries = List.of(
                () -> v.mostSimilar(List.of("zero"), List.of(), 2),
                () -> v.mostSimilar(List.of("north"), List.of("north"), 2),
                () -> v.mostSimilarCosMul(List.of("north"), List.of("zero"), 2),
                () -> v.doesntMatch(List.of("north", "zero")),
                () -> v.nSimilarity(List.of("zero"), List.of("north")),
                () -> v.rank("north", "zero"),
                () -> v.similarByVector(Nd4j.zeros(DataType.FLOAT, 3), 2));
        for (Executable query : queries) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query);
            assertTrue(e.getMessage().contains("zero") && e.getMessage().contains("undefined"), e.getMessage());
        }
        // a zero vector among others of a set is fine: the mean is not zero
        assertEquals(v.similarity("north", "up"), v.nSimilarity(List.of("north", "zero"), List.of("up")), 1e-12);
    }

    @Test
    void nBeyondTheVocabularyReturnsEveryCandidateAndZeroReturnsNone() {
        WordVectors v = small();
        // every word but the query and the zero vector
        assertEquals(List.of("up", "east", "south"), words(v.mostSimilar(List.of("north"), List.of(), 100)));
        assertEquals(List.of("north", "up", "east", "south"), words(v.similarByVector(v.vector("north"), 100)));
        assertEquals(List.of("up", "east", "south"), words(v.mostSimilarCosMul(List.of("north"), List.of(), 100)));
        assertEquals(List.of(), v.mostSimilar(List.of("north"), List.of(), 0));
        assertEquals(List.of(List.of()), v.mostSimilar(List.of(WordVectors.Query.of("north")), 0));
        for (Executable query : List.<Executable>of(() -> v.mostSimilar(List.of("north"), List.of(), -1),
                () -> v.mostSimilarCosMul(List.of("north"), List.of(), -1),
                () -> v.similarByVector(v.vector("up"), -1),
                () -> v.mostSimilar(List.of(WordVectors.Query.of("north")), -1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query);
            assertTrue(e.getMessage().contains("n must be >= 0, got -1"), e.getMessage());
        }
    }

    @Test
    void theQueryWordsAreExcludedAndSimilarByVectorExcludesOnRequest() {
        WordVectors v = small();
        // the analogy path leaves out all three words, unlike a bare vector query
        List<String> analogy = words(v.mostSimilar(List.of("up", "east"), List.of("south"), 5));
        assertTrue(!analogy.contains("up") && !analogy.contains("east") && !analogy.contains("south"), analogy.toString());
        assertEquals(words(v.analogy("south", "up", "east", 2)), analogy);
        assertEquals("north", v.similarByVector(v.vector("north"), 1).get(0).word());
        assertEquals(List.of("up", "east"), words(v.similarByVector(v.vector("north"), 2, List.of("north", "north"))));
    }

    @Test
    void scalarQueriesAgreeWithTheirDefinitions() {
        WordVectors v = small();
        assertEquals(1 - v.similarity("north", "east"), v.distance("north", "east"), 1e-12);
        assertEquals(0, v.distance("up", "up"), 1e-12);
        assertEquals(1, v.rank("north", "up"));
        assertEquals(3, v.rank("north", "south"));
        assertEquals(1, v.rank("north", "north"));
        // n_similarity averages the raw vectors, as gensim does: a long vector weighs more
        assertEquals(v.similarity("up", "east"), v.nSimilarity(List.of("up", "up"), List.of("east")), 1e-12);
        assertEquals("south", v.doesntMatch(List.of("north", "up", "south")));
        assertEquals("south", v.doesntMatch(List.of("north", "up", "south", "mars")), "mars is ignored");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.doesntMatch(List.of("mars", "venus")));
        assertTrue(e.getMessage().contains("[mars, venus]"), e.getMessage());
        assertEquals("north", v.doesntMatch(List.of("north")), "one word is the odd one out of itself");
    }

    @Test
    void cosMulWithOnePositiveWordRanksLikeCosAdd() {
        WordVectors v = random(400, 12, 3);
        List<String> add = words(v.mostSimilar(List.of("w7"), List.of(), 20));
        assertEquals(add, words(v.mostSimilarCosMul(List.of("w7"), List.of(), 20)));
        for (WordVectors.Neighbor x : v.mostSimilarCosMul(List.of("w7"), List.of(), 20)) {
            assertEquals((1 + v.similarity("w7", x.word())) / 2 / (1 + 1e-6), x.similarity(), 1e-12);
        }
    }

    @Test
    void theBatchInManyBlocksEqualsOneQueryAtATime() {
        WordVectors v = random(500, 16, 5);
        List<WordVectors.Query> queries = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            queries.add(i % 3 == 0 ? WordVectors.Query.of("w" + i)
                    : WordVectors.Query.analogy("w" + i, "w" + (i + 50), "w" + (i + 100)));
        }
        List<List<WordVectors.Neighbor>> one = new ArrayList<>();
        for (WordVectors.Query q : queries) {
            one.add(v.mostSimilar(q.positive(), q.negative(), 10));
        }
        assertEquals(one, v.mostSimilar(queries, 10));
        assertEquals(one, v.mostSimilar(queries, 10, 7 * 500, WordVectors.MIN_SPAN), "blocks of 7 queries");
        assertEquals(one, v.mostSimilar(queries, 10, 1, WordVectors.MIN_SPAN), "one query and one word at a time");
        // blocks of 5 queries against spans of 64 words: 8 spans, the last of 52, as a matrix of
        // 3,000,000 words is scanned in spans of 65,536
        assertEquals(one, v.mostSimilar(queries, 10, 5 * 64, 64), "5 queries x 64 words a tile");
        assertEquals(one, v.mostSimilar(queries, 10, 3 * 77, 77), "3 queries x 77 words a tile");
    }

    @Test
    void theOldQueriesAgreeWithTheNewOnes() {
        WordVectors v = random(300, 10, 9);
        // the same words; the scores may differ in the last bits (a raw query vector against a unit one)
        assertSameNeighbors(v.mostSimilar("w3", 15), v.mostSimilar(List.of("w3"), List.of(), 15));
        assertSameNeighbors(v.analogy("w1", "w2", "w3", 15), v.mostSimilar(List.of("w2", "w3"), List.of("w1"), 15));
        assertSameNeighbors(v.mostSimilar(v.vector("w4"), 15), v.similarByVector(v.vector("w4"), 15));
        for (WordVectors.Neighbor x : v.mostSimilar("w3", 15)) {
            assertEquals(v.similarity("w3", x.word()), x.similarity(), 1e-12);
        }
    }

    private static void assertSameNeighbors(List<WordVectors.Neighbor> expected, List<WordVectors.Neighbor> actual) {
        assertEquals(words(expected), words(actual));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).similarity(), actual.get(i).similarity(), 1e-12);
        }
    }

    /**
     * Many threads make the first query of a fresh instance at once: each gets the answer of an
     * instance queried by one thread, and the norms are computed exactly once. Deterministic: the
     * outcome does not depend on how the threads interleave; the latch only makes the race likely.
     */
    @Test
    void theLazyNormsAreComputedOnceWhenManyThreadsAskFirst() throws Exception {
        int threads = 8;
        WordVectors reference = random(2_000, 24, 11);
        List<List<WordVectors.Neighbor>> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            expected.add(reference.mostSimilar(List.of("w" + t), List.of("w" + (t + 100)), 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 10; round++) {
                WordVectors fresh = random(2_000, 24, 11);
                assertEquals(0, fresh.normComputations());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<WordVectors.Neighbor>>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int k = t;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return fresh.mostSimilar(List.of("w" + k), List.of("w" + (k + 100)), 10);
                    }));
                }
                start.countDown();
                for (int t = 0; t < threads; t++) {
                    assertEquals(expected.get(t), answers.get(t).get(600, TimeUnit.SECONDS)); // a hang guard only
                }
                assertEquals(1, fresh.normComputations());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queriesAreValidatedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new WordVectors.Query(List.of(), List.of()));
        assertThrows(NullPointerException.class, () -> new WordVectors.Query(List.of("a"), null));
        WordVectors.Query q = WordVectors.Query.analogy("man", "king", "woman");
        assertEquals(List.of("king", "woman"), q.positive());
        assertEquals(List.of("man"), q.negative());
    }
}
