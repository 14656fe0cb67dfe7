package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.check.GradientCheck;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.loss.NaiveSoftmaxLoss;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SPEC §10: the CBOW window is one prediction from the mean of the context rows; finite differences
 * see the gradient through the averaging, (m_w / n) ∂J/∂h on each context row.
 */
class CbowLossAndGradientTest {

    private static final int V = 6;
    private static final int D = 3;
    private static final int PREDICTED = 2;
    private static final int[] CONTEXT = {0, 4, 0, 5, 2}; // a repeat, and the predicted word itself as context

    static Stream<Loss> losses() {
        return Stream.of(new NaiveSoftmaxLoss(),
                new NegativeSamplingLoss(new NoiseDistribution(new long[] {5, 1, 3, 8, 2, 4}), 3));
    }

    private static INDArray centers() {
        return TestData.gaussian(RestorableRandom.seeded(1), 0.7, V, D);
    }

    private static INDArray outsides() {
        return TestData.gaussian(RestorableRandom.seeded(2), 0.7, V, D);
    }

    /** Checks {@code factor} times the reference's centre gradient against finite differences. */
    private static GradientCheck.Report checkCenters(Loss loss, double factor) {
        INDArray u = outsides();
        return GradientCheck.check((x, rng) -> {
            WindowLossAndGradient w = SkipGram.cbowLossAndGradient(CONTEXT, PREDICTED, x, u, loss, rng);
            return new ValueAndGradient(w.loss(), w.centerVectorsGradient().mul(factor));
        }, centers(), GradientCheck.Options.defaults());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void centerVectorsGradientMatchesFiniteDifferencesThroughTheMean(Loss loss) {
        GradientCheck.Report r = checkCenters(loss, 1.0);
        assertTrue(r.passed(), r::toString);
        assertEquals((long) V * D, r.elementsChecked());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void outsideVectorsGradientMatchesFiniteDifferences(Loss loss) {
        INDArray v = centers();
        GradientCheck.Report r = GradientCheck.check((x, rng) -> {
            WindowLossAndGradient w = SkipGram.cbowLossAndGradient(CONTEXT, PREDICTED, v, x, loss, rng);
            return new ValueAndGradient(w.loss(), w.outsideVectorsGradient());
        }, outsides(), GradientCheck.Options.defaults());
        assertTrue(r.passed(), r::toString);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void undividedSpreadingIsNotTheGradient(Loss loss) {
        // the training update's form (each context row gets all of ∂J/∂h) fails the check: it is n
        // times the gradient on the rows, which is why the kernel is tested against n·(this gradient)
        GradientCheck.Report r = checkCenters(loss, CONTEXT.length);
        assertTrue(!r.passed(), r::toString);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void theWindowIsOnePredictionFromTheMeanSpreadOverTheContextRows(Loss loss) {
        INDArray v = centers();
        INDArray u = outsides();
        WindowLossAndGradient w = SkipGram.cbowLossAndGradient(CONTEXT, PREDICTED, v, u, loss,
                RestorableRandom.seeded(4));
        INDArray h = v.getRow(0).mul(2).add(v.getRow(4)).add(v.getRow(5)).add(v.getRow(2)).div(CONTEXT.length);
        LossAndGradient at = loss.lossAndGradient(h, PREDICTED, u, RestorableRandom.seeded(4));
        assertEquals(at.loss(), w.loss(), 1e-12);
        assertTrue(TestData.maxAbsDifference(at.outsideGradient(), w.outsideVectorsGradient()) < 1e-12);
        int[] multiplicity = {2, 0, 1, 0, 1, 1};
        for (int row = 0; row < V; row++) {
            INDArray expected = at.centerGradient().mul((double) multiplicity[row] / CONTEXT.length);
            assertTrue(TestData.maxAbsDifference(expected, w.centerVectorsGradient().getRow(row)) < 1e-12,
                    "row " + row);
        }
    }

    @Test
    void anEmptyContextPredictsNothing() {
        WindowLossAndGradient w = SkipGram.cbowLossAndGradient(new int[0], PREDICTED, centers(), outsides(),
                new NaiveSoftmaxLoss(), RestorableRandom.seeded(1));
        assertEquals(0.0, w.loss());
        assertEquals(0.0, w.centerVectorsGradient().amaxNumber().doubleValue());
        assertEquals(0.0, w.outsideVectorsGradient().amaxNumber().doubleValue());
    }

    @Test
    void badIndicesAndShapesAreRefusedNamingTheValue() {
        Loss loss = new NaiveSoftmaxLoss();
        var rng = RestorableRandom.seeded(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGram.cbowLossAndGradient(CONTEXT, V, centers(), outsides(), loss, rng));
        assertEquals("predictedIndex 6 is outside [0, 6)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SkipGram.cbowLossAndGradient(new int[] {1, -1}, 0, centers(), outsides(), loss, rng));
        assertEquals("contextIndices element -1 is outside [0, 6)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SkipGram.cbowLossAndGradient(CONTEXT, 0, centers(),
                TestData.gaussian(rng, 1, V + 1, D), loss, rng));
    }
}
