package dev.skipgram.internal.kernels;

import dev.skipgram.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.loss.NaiveSoftmaxLoss;
import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The batched softmax kernel of the word2vec recipe against the reference {@link NaiveSoftmaxLoss}:
 * the summed loss of the pairs, and an update of −η times the sum of their gradients, all taken at
 * the parameters before the step.
 */
class SoftmaxUpdateTest {

    private static final int V = 23;

    /** The reference: Σ losses and X, U after −η·Σ gradients, in double. */
    private record Expected(double loss, INDArray inputs, INDArray outputs) {}

    private static Expected reference(INDArray inputs, INDArray outputs, int[] in, int[] out, int count,
            float learningRate) {
        INDArray x = inputs.castTo(DataType.DOUBLE);
        INDArray u = outputs.castTo(DataType.DOUBLE);
        INDArray newX = x.dup();
        INDArray newU = u.dup();
        double loss = 0.0;
        NaiveSoftmaxLoss softmax = new NaiveSoftmaxLoss();
        for (int i = 0; i < count; i++) {
            LossAndGradient g = softmax.lossAndGradient(x.getRow(in[i]).dup(), out[i], u, null);
            loss += g.loss();
            newX.getRow(in[i]).subi(g.centerGradient().mul(learningRate));
            newU.subi(g.outsideGradient().mul(learningRate));
        }
        return new Expected(loss, newX, newU);
    }

    private static void assertMatches(Expected expected, double loss, INDArray inputs, INDArray outputs, String what) {
        assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, Math.abs(expected.loss())), "loss, " + what);
        double dx = TestData.maxAbsDifference(expected.inputs(), inputs);
        double du = TestData.maxAbsDifference(expected.outputs(), outputs);
        assertTrue(dx < 2e-6, "input vectors differ by " + dx + ", " + what);
        assertTrue(du < 2e-6, "output vectors differ by " + du + ", " + what);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 100})
    void onePairIsMinusLearningRateTimesTheReferenceGradient(int d) {
        for (long seed = 1; seed <= 10; seed++) {
            RestorableRandom rng = RestorableRandom.seeded(seed);
            INDArray inputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            INDArray outputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            int[] in = {rng.nextInt(V)};
            int[] out = {rng.nextInt(V)};
            Expected expected = reference(inputs, outputs, in, out, 1, 0.05f);
            double loss = new SoftmaxUpdate(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), 1).apply(in, out, 1, 0.05f);
            assertMatches(expected, loss, inputs, outputs, "d = " + d + ", seed " + seed);
        }
    }

    @Test
    void aBatchWithRunsRepeatsAndDuplicatesIsTheSumOfItsPairGradients() {
        int d = 12;
        RestorableRandom rng = RestorableRandom.seeded(42);
        INDArray inputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
        INDArray outputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
        // runs 3,3,3 | 5 | 3,3 (3 again, not adjacent: a separate row) | 9,9 with a repeated target; 3 → 3 too
        int[] in = {3, 3, 3, 5, 3, 3, 9, 9, 0};
        int[] out = {1, 4, 3, 3, 7, 7, 2, 2, 0};
        int count = 8; // the last pair is not part of the batch
        Expected expected = reference(inputs, outputs, in, out, count, 0.1f);
        SoftmaxUpdate update = new SoftmaxUpdate(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), 4);
        double loss = update.apply(in, out, count, 0.1f);
        assertMatches(expected, loss, inputs, outputs, "batch of 8 pairs in 4 rows");

        // the cached views of fewer rows give the same answer on the next, smaller batch
        Expected next = reference(inputs, outputs, new int[] {6, 6}, new int[] {1, 8}, 2, 0.1f);
        double nextLoss = update.apply(new int[] {6, 6}, new int[] {1, 8}, 2, 0.1f);
        assertMatches(next, nextLoss, inputs, outputs, "second batch of 1 row");
    }

    @Test
    void extremeScoresGiveTheExactFiniteLoss() {
        int d = 10;
        RestorableRandom rng = RestorableRandom.seeded(7);
        INDArray inputs = TestData.gaussian(rng, 30.0, V, d).castTo(DataType.FLOAT); // scores in the thousands
        INDArray outputs = TestData.gaussian(rng, 30.0, V, d).castTo(DataType.FLOAT);
        int[] in = {2, 2, 11};
        int[] out = {5, 6, 5};
        Expected expected = reference(inputs, outputs, in, out, 3, 1e-6f);
        double loss = new SoftmaxUpdate(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), 2).apply(in, out, 3, 1e-6f);
        assertTrue(Double.isFinite(loss) && loss > 100, "loss " + loss);
        assertEquals(expected.loss(), loss, 1e-5 * expected.loss());
        assertFalse(inputs.isNaN().any() || outputs.isNaN().any() || inputs.isInfinite().any());
    }

    @Test
    void moreRunsThanRowsIsRefused() {
        INDArray inputs = TestData.gaussian(RestorableRandom.seeded(1), 0.1, V, 4).castTo(DataType.FLOAT);
        INDArray outputs = inputs.dup();
        SoftmaxUpdate update = new SoftmaxUpdate(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> update.apply(new int[] {1, 2, 1}, new int[] {0, 0, 0}, 3, 0.1f));
        assertTrue(e.getMessage().contains("maxRows = 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxUpdate(
                FloatMatrix.wrap(inputs.castTo(DataType.DOUBLE)), FloatMatrix.wrap(outputs), 2));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxUpdate(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), 0));
    }
}
