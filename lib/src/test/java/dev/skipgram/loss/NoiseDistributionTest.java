package dev.skipgram.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.random.RestorableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistical tests of the alias sampler against the exact P_n(w) ∝ count^α.
 *
 * <p>Each goodness-of-fit test draws N samples and compares the counts with N·P_n by Pearson's
 * chi-square statistic with (V_seen − 1) degrees of freedom. A correct sampler fails one seed's test
 * with probability α = 0.001 (the false-failure rate); the seeds are fixed, so a given build passes or
 * fails deterministically, and three seeds per distribution are run, so a correct sampler would fail
 * this class for roughly 0.3% of seed choices. A wrong exponent (0.75 vs 1) or an off-by-one column is
 * rejected with a p-value below 1e-100.
 */
class NoiseDistributionTest {

    private static final double ALPHA = 0.001;
    private static final int N = 400_000;

    private static final long[] COUNTS = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 0, 1, 4181};

    private static double pValue(NoiseDistribution noise, long seed) {
        RandomGenerator rng = RestorableRandom.seeded(seed);
        long[] observed = new long[noise.size()];
        for (int i = 0; i < N; i++) {
            observed[noise.sample(rng)]++;
        }
        double chi2 = 0;
        int categories = 0;
        for (int w = 0; w < noise.size(); w++) {
            double expected = N * noise.probability(w);
            if (expected == 0) {
                assertEquals(0, observed[w], "word " + w + " has probability 0 but was drawn");
                continue;
            }
            chi2 += (observed[w] - expected) * (observed[w] - expected) / expected;
            categories++;
        }
        return 1 - new ChiSquaredDistribution(categories - 1).cumulativeProbability(chi2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void samplesFollowCountToTheThreeQuarters(long seed) {
        double p = pValue(new NoiseDistribution(COUNTS), seed);
        assertTrue(p > ALPHA, "chi-square p-value " + p);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void otherExponentsToo(double exponent) {
        double p = pValue(new NoiseDistribution(COUNTS, exponent), 17);
        assertTrue(p > ALPHA, "chi-square p-value " + p);
    }

    @Test
    void theTestHasPower() {
        // Draws from count^1 judged against count^0.75 must fail decisively.
        NoiseDistribution truth = new NoiseDistribution(COUNTS, 1.0);
        NoiseDistribution claimed = new NoiseDistribution(COUNTS, 0.75);
        RandomGenerator rng = RestorableRandom.seeded(1);
        long[] observed = new long[COUNTS.length];
        for (int i = 0; i < N; i++) {
            observed[truth.sample(rng)]++;
        }
        double chi2 = 0;
        for (int w = 0; w < COUNTS.length; w++) {
            double e = N * claimed.probability(w);
            if (e > 0) {
                chi2 += (observed[w] - e) * (observed[w] - e) / e;
            }
        }
        assertTrue(1 - new ChiSquaredDistribution(COUNTS.length - 2).cumulativeProbability(chi2) < 1e-12);
    }

    @Test
    void probabilitiesAreExact() {
        NoiseDistribution noise = new NoiseDistribution(new long[] {16, 0, 1, 81});
        double total = 8 + 0 + 1 + 27; // 16^0.75, 0, 1, 81^0.75
        assertEquals(8 / total, noise.probability(0), 1e-15);
        assertEquals(0.0, noise.probability(1));
        assertEquals(1 / total, noise.probability(2), 1e-15);
        assertEquals(27 / total, noise.probability(3), 1e-15);
    }

    @Test
    void intCountsGiveTheSameDistribution() {
        NoiseDistribution fromInts = new NoiseDistribution(new int[] {16, 0, 1, 81}, 0.5);
        NoiseDistribution fromLongs = new NoiseDistribution(new long[] {16, 0, 1, 81}, 0.5);
        for (int w = 0; w < 4; w++) {
            assertEquals(fromLongs.probability(w), fromInts.probability(w));
        }
        assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new int[] {2, -3}));
    }

    @Test
    void aSingleWordIsAlwaysDrawn() {
        NoiseDistribution noise = new NoiseDistribution(new long[] {0, 7, 0});
        RandomGenerator rng = RestorableRandom.seeded(4);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, noise.sample(rng));
        }
    }

    @Test
    void badCountsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new long[] {3, -1}))
                .getMessage().contains("-1"));
        assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new long[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new long[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new NoiseDistribution(new long[] {1}, -0.5));
    }

    /** A generator that returns scripted values: nextLong() the longs, nextInt() the ints. */
    private static RandomGenerator scripted(long[] longs, int[] ints) {
        return new RandomGenerator() {
            private int nextLong;
            private int nextInt;

            @Override
            public long nextLong() {
                return longs[nextLong++];
            }

            @Override
            public int nextInt() {
                return ints[nextInt++];
            }
        };
    }

    @Test
    void oneDrawPicksTheColumnWithItsHighHalfAndTossesTheCoinWithItsLowHalf() {
        // V = 4 uniform: every column keeps itself; high half h picks column floor(h·4 / 2^32)
        NoiseDistribution uniform = new NoiseDistribution(new long[] {1, 1, 1, 1}, 1.0);
        for (int column = 0; column < 4; column++) {
            long high = ((long) column << 30) | 12345;
            assertEquals(column, uniform.sample(scripted(new long[] {high << 32 | 0xFFFF_FFFFL}, new int[0])));
        }
        // V = 2, P = (1/4, 3/4): column 0 keeps itself with probability 1/2, else answers its alias 1
        NoiseDistribution skewed = new NoiseDistribution(new long[] {1, 3}, 1.0);
        assertEquals(0, skewed.sample(scripted(new long[] {0x1000_0000_7FFF_FFFFL}, new int[0])));
        assertEquals(1, skewed.sample(scripted(new long[] {0x1000_0000_8000_0000L}, new int[0])));
    }

    @Test
    void theColumnIsRedrawnOnlyInTheBiasedZone() {
        // V = 3: 2^32 mod 3 = 1, so only a high half of 0 (product 0) is rejected; the redraw's
        // nextInt() gives the column instead, the coin stays the first draw's low half
        NoiseDistribution uniform = new NoiseDistribution(new long[] {1, 1, 1}, 1.0);
        int fromRedraw = (int) (0xC000_0000L); // × 3 / 2^32 = 2.25 → column 2
        assertEquals(2, uniform.sample(scripted(new long[] {0L}, new int[] {fromRedraw})));
        // a high half of 1 gives product 3 ≥ 1: accepted, column 0, no redraw asked for
        assertEquals(0, uniform.sample(scripted(new long[] {1L << 32}, new int[0])));
    }
}
