package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGram;
import dev.skipgram.TestData;
import dev.skipgram.WindowLossAndGradient;
import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.random.RestorableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused CBOW kernel with negative sampling and with hierarchical softmax against the reference
 * {@link SkipGram#cbowLossAndGradient}:
 * the same loss, the output rows moved by −η times their gradient, and each context row by n times
 * −η times its gradient (word2vec.c's undivided update: −η ∂J/∂h per occurrence).
 */
class CbowUpdateTest {

    private static final int V = 20;
    private static final int K = 5;
    private static final int MAX_CONTEXTS = 10;

    private record Case(INDArray centers, INDArray outsides, int[] contexts, int[] targets) {}

    private static Case randomCase(long seed, int d, int n, double scale) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        INDArray centers = TestData.gaussian(rng, scale, V, d).castTo(DataType.FLOAT);
        INDArray outsides = TestData.gaussian(rng, scale, V, d).castTo(DataType.FLOAT);
        int[] contexts = new int[n];
        for (int i = 0; i < n; i++) {
            contexts[i] = rng.nextInt(V / 2); // half the words: repeats are likely
        }
        int[] targets = new int[K + 1];
        targets[0] = rng.nextInt(V);
        for (int k = 1; k <= K; k++) {
            int w;
            boolean repeat;
            do {
                w = rng.nextInt(V);
                repeat = false;
                for (int i = 1; i < k; i++) {
                    repeat |= targets[i] == w;
                }
            } while (w == targets[0] || repeat); // distinct negatives: see NegativeSamplingUpdateTest for repeats
            targets[k] = w;
        }
        return new Case(centers, outsides, contexts, targets);
    }

    private static WindowLossAndGradient reference(Case k) {
        int[] next = {1};
        NegativeSamplingLoss loss = new NegativeSamplingLoss(rng -> k.targets()[next[0]++], K);
        return SkipGram.cbowLossAndGradient(k.contexts(), k.targets()[0], k.centers().castTo(DataType.DOUBLE),
                k.outsides().castTo(DataType.DOUBLE), loss, null);
    }

    /** Both row arithmetics: every reference test runs each. */
    private static final List<RowOps> OPS = List.of(RowOps.scalar(), VectorRowOps.INSTANCE);

    private static double fused(Case k, INDArray centers, INDArray outsides, float learningRate, RowOps ops) {
        int d = (int) centers.columns();
        return CbowUpdate.negativeSampling(d, MAX_CONTEXTS, K, ops).apply(FloatMatrix.wrap(centers),
                FloatMatrix.wrap(outsides), k.contexts(), k.contexts().length, k.targets(), K + 1, learningRate);
    }

    /**
     * The kernel's step against the reference: the same loss, the output rows moved by −η times
     * their gradient, each context row by n·(−η) times its gradient (word2vec.c's undivided update).
     */
    private static void assertWord2vecStep(Case k, WindowLossAndGradient expected, double loss, INDArray centers,
            INDArray outsides, float learningRate, String where) {
        int n = k.contexts().length;
        assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()), "loss, " + where);
        INDArray expectedCenters = k.centers().castTo(DataType.DOUBLE)
                .sub(expected.centerVectorsGradient().mul((double) learningRate * n));
        INDArray expectedOutsides = k.outsides().castTo(DataType.DOUBLE)
                .sub(expected.outsideVectorsGradient().mul(learningRate));
        assertTrue(TestData.maxAbsDifference(expectedCenters, centers) < 1e-6, "centre vectors, " + where);
        assertTrue(TestData.maxAbsDifference(expectedOutsides, outsides) < 1e-6, "output rows, " + where);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 10})
    void theUpdateIsWord2vecsUndividedStepOfTheReferenceGradient(int n) {
        float learningRate = 0.05f;
        for (RowOps ops : OPS) {
            for (int d : new int[] {1, 7, 16, 17, 100}) {
                for (long seed = 1; seed <= 10; seed++) {
                    Case k = randomCase(seed, d, n, 0.5);
                    WindowLossAndGradient expected = reference(k);
                    INDArray centers = k.centers().dup();
                    INDArray outsides = k.outsides().dup();
                    double loss = fused(k, centers, outsides, learningRate, ops);

                    assertWord2vecStep(k, expected, loss, centers, outsides, learningRate,
                            "n " + n + ", d " + d + ", seed " + seed + ", " + ops);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void withHierarchicalSoftmaxTheUpdateIsWord2vecsUndividedStepOfTheReferenceGradient(int n) {
        long[] counts = new long[V];
        RestorableRandom countRng = RestorableRandom.seeded(77);
        for (int w = 0; w < V; w++) {
            counts[w] = 1 + countRng.nextInt(1 + 500 / (w + 1));
        }
        HierarchicalSoftmaxLoss reference = new HierarchicalSoftmaxLoss(counts);
        float learningRate = 0.05f;
        for (RowOps ops : OPS) {
            for (int d : new int[] {1, 16, 17, 100}) {
                CbowUpdate cbow = CbowUpdate.hierarchicalSoftmax(HuffmanTree.of(counts), d, MAX_CONTEXTS, ops);
                for (long seed = 1; seed <= 10; seed++) {
                    Case k = randomCase(seed, d, n, 0.5);
                    int word = k.targets()[0];
                    WindowLossAndGradient expected = SkipGram.cbowLossAndGradient(k.contexts(), word,
                            k.centers().castTo(DataType.DOUBLE), k.outsides().castTo(DataType.DOUBLE), reference,
                            null);
                    INDArray centers = k.centers().dup();
                    INDArray outsides = k.outsides().dup();
                    double loss = cbow.apply(FloatMatrix.wrap(centers), FloatMatrix.wrap(outsides), k.contexts(), n,
                            new int[] {word}, 1, learningRate);

                    assertWord2vecStep(k, expected, loss, centers, outsides, learningRate,
                            "n " + n + ", d " + d + ", seed " + seed + ", " + ops);
                }
            }
        }
    }

    @Test
    void withOneContextWordTheStepIsTheWindowKernelsWithOneInput() {
        // with n = 1, h is the context row: CBOW is the skip-gram step of that one pair, to the bit
        for (RowOps ops : OPS) {
            Case k = randomCase(3, 17, 1, 0.5);
            INDArray cbowCenters = k.centers().dup();
            INDArray cbowOutsides = k.outsides().dup();
            double cbowLoss = fused(k, cbowCenters, cbowOutsides, 0.025f, ops);
            INDArray pairCenters = k.centers().dup();
            INDArray pairOutsides = k.outsides().dup();
            double pairLoss = new WindowNegativeSamplingUpdate(17, 1, K + 1, ops).apply(FloatMatrix.wrap(pairCenters),
                    FloatMatrix.wrap(pairOutsides), k.contexts(), 1, k.targets(), K + 1, 0.025f);
            assertEquals(pairLoss, cbowLoss, 0.0, ops.name());
            assertEquals(pairCenters, cbowCenters, ops.name());
            assertEquals(pairOutsides, cbowOutsides, ops.name());
        }
    }

    @Test
    void aNegativeDrawnTwiceGetsBothUpdatesFromItsRowBeforeTheStep() {
        // the targets' rows are gathered before any moves: a repeat is two targets summed (SPEC §9's rule)
        Case distinct = randomCase(9, 16, 4, 0.5);
        int[] targets = distinct.targets().clone();
        targets[2] = targets[1];
        Case k = new Case(distinct.centers(), distinct.outsides(), distinct.contexts(), targets);
        WindowLossAndGradient expected = reference(k);
        for (RowOps ops : OPS) {
            INDArray centers = k.centers().dup();
            INDArray outsides = k.outsides().dup();
            double loss = fused(k, centers, outsides, 0.05f, ops);
            assertWord2vecStep(k, expected, loss, centers, outsides, 0.05f, "a repeated negative, " + ops);
        }
    }

    @Test
    void extremeScoresGiveFiniteLossesAndBoundedSteps() {
        Case k = randomCase(5, 10, 4, 40.0); // scores in the hundreds
        WindowLossAndGradient expected = reference(k);
        INDArray centers = k.centers().dup();
        INDArray outsides = k.outsides().dup();
        double loss = fused(k, centers, outsides, 0.025f, RowOps.fastest());
        assertTrue(Double.isFinite(loss));
        assertEquals(expected.loss(), loss, 1e-5 * expected.loss());
        assertTrue(!centers.isNaN().any() && !outsides.isNaN().any());
    }

    @Test
    void aPositionWithoutContextIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CbowUpdate.negativeSampling(4, 2, 1).apply(FloatMatrix.zeros(3, 4), FloatMatrix.zeros(3, 4),
                        new int[2], 0, new int[2], 2, 0.1f));
        assertEquals("a CBOW step needs at least one context word, got n = 0", e.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> CbowUpdate.negativeSampling(4, 2, -1));
        assertEquals("negatives must be >= 0, got -1", k.getMessage());
    }
}
