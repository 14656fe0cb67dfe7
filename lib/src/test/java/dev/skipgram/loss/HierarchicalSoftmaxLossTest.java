package dev.skipgram.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.TestData;
import dev.skipgram.random.RestorableRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HierarchicalSoftmaxLossTest extends LossContractTest {

    /** Unsorted counts with ties, so that the tree's order (descending count, ties by index) matters. */
    static long[] counts(int vocabularySize) {
        long[] counts = new long[vocabularySize];
        for (int w = 0; w < vocabularySize; w++) {
            counts[w] = 1 + (7L * w) % 5;
        }
        return counts;
    }

    @Override
    Loss loss(int vocabularySize) {
        return new HierarchicalSoftmaxLoss(counts(vocabularySize));
    }

    /** P(o | c) = Π_j σ((1 − 2 b_j) u_{n_j}ᵀ v_c) = e^(−J). */
    private static double probability(Loss loss, INDArray v, int o, INDArray u) {
        return Math.exp(-loss.lossAndGradient(v, o, u, null).loss());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 50})
    void leafProbabilitiesSumToOneForAnyCentreVector(int vocabularySize) {
        Loss loss = loss(vocabularySize);
        for (long seed = 1; seed <= 5; seed++) {
            RestorableRandom rng = RestorableRandom.seeded(seed);
            INDArray v = TestData.gaussian(rng, seed, D); // larger and larger scores
            INDArray u = TestData.gaussian(rng, 1.0, vocabularySize, D);
            double sum = 0;
            for (int o = 0; o < vocabularySize; o++) {
                sum += probability(loss, v, o, u);
            }
            assertEquals(1.0, sum, 1e-12, "seed " + seed);
        }
    }

    @Test
    void onlyThePathRowsOfTheGradientAreNonZeroAndRowVMinusOneNever() {
        HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(counts(V));
        for (int o = 0; o < V; o++) {
            LossAndGradient r = loss.lossAndGradient(center(2), o, outside(2), null);
            Set<Integer> path = new HashSet<>();
            for (int n : loss.path(o)) {
                assertTrue(n >= 0 && n <= V - 2, "inner node " + n);
                assertTrue(path.add(n), "node " + n + " twice on the path of " + o);
            }
            assertEquals(V - 2, loss.path(o)[0], "the root comes first");
            assertEquals(loss.codeLength(o), path.size());
            for (int w = 0; w < V; w++) {
                double rowMax = r.outsideGradient().getRow(w).amaxNumber().doubleValue();
                assertEquals(path.contains(w), rowMax > 0, "row " + w + " for o = " + o);
            }
        }
    }

    @Test
    void handComputedValuesAtZero() {
        // v = 0: every score is 0 and σ(0) = 1/2, so J = L log 2, ∂J/∂v = Σ_j (1/2 − (1 − b_j)) u_{n_j},
        // and ∂J/∂U = 0.
        HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(counts(V));
        INDArray u = outside(4);
        for (int o = 0; o < V; o++) {
            LossAndGradient r = loss.lossAndGradient(Nd4j.zeros(DataType.DOUBLE, D), o, u, null);
            assertEquals(loss.codeLength(o) * Math.log(2), r.loss(), 1e-15);
            INDArray expected = Nd4j.zeros(DataType.DOUBLE, D);
            int[] path = loss.path(o);
            for (int j = 0; j < path.length; j++) {
                double bit = loss.code(o).charAt(j) - '0';
                expected.addi(u.getRow(path[j]).mul(bit - 0.5));
            }
            assertTrue(TestData.maxAbsDifference(expected, r.centerGradient()) < 1e-15);
            assertEquals(0.0, r.outsideGradient().amaxNumber().doubleValue(), 0.0);
        }
    }

    @Test
    void theTreeOfAHandWorkedExample() {
        // Counts 5, 3, 2, 1 (already descending). Merge 0: leaves 3 (count 1) then 2 (count 2) make inner 0
        // (count 3), leaf 2 gets bit 1. Merge 1: leaf 1 (3) is not smaller than inner 0 (3), so inner 0 goes
        // first and leaf 1 (bit 1) second: inner 1 (6). Merge 2: leaf 0 (5), then inner 1 (bit 1): the root 2.
        HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(new long[] {5, 3, 2, 1});
        assertEquals("0", loss.code(0));
        assertEquals("11", loss.code(1));
        assertEquals("101", loss.code(2));
        assertEquals("100", loss.code(3));
        assertArrayEquals(new int[] {2}, loss.path(0));
        assertArrayEquals(new int[] {2, 1}, loss.path(1));
        assertArrayEquals(new int[] {2, 1, 0}, loss.path(2));
        assertArrayEquals(new int[] {2, 1, 0}, loss.path(3));
        // The same counts in another order give each word the same code: the tree follows the counts.
        HierarchicalSoftmaxLoss shuffled = new HierarchicalSoftmaxLoss(new long[] {2, 5, 1, 3});
        assertEquals("101", shuffled.code(0));
        assertEquals("0", shuffled.code(1));
        assertEquals("100", shuffled.code(2));
        assertEquals("11", shuffled.code(3));
    }

    @Test
    void tiesGoToTheLowerIndexFirst() {
        // Equal counts: word 0 ranks first, so word 1 is the smallest leaf, merged first (bit 0).
        HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(new long[] {4, 4});
        assertEquals("1", loss.code(0));
        assertEquals("0", loss.code(1));
    }

    @Test
    void exactAtScoresOfPlusMinusTenThousand() {
        // V = 2: one inner node (0, the root); word 0 has bit 1, word 1 bit 0 (counts 4, 4). d = 1,
        // v = 1e4, u_0 = 1: s = 1e4. J(word 1) = softplus(−s) ≈ e^−10000 → 0; J(word 0) = softplus(s) = 1e4.
        HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(new long[] {4, 4});
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (double sign : new double[] {1, -1}) {
                INDArray v = Nd4j.createFromArray(sign * 1e4).castTo(type);
                INDArray u = Nd4j.createFromArray(new double[][] {{1}, {0}}).castTo(type);
                int wrong = sign > 0 ? 0 : 1; // the word the score points away from
                LossAndGradient r = loss.lossAndGradient(v, wrong, u, null);
                assertEquals(1e4, r.loss(), 0.0);
                assertEquals(sign, r.centerGradient().getDouble(0), 0.0); // (σ(s) − (1 − b)) u_0 = ±1
                assertEquals(1e4, r.outsideGradient().getDouble(0, 0), 0.0); // (±1)·v = (±1)(±1e4)
                assertEquals(0.0, r.outsideGradient().getDouble(1, 0), 0.0);
                LossAndGradient right = loss.lossAndGradient(v, 1 - wrong, u, null);
                assertEquals(0.0, right.loss(), 1e-300);
                assertEquals(0.0, right.centerGradient().getDouble(0), 1e-300);
            }
        }
    }

    @Test
    void aVocabularyOfOneWordHasProbabilityOne() {
        LossAndGradient r = new HierarchicalSoftmaxLoss(new long[] {3})
                .lossAndGradient(center(1), 0, Nd4j.ones(DataType.DOUBLE, 1, D), null);
        assertEquals(0.0, r.loss(), 0.0);
        assertEquals(0.0, r.centerGradient().amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void outsideVectorsOfAnotherVocabularySizeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss(V + 1).lossAndGradient(center(1), 0, outside(1), null));
        assertTrue(e.getMessage().contains(String.valueOf(V + 1)) && e.getMessage().contains(String.valueOf(V)),
                e.getMessage());
    }

    @Test
    void badCountsAreRefusedWithTheValueInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalSoftmaxLoss(new long[] {3, -2, 1}));
        assertTrue(e.getMessage().contains("-2") && e.getMessage().contains("word 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HierarchicalSoftmaxLoss(new long[0]));
        assertTrue(e.getMessage().contains("no counts"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalSoftmaxLoss(new long[] {Long.MAX_VALUE, 1}));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new HierarchicalSoftmaxLoss(null));
        e = assertThrows(IllegalArgumentException.class, () -> new HierarchicalSoftmaxLoss(counts(3)).code(3));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }
}
