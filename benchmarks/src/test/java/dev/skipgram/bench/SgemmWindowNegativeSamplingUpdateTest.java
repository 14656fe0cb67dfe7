package dev.skipgram.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.RowOps;
import dev.skipgram.internal.kernels.WindowNegativeSamplingUpdate;
import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The sgemm window kernel against the scalar one, which the library's tests hold to the reference. */
class SgemmWindowNegativeSamplingUpdateTest {

    private static final int V = 50;

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 100, 300})
    void theSgemmKernelTakesTheScalarKernelsStep(int d) {
        RestorableRandom rng = RestorableRandom.seeded(d);
        for (int trial = 0; trial < 10; trial++) {
            INDArray centers = SyntheticData.randomMatrix(V, d, rng);
            INDArray outsides = SyntheticData.randomMatrix(V, d, rng);
            int n = 1 + rng.nextInt(10);
            int[] contexts = new int[n];
            for (int i = 0; i < n; i++) {
                contexts[i] = rng.nextInt(V);
            }
            int[] targets = new int[6];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = rng.nextInt(V);
            }
            contexts[n - 1] = contexts[0]; // a repeated input row accumulates both updates
            INDArray scalarCenters = centers.dup();
            INDArray scalarOutsides = outsides.dup();
            double expected = new WindowNegativeSamplingUpdate(d, 10, 6, RowOps.scalar()).apply(
                    FloatMatrix.wrap(scalarCenters), FloatMatrix.wrap(scalarOutsides), contexts, n, targets, 6, 0.5f);
            double loss = new SgemmWindowNegativeSamplingUpdate(d, 10, 6).apply(FloatMatrix.wrap(centers),
                    FloatMatrix.wrap(outsides), contexts, n, targets, 6, 0.5f);
            assertEquals(expected, loss, 1e-5 * expected, "loss, d = " + d);
            assertTrue(scalarCenters.sub(centers).amaxNumber().doubleValue() < 1e-5, "centre vectors, d = " + d);
            assertTrue(scalarOutsides.sub(outsides).amaxNumber().doubleValue() < 1e-5, "outside vectors, d = " + d);
        }
    }
}
