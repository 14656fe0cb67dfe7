package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * The window kernel of hierarchical softmax against the reference: the sum over the window's context
 * rows of {@link HierarchicalSoftmaxLoss} in double (all at the parameters before the step), times −η.
 */
class WindowHierarchicalSoftmaxUpdateTest {

    private static final int V = 30;
    private static final int MAX_INPUTS = 10;
    private static final long[] COUNTS = counts();
    private static final HuffmanTree TREE = HuffmanTree.of(COUNTS);
    private static final HierarchicalSoftmaxLoss REFERENCE = new HierarchicalSoftmaxLoss(COUNTS);

    private static long[] counts() {
        long[] counts = new long[V];
        for (int w = 0; w < V; w++) {
            counts[w] = 1 + (31L * w * w) % 97;
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 100})
    void theUpdateIsMinusLearningRateTimesTheSummedReferenceGradient(int d) {
        for (RowOps ops : List.of(RowOps.scalar(), VectorRowOps.INSTANCE)) {
            theUpdateIsMinusLearningRateTimesTheSummedReferenceGradient(d, ops);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 100})
    void theSequentialFormStepsThePairsOneAfterTheOtherAsThePairKernelDoes(int d) {
        for (RowOps ops : List.of(RowOps.scalar(), VectorRowOps.INSTANCE)) {
            theSequentialFormStepsThePairsOneAfterTheOtherAsThePairKernelDoes(d, ops);
        }
    }

    /**
     * Distinct context words, each pair stepped by {@link HierarchicalSoftmaxUpdate} in order on its own
     * copy of the parameters: word2vec.c's per-pair order, which the sequential form keeps.
     */
    private static void theSequentialFormStepsThePairsOneAfterTheOtherAsThePairKernelDoes(int d, RowOps ops) {
        float learningRate = 0.5f; // large, so that the order of the pairs shows
        WindowHierarchicalSoftmaxUpdate kernel = WindowHierarchicalSoftmaxUpdate.sequential(TREE, d, MAX_INPUTS, ops);
        WindowHierarchicalSoftmaxUpdate batched = new WindowHierarchicalSoftmaxUpdate(TREE, d, MAX_INPUTS, ops);
        HierarchicalSoftmaxUpdate pairs = new HierarchicalSoftmaxUpdate(TREE, d, ops);
        double orderShows = 0;
        for (long seed = 1; seed <= 20; seed++) {
            RestorableRandom rng = RestorableRandom.seeded(seed);
            INDArray inputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            INDArray outputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            int n = 1 + rng.nextInt(MAX_INPUTS);
            int[] contexts = new int[n];
            for (int i = 0; i < n; i++) {
                contexts[i] = (int) ((seed + 3L * i) % V); // distinct
            }
            int word = rng.nextInt(V);

            INDArray expectedX = inputs.dup();
            INDArray expectedU = outputs.dup();
            double expectedLoss = 0;
            for (int context : contexts) {
                expectedLoss += pairs.apply(FloatMatrix.wrap(expectedX), FloatMatrix.wrap(expectedU), context,
                        new int[] {word}, 1, learningRate);
            }
            INDArray x = inputs.dup();
            INDArray u = outputs.dup();
            double loss = kernel.apply(FloatMatrix.wrap(x), FloatMatrix.wrap(u), contexts, n, new int[] {word}, 1,
                    learningRate);
            assertEquals(expectedLoss, loss, 1e-4 * Math.max(1, expectedLoss), "loss, seed " + seed + ", " + ops);
            assertTrue(TestData.maxAbsDifference(expectedX, x) < 1e-4, "input vectors, seed " + seed + ", " + ops);
            assertTrue(TestData.maxAbsDifference(expectedU, u) < 1e-4, "output vectors, seed " + seed + ", " + ops);

            INDArray bx = inputs.dup();
            INDArray bu = outputs.dup();
            batched.apply(FloatMatrix.wrap(bx), FloatMatrix.wrap(bu), contexts, n, new int[] {word}, 1, learningRate);
            orderShows = Math.max(orderShows, TestData.maxAbsDifference(bx, x));
        }
        assertTrue(orderShows > 1e-3, "the batched form reads the path before any pair's step: it must differ ("
                + orderShows + ")");
    }

    private static void theUpdateIsMinusLearningRateTimesTheSummedReferenceGradient(int d, RowOps ops) {
        float learningRate = 0.05f;
        WindowHierarchicalSoftmaxUpdate kernel = new WindowHierarchicalSoftmaxUpdate(TREE, d, MAX_INPUTS, ops);
        for (long seed = 1; seed <= 20; seed++) {
            RestorableRandom rng = RestorableRandom.seeded(seed);
            INDArray inputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            INDArray outputs = TestData.gaussian(rng, 0.5, V, d).castTo(DataType.FLOAT);
            int n = 1 + rng.nextInt(MAX_INPUTS);
            int[] contexts = new int[n];
            for (int i = 0; i < n; i++) {
                contexts[i] = rng.nextInt(V);
            }
            contexts[n - 1] = contexts[0]; // a word twice in the window (n = 1: the same word)
            int word = rng.nextInt(V);

            double expectedLoss = 0;
            INDArray expectedInputs = inputs.castTo(DataType.DOUBLE);
            INDArray expectedOutputs = outputs.castTo(DataType.DOUBLE);
            for (int context : contexts) {
                LossAndGradient pair = REFERENCE.lossAndGradient(inputs.getRow(context).dup().castTo(DataType.DOUBLE),
                        word, outputs.castTo(DataType.DOUBLE), null);
                expectedLoss += pair.loss();
                expectedInputs.getRow(context).subi(pair.centerGradient().mul(learningRate));
                expectedOutputs.subi(pair.outsideGradient().mul(learningRate));
            }
            INDArray x = inputs.dup();
            INDArray u = outputs.dup();
            double loss = kernel.apply(FloatMatrix.wrap(x), FloatMatrix.wrap(u), contexts, n, new int[] {word}, 1,
                    learningRate);
            assertEquals(expectedLoss, loss, 1e-5 * Math.max(1, expectedLoss), "loss, seed " + seed + ", " + ops);
            assertTrue(TestData.maxAbsDifference(expectedInputs, x) < 1e-5, "input vectors, seed " + seed + ", " + ops);
            assertTrue(TestData.maxAbsDifference(expectedOutputs, u) < 1e-5, "output vectors, seed " + seed + ", " + ops);
        }
    }

    @Test
    void extremeScoresGiveFiniteLossesAndNoNaN() {
        int d = 10;
        RestorableRandom rng = RestorableRandom.seeded(3);
        INDArray inputs = TestData.gaussian(rng, 40.0, V, d).castTo(DataType.FLOAT);
        INDArray outputs = TestData.gaussian(rng, 40.0, V, d).castTo(DataType.FLOAT);
        WindowHierarchicalSoftmaxUpdate kernel = new WindowHierarchicalSoftmaxUpdate(TREE, d, MAX_INPUTS);
        for (int word = 0; word < V; word++) {
            double loss = kernel.apply(FloatMatrix.wrap(inputs), FloatMatrix.wrap(outputs), new int[] {1, 2, 3}, 3,
                    new int[] {word}, 1, 0.025f);
            assertTrue(Double.isFinite(loss) && loss >= 0, "loss " + loss);
        }
        assertTrue(!inputs.isNaN().any() && !outputs.isNaN().any() && !inputs.isInfinite().any());
    }

    @Test
    void moreThanOneTargetIsRefused() {
        WindowHierarchicalSoftmaxUpdate kernel = new WindowHierarchicalSoftmaxUpdate(TREE, 4, MAX_INPUTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.apply(
                FloatMatrix.zeros(V, 4), FloatMatrix.zeros(V, 4), new int[] {1}, 1, new int[] {2, 3}, 2, 0.1f));
        assertTrue(e.getMessage().contains("2 targets"), e.getMessage());
        assertEquals(1, kernel.maxTargets());
    }
}
