package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.TestData;
import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.random.RestorableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The fused word2vec kernel against the reference {@link HierarchicalSoftmaxLoss}: same loss, update = −η·gradient. */
class HierarchicalSoftmaxUpdateTest {

    private static final int V = 40;

    private static long[] counts() {
        long[] counts = new long[V];
        RestorableRandom rng = RestorableRandom.seeded(77);
        for (int w = 0; w < V; w++) {
            counts[w] = 1 + rng.nextInt(1 + 2000 / (w + 1));
        }
        return counts;
    }

    private static final HuffmanTree TREE = HuffmanTree.of(counts());
    private static final HierarchicalSoftmaxLoss REFERENCE = new HierarchicalSoftmaxLoss(counts());

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 100})
    void theUpdateIsMinusLearningRateTimesTheReferenceGradient(int d) {
        for (RowOps ops : List.of(RowOps.scalar(), VectorRowOps.INSTANCE)) {
            theUpdateIsMinusLearningRateTimesTheReferenceGradient(d, ops);
        }
    }

    private static void theUpdateIsMinusLearningRateTimesTheReferenceGradient(int d, RowOps ops) {
        float learningRate = 0.05f;
        HierarchicalSoftmaxUpdate kernel = new HierarchicalSoftmaxUpdate(TREE, d, ops); // reused across pairs
        for (long seed = 1; seed <= 20; seed++) {
            RestorableRandom rng = RestorableRandom.seeded(seed);
            INDArray inputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            INDArray outputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            int input = rng.nextInt(V);
            int word = rng.nextInt(V);
            LossAndGradient expected = REFERENCE.lossAndGradient(inputs.getRow(input).dup().castTo(DataType.DOUBLE),
                    word, outputs.castTo(DataType.DOUBLE), null);
            INDArray x = inputs.dup();
            INDArray u = outputs.dup();
            double loss = kernel.apply(FloatMatrix.wrap(x), FloatMatrix.wrap(u), input, new int[] {word}, 1,
                    learningRate);

            assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()), "loss, seed " + seed + ", " + ops);
            INDArray expectedInputs = inputs.castTo(DataType.DOUBLE);
            expectedInputs.getRow(input).subi(expected.centerGradient().mul(learningRate));
            INDArray expectedOutputs = outputs.castTo(DataType.DOUBLE).sub(expected.outsideGradient().mul(learningRate));
            assertTrue(TestData.maxAbsDifference(expectedInputs, x) < 1e-6, "input vectors, seed " + seed + ", " + ops);
            assertTrue(TestData.maxAbsDifference(expectedOutputs, u) < 1e-6, "output vectors, seed " + seed + ", " + ops);
        }
    }

    @Test
    void theGradientFormAddsScaleTimesTheReferenceGradientWithTheParametersUnchanged() {
        int d = 9;
        RestorableRandom rng = RestorableRandom.seeded(8);
        INDArray parameters = TestData.gaussian(rng, 0.7, 2 * V, d).castTo(DataType.FLOAT); // [centres; nodes]
        INDArray before = parameters.dup();
        INDArray gradient = Nd4j.zeros(DataType.FLOAT, 2 * V, d);
        int center = 11;
        int word = 29;
        double loss = new HierarchicalSoftmaxUpdate(TREE, d).addGradient(FloatMatrix.wrap(parameters),
                FloatMatrix.wrap(gradient), center, V, word, 0.5f);

        INDArray p = parameters.castTo(DataType.DOUBLE);
        LossAndGradient expected = REFERENCE.lossAndGradient(p.getRow(center).dup(), word,
                p.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(V, 2 * V),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(), null);
        assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()));
        INDArray expectedGradient = Nd4j.zeros(DataType.DOUBLE, 2 * V, d);
        expectedGradient.getRow(center).assign(expected.centerGradient().mul(0.5));
        for (int w = 0; w < V; w++) {
            expectedGradient.getRow(V + w).assign(expected.outsideGradient().getRow(w).mul(0.5));
        }
        assertTrue(TestData.maxAbsDifference(expectedGradient, gradient) < 1e-6);
        assertEquals(before, parameters);
    }

    @Test
    void extremeScoresGiveFiniteLossesAndBoundedSteps() {
        int d = 10;
        RestorableRandom rng = RestorableRandom.seeded(5);
        INDArray inputs = TestData.gaussian(rng, 40.0, V, d).castTo(DataType.FLOAT); // scores in the thousands
        INDArray outputs = TestData.gaussian(rng, 40.0, V, d).castTo(DataType.FLOAT);
        for (int word = 0; word < V; word++) {
            LossAndGradient expected = REFERENCE.lossAndGradient(inputs.getRow(2).dup().castTo(DataType.DOUBLE),
                    word, outputs.castTo(DataType.DOUBLE), null);
            INDArray x = inputs.dup();
            INDArray u = outputs.dup();
            double loss = new HierarchicalSoftmaxUpdate(TREE, d).apply(FloatMatrix.wrap(x), FloatMatrix.wrap(u), 2,
                    new int[] {word}, 1, 0.025f);
            assertTrue(Double.isFinite(loss));
            assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()));
            assertTrue(!x.isNaN().any() && !u.isNaN().any() && !x.isInfinite().any() && !u.isInfinite().any());
        }
    }
}
