package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link WordVectors} queried by several threads at once: every answer equals the single-threaded
 * one. A shared scratch buffer, or a buffer view read after its array was freed, would show here.
 */
class WordVectorsConcurrencyTest {

    private static final int V = 1_000;
    private static final int D = 16;
    private static final int THREADS = 4;
    private static final int ROUNDS = 15;
    /** A hang guard, not a speed limit: the queries take about a second. */
    private static final long HANG_GUARD_S = 600;

    /** One query and its single-threaded answer. */
    private record Query(int kind, String a, String b, String c, int n, Object expected) {}

    private static Object answer(WordVectors vectors, int kind, String a, String b, String c, int n) {
        return switch (kind) {
            case 0 -> vectors.mostSimilar(a, n);
            case 1 -> vectors.analogy(a, b, c, n);
            case 2 -> vectors.similarity(a, b);
            case 3 -> vectors.vector(a);
            default -> vectors.mostSimilar(vectors.vector(a).add(vectors.vector(b)), n);
        };
    }

    @Test
    void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
        RestorableRandom rng = RestorableRandom.seeded(17);
        List<String> words = new ArrayList<>();
        long[] counts = new long[V];
        float[][] center = new float[V][D];
        for (int w = 0; w < V; w++) {
            words.add("w" + w);
            counts[w] = V - w;
            for (int j = 0; j < D; j++) {
                center[w][j] = (float) rng.nextGaussian();
            }
        }
        WordVectors vectors = new WordVectors(new Vocabulary(words, counts), Nd4j.createFromArray(center));
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int kind = i % 5;
            String a = "w" + rng.nextInt(V);
            String b = "w" + rng.nextInt(V);
            String c = "w" + rng.nextInt(V);
            int n = 1 + rng.nextInt(20);
            queries.add(new Query(kind, a, b, c, n, answer(vectors, kind, a, b, c, n)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < queries.size(); i++) {
                            // each thread walks the queries from its own offset, so different ones overlap
                            Query q = queries.get((i + offset * 7) % queries.size());
                            Object got = answer(vectors, q.kind(), q.a(), q.b(), q.c(), q.n());
                            assertEquals(q.expected(), got, "query " + q);
                            checked++;
                        }
                        if (offset == 0 && round % 5 == 4) {
                            System.gc(); // free what is unreachable meanwhile: a dangling buffer view would show
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(HANG_GUARD_S, TimeUnit.SECONDS);
            }
            assertEquals(THREADS * ROUNDS * queries.size(), total);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(HANG_GUARD_S, TimeUnit.SECONDS));
        }
    }
}
