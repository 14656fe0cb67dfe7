package dev.skipgram.internal.kernels;

import dev.skipgram.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.random.RestorableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fused word2vec kernel against the reference {@link NegativeSamplingLoss}: same loss, update = −η·gradient. */
class NegativeSamplingUpdateTest {

    private static final int V = 20;
    private static final int K = 5;

    private record Case(INDArray centers, INDArray outsides, int c, int[] targets) {}

    private static Case randomCase(long seed, int d, double scale, boolean distinctNegatives) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        INDArray centers = TestData.gaussian(rng, scale, V, d).castTo(DataType.FLOAT);
        INDArray outsides = TestData.gaussian(rng, scale, V, d).castTo(DataType.FLOAT);
        int c = rng.nextInt(V);
        int[] targets = new int[K + 1];
        targets[0] = rng.nextInt(V);
        for (int k = 1; k <= K; k++) {
            int w;
            do {
                w = rng.nextInt(V);
            } while (w == targets[0] || (distinctNegatives && contains(targets, k, w)));
            targets[k] = w;
        }
        return new Case(centers, outsides, c, targets);
    }

    private static boolean contains(int[] a, int n, int w) {
        for (int i = 1; i < n; i++) {
            if (a[i] == w) {
                return true;
            }
        }
        return false;
    }

    private static LossAndGradient reference(Case k) {
        int[] next = {1};
        NegativeSamplingLoss loss = new NegativeSamplingLoss(rng -> k.targets()[next[0]++], K);
        INDArray v = k.centers().getRow(k.c()).dup().castTo(DataType.DOUBLE);
        return loss.lossAndGradient(v, k.targets()[0], k.outsides().castTo(DataType.DOUBLE), null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 100, 300})
    void theUpdateIsMinusLearningRateTimesTheReferenceGradient(int d) {
        float learningRate = 0.05f;
        for (RowOps ops : List.of(RowOps.scalar(), VectorRowOps.INSTANCE)) {
            for (long seed = 1; seed <= 20; seed++) {
                assertTheUpdateIsMinusLearningRateTimesTheReferenceGradient(d, learningRate, seed, ops);
            }
        }
    }

    private static void assertTheUpdateIsMinusLearningRateTimesTheReferenceGradient(int d, float learningRate,
            long seed, RowOps ops) {
        {
            Case k = randomCase(seed, d, 0.5, true);
            LossAndGradient expected = reference(k);
            INDArray centers = k.centers().dup();
            INDArray outsides = k.outsides().dup();
            double loss = new NegativeSamplingUpdate(d, ops).apply(FloatMatrix.wrap(centers),
                    FloatMatrix.wrap(outsides), k.c(), k.targets(), K + 1, learningRate);

            assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()), "loss, seed " + seed + ", " + ops);
            INDArray expectedCenters = k.centers().castTo(DataType.DOUBLE);
            expectedCenters.getRow(k.c()).subi(expected.centerGradient().mul(learningRate));
            INDArray expectedOutsides = k.outsides().castTo(DataType.DOUBLE).sub(expected.outsideGradient().mul(learningRate));
            assertTrue(TestData.maxAbsDifference(expectedCenters, centers) < 1e-6, "centre vectors, seed " + seed);
            assertTrue(TestData.maxAbsDifference(expectedOutsides, outsides) < 1e-6, "outside vectors, seed " + seed);
        }
    }

    @Test
    void aRepeatedNegativeDiffersFromTheReferenceOnlyAtSecondOrder() {
        float learningRate = 0.01f;
        Case k = randomCase(3, 8, 0.5, false);
        k.targets()[2] = k.targets()[1]; // force a repeat
        LossAndGradient expected = reference(k);
        INDArray outsides = k.outsides().dup();
        new NegativeSamplingUpdate(8).apply(FloatMatrix.wrap(k.centers().dup()), FloatMatrix.wrap(outsides),
                k.c(), k.targets(), K + 1, learningRate);
        INDArray expectedOutsides = k.outsides().castTo(DataType.DOUBLE).sub(expected.outsideGradient().mul(learningRate));
        double difference = TestData.maxAbsDifference(expectedOutsides, outsides);
        assertTrue(difference < 10 * learningRate * learningRate, "difference " + difference);
    }

    @Test
    void extremeScoresGiveFiniteLossesAndBoundedSteps() {
        Case k = randomCase(5, 10, 40.0, true); // scores in the hundreds
        LossAndGradient expected = reference(k);
        INDArray centers = k.centers().dup();
        INDArray outsides = k.outsides().dup();
        double loss = new NegativeSamplingUpdate(10).apply(FloatMatrix.wrap(centers), FloatMatrix.wrap(outsides),
                k.c(), k.targets(), K + 1, 0.025f);
        assertTrue(Double.isFinite(loss));
        assertEquals(expected.loss(), loss, 1e-5 * expected.loss());
        assertTrue(!centers.isNaN().any() && !outsides.isNaN().any());
    }
}
