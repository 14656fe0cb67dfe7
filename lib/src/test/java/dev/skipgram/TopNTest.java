package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skipgram.random.RestorableRandom;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded heap against a full sort: the same indices in the same order, ties to the lower index. */
class TopNTest {

    private static int[] bySort(double[] scores, int n) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(w -> -scores[w]).thenComparingInt(w -> w))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void keepsTheBestNInOrderAsASortWould() {
        RestorableRandom rng = RestorableRandom.seeded(4);
        for (int round = 0; round < 200; round++) {
            int v = 1 + rng.nextInt(300);
            int n = rng.nextInt(v + 5);
            double[] scores = new double[v];
            for (int w = 0; w < v; w++) {
                // few distinct values, so ties are common
                scores[w] = rng.nextInt(round % 2 == 0 ? 7 : 1_000_000);
            }
            TopN top = new TopN(Math.min(n, v));
            for (int w = 0; w < v; w++) {
                top.offer(scores[w], w);
            }
            assertArrayEquals(bySort(scores, Math.min(n, v)), top.indicesBestFirst(), "V " + v + ", n " + n);
        }
    }

    @Test
    void nanIsNeverKeptAndZeroKeepsNothing() {
        TopN top = new TopN(2);
        top.offer(Double.NaN, 0);
        top.offer(0.5, 1);
        assertArrayEquals(new int[] {1}, top.indicesBestFirst());
        TopN none = new TopN(0);
        none.offer(1.0, 0);
        assertEquals(0, none.indicesBestFirst().length);
        assertEquals(Double.POSITIVE_INFINITY, none.threshold());
    }
}
