package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGram;
import dev.skipgram.TestData;
import dev.skipgram.WindowLossAndGradient;
import dev.skipgram.check.GradientCheck;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The window kernel (HogBatch, SPEC §9) against the reference path: each context row through
 * {@link SkipGram#windowLossAndGradient} with {@link NegativeSamplingLoss} in double, fed the window's
 * negatives, summed over the window; its gradient form against finite differences; extreme scores.
 */
class WindowNegativeSamplingUpdateTest {

    private static final int V = 20;
    private static final int K = 5;
    private static final int MAX_INPUTS = 10;

    /** A window: n context rows (the inputs, may repeat), the predicted word, then K negatives. */
    private record Case(INDArray centers, INDArray outsides, int[] contexts, int[] targets) {}

    private static Case randomCase(long seed, int v, int d, int negatives, double scale, boolean repeats) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        INDArray centers = TestData.gaussian(rng, scale, v, d).castTo(DataType.FLOAT);
        INDArray outsides = TestData.gaussian(rng, scale, v, d).castTo(DataType.FLOAT);
        int n = 1 + rng.nextInt(MAX_INPUTS);
        int[] contexts = new int[n];
        for (int i = 0; i < n; i++) {
            contexts[i] = rng.nextInt(v);
        }
        int[] targets = new int[negatives + 1];
        targets[0] = rng.nextInt(v);
        for (int k = 1; k <= negatives; k++) {
            int w;
            do {
                w = rng.nextInt(v);
            } while (w == targets[0]);
            targets[k] = w;
        }
        if (repeats && n > 1) {
            contexts[n - 1] = contexts[0]; // a word twice in the window
            contexts[0] = targets[0]; // the predicted word as a context (its input row, not its output row)
        }
        if (repeats && n > 2) {
            contexts[1] = contexts[0]; // the same row twice in one of the scatter's passes over two rows
        }
        if (repeats && negatives > 1) {
            targets[2] = targets[1]; // a negative drawn twice
        }
        if (repeats && negatives > 2) {
            targets[3] = targets[2]; // thrice, twice in one pass over two rows
        }
        return new Case(centers, outsides, contexts, targets);
    }

    /** The reference: Σ over the contexts of the §2 loss of (context, predicted) with these negatives, in double. */
    private static WindowLossAndGradient reference(Case k, INDArray centers, INDArray outsides) {
        int negatives = k.targets().length - 1;
        double loss = 0.0;
        INDArray centerGradient = Nd4j.zeros(DataType.DOUBLE, centers.shape());
        INDArray outsideGradient = Nd4j.zeros(DataType.DOUBLE, outsides.shape());
        for (int context : k.contexts()) {
            int[] next = {1};
            NegativeSamplingLoss shared = new NegativeSamplingLoss(rng -> k.targets()[next[0]++], negatives);
            WindowLossAndGradient pair = SkipGram.windowLossAndGradient(context, new int[] {k.targets()[0]},
                    centers.castTo(DataType.DOUBLE), outsides.castTo(DataType.DOUBLE), shared,
                    RestorableRandom.seeded(0));
            assertEquals(negatives + 1, next[0], "the reference drew exactly the window's negatives");
            loss += pair.loss();
            centerGradient.addi(pair.centerVectorsGradient());
            outsideGradient.addi(pair.outsideVectorsGradient());
        }
        return new WindowLossAndGradient(loss, centerGradient, outsideGradient);
    }

    /** Both row arithmetics: every reference test runs each. */
    private static final List<RowOps> OPS = List.of(RowOps.scalar(), VectorRowOps.INSTANCE);

    private static double apply(Case k, INDArray centers, INDArray outsides, float learningRate) {
        return apply(k, centers, outsides, learningRate, RowOps.fastest());
    }

    private static double apply(Case k, INDArray centers, INDArray outsides, float learningRate, RowOps ops) {
        int negatives = k.targets().length - 1;
        int d = (int) centers.columns();
        return new WindowNegativeSamplingUpdate(d, MAX_INPUTS, negatives + 1, ops).apply(FloatMatrix.wrap(centers),
                FloatMatrix.wrap(outsides), k.contexts(), k.contexts().length, k.targets(), negatives + 1,
                learningRate);
    }

    private static void assertStepIsMinusLearningRateTimesReferenceGradient(Case k, float learningRate,
            String what) {
        for (RowOps ops : OPS) {
            assertStepIsMinusLearningRateTimesReferenceGradient(k, learningRate, what + ", " + ops, ops);
        }
    }

    private static void assertStepIsMinusLearningRateTimesReferenceGradient(Case k, float learningRate,
            String what, RowOps ops) {
        WindowLossAndGradient expected = reference(k, k.centers(), k.outsides());
        INDArray centers = k.centers().dup();
        INDArray outsides = k.outsides().dup();
        double loss = apply(k, centers, outsides, learningRate, ops);

        assertEquals(expected.loss(), loss, 1e-5 * Math.max(1, expected.loss()), "loss, " + what);
        INDArray expectedCenters = k.centers().castTo(DataType.DOUBLE)
                .sub(expected.centerVectorsGradient().mul(learningRate));
        INDArray expectedOutsides = k.outsides().castTo(DataType.DOUBLE)
                .sub(expected.outsideVectorsGradient().mul(learningRate));
        double scale = Math.max(1, k.centers().amaxNumber().doubleValue());
        assertTrue(TestData.maxAbsDifference(expectedCenters, centers) < 1e-6 * scale, "centre vectors, " + what);
        assertTrue(TestData.maxAbsDifference(expectedOutsides, outsides) < 1e-6 * scale, "outside vectors, " + what);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 100, 300})
    void theStepIsMinusLearningRateTimesTheSummedReferenceGradient(int d) {
        for (long seed = 1; seed <= 20; seed++) {
            assertStepIsMinusLearningRateTimesReferenceGradient(randomCase(seed, V, d, K, 0.5, false), 0.05f,
                    "seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 16, 100})
    void repeatedContextsAndNegativesAccumulateExactlyAsTheReference(int d) {
        // unlike the per-pair kernel, every gradient is taken before any row is written: no second-order term
        for (long seed = 1; seed <= 20; seed++) {
            assertStepIsMinusLearningRateTimesReferenceGradient(randomCase(seed, V, d, K, 0.5, true), 0.05f,
                    "seed " + seed);
        }
    }

    @Test
    void aWindowOfOnePairIsThePerPairKernel() {
        Case k = randomCase(4, V, 12, K, 0.5, false);
        Case one = new Case(k.centers(), k.outsides(), new int[] {k.contexts()[0]}, k.targets());
        INDArray centers = one.centers().dup();
        INDArray outsides = one.outsides().dup();
        double windowLoss = apply(one, centers, outsides, 0.05f);
        INDArray pairCenters = one.centers().dup();
        INDArray pairOutsides = one.outsides().dup();
        double pairLoss = new NegativeSamplingUpdate(12).apply(FloatMatrix.wrap(pairCenters),
                FloatMatrix.wrap(pairOutsides), one.contexts()[0], one.targets(), K + 1, 0.05f);
        assertEquals(pairLoss, windowLoss, 1e-6 * pairLoss);
        assertTrue(TestData.maxAbsDifference(pairCenters, centers) < 1e-7);
        assertTrue(TestData.maxAbsDifference(pairOutsides, outsides) < 1e-7);
    }

    /**
     * The kernel's own gradient (its gradient form, float) against centred differences of its own loss.
     * The loss is computed from float32 scores, whose rounding (about 1e-7 of each term) divided by 2h
     * swamps SPEC §5's h = 1e-4 and 1e-5 tolerance; h = 1e-2 and a tolerance of 1e-3 still catch a 1%
     * error in any derivative (see {@link #aWrongGradientFailsTheSameCheck}).
     */
    private static final GradientCheck.Options FLOAT_CHECK = new GradientCheck.Options(1e-2, 1e-3, 1);

    private static GradientCheck.Report check(Case k, boolean withRespectToInputs, double wrongBy) {
        int negatives = k.targets().length - 1;
        int d = (int) k.centers().columns();
        WindowNegativeSamplingUpdate kernel = new WindowNegativeSamplingUpdate(d, MAX_INPUTS, negatives + 1);
        INDArray fixed = withRespectToInputs ? k.outsides() : k.centers();
        INDArray x = (withRespectToInputs ? k.centers() : k.outsides()).castTo(DataType.DOUBLE);
        return GradientCheck.check((p, rng) -> {
            FloatMatrix varying = FloatMatrix.wrap(p.castTo(DataType.FLOAT).dup('c'));
            FloatMatrix constant = FloatMatrix.wrap(fixed.dup('c'));
            FloatMatrix inputs = withRespectToInputs ? varying : constant;
            FloatMatrix outputs = withRespectToInputs ? constant : varying;
            FloatMatrix inputGradient = FloatMatrix.zeros(V, d);
            FloatMatrix outputGradient = FloatMatrix.zeros(V, d);
            double loss = kernel.addGradient(inputs, outputs, inputGradient, outputGradient, k.contexts(),
                    k.contexts().length, k.targets(), negatives + 1, 1f);
            INDArray gradient = (withRespectToInputs ? inputGradient : outputGradient).array();
            return new ValueAndGradient(loss, gradient.castTo(DataType.DOUBLE).muli(wrongBy));
        }, x, FLOAT_CHECK);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theKernelsGradientPassesTheGradientCheck(boolean withRespectToInputs) {
        for (long seed = 1; seed <= 3; seed++) {
            GradientCheck.Report r = check(randomCase(seed, V, 6, 3, 0.5, seed == 3), withRespectToInputs, 1.0);
            assertTrue(r.passed(), "seed " + seed + ": " + r);
            assertEquals((long) V * 6, r.elementsChecked());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWrongGradientFailsTheSameCheck(boolean withRespectToInputs) {
        GradientCheck.Report r = check(randomCase(1, V, 6, 3, 0.5, false), withRespectToInputs, 1.01);
        assertFalse(r.passed(), r::toString);
    }

    @Test
    void extremeScoresGiveFiniteLossesAndBoundedSteps() {
        Case k = randomCase(5, V, 10, K, 40.0, true); // scores in the thousands
        WindowLossAndGradient expected = reference(k, k.centers(), k.outsides());
        INDArray centers = k.centers().dup();
        INDArray outsides = k.outsides().dup();
        double loss = apply(k, centers, outsides, 0.025f);
        assertTrue(Double.isFinite(loss) && loss > 1000, "loss " + loss);
        INDArray scalarCenters = k.centers().dup();
        INDArray scalarOutsides = k.outsides().dup();
        assertEquals(loss, apply(k, scalarCenters, scalarOutsides, 0.025f, RowOps.scalar()), 1e-5 * loss);
        assertFalse(scalarCenters.isNaN().any() || scalarOutsides.isInfinite().any());
        assertEquals(expected.loss(), loss, 1e-5 * expected.loss());
        assertFalse(centers.isNaN().any() || centers.isInfinite().any());
        assertFalse(outsides.isNaN().any() || outsides.isInfinite().any());
        // |σ| ≤ 1: a row moves by at most η · (its copies) · (K + 1 or n) · the largest entry
        double largest = Math.max(k.centers().amaxNumber().doubleValue(), k.outsides().amaxNumber().doubleValue());
        double bound = 0.025 * 2 * Math.max(K + 1, MAX_INPUTS) * largest;
        assertTrue(TestData.maxAbsDifference(centers, k.centers()) <= bound);
        assertTrue(TestData.maxAbsDifference(outsides, k.outsides()) <= bound);
    }

    @Test
    void anEmptyWindowChangesNothingAndTooLargeWindowsAreRefused() {
        Case k = randomCase(6, V, 4, K, 0.5, false);
        INDArray centers = k.centers().dup();
        INDArray outsides = k.outsides().dup();
        WindowNegativeSamplingUpdate kernel = new WindowNegativeSamplingUpdate(4, MAX_INPUTS, K + 1);
        assertEquals(0.0, kernel.apply(FloatMatrix.wrap(centers), FloatMatrix.wrap(outsides), new int[0], 0,
                k.targets(), K + 1, 0.1f));
        assertEquals(k.centers(), centers);
        assertEquals(k.outsides(), outsides);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel.apply(FloatMatrix.wrap(centers), FloatMatrix.wrap(outsides), new int[11], 11,
                        k.targets(), K + 1, 0.1f));
        assertTrue(e.getMessage().contains("11 inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WindowNegativeSamplingUpdate(4, 0, 6));
    }
}
