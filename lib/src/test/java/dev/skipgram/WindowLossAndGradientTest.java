package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.check.GradientCheck;
import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.Loss;
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
import org.nd4j.linalg.factory.Nd4j;

/** SPEC §3: the window loss is the sum of its pair losses, and only v_c gets a gradient. */
class WindowLossAndGradientTest {

    private static final int V = 6;
    private static final int D = 3;
    private static final int CENTER = 2;
    private static final int[] OUTSIDE = {0, 4, 0, 5, 2}; // repeats, and the centre word itself as context

    static Stream<Loss> losses() {
        return Stream.of(new NaiveSoftmaxLoss(),
                new NegativeSamplingLoss(new NoiseDistribution(new long[] {5, 1, 3, 8, 2, 4}), 3),
                new HierarchicalSoftmaxLoss(new long[] {5, 1, 3, 8, 2, 4}));
    }

    private static INDArray centers() {
        return TestData.gaussian(RestorableRandom.seeded(1), 0.7, V, D);
    }

    private static INDArray outsides() {
        return TestData.gaussian(RestorableRandom.seeded(2), 0.7, V, D);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void centerVectorsGradientMatchesFiniteDifferences(Loss loss) {
        INDArray u = outsides();
        GradientCheck.Report r = GradientCheck.check((x, rng) -> {
            WindowLossAndGradient w = SkipGram.windowLossAndGradient(CENTER, OUTSIDE, x, u, loss, rng);
            return new ValueAndGradient(w.loss(), w.centerVectorsGradient());
        }, centers(), GradientCheck.Options.defaults());
        assertTrue(r.passed(), r::toString);
        assertEquals((long) V * D, r.elementsChecked());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void outsideVectorsGradientMatchesFiniteDifferences(Loss loss) {
        INDArray v = centers();
        GradientCheck.Report r = GradientCheck.check((x, rng) -> {
            WindowLossAndGradient w = SkipGram.windowLossAndGradient(CENTER, OUTSIDE, v, x, loss, rng);
            return new ValueAndGradient(w.loss(), w.outsideVectorsGradient());
        }, outsides(), GradientCheck.Options.defaults());
        assertTrue(r.passed(), r::toString);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void theCentreRowIsTheOnlyNonZeroRowOfTheCentreGradient(Loss loss) {
        WindowLossAndGradient w = SkipGram.windowLossAndGradient(CENTER, OUTSIDE, centers(), outsides(), loss,
                RestorableRandom.seeded(3));
        for (int row = 0; row < V; row++) {
            double norm = w.centerVectorsGradient().getRow(row).norm2Number().doubleValue();
            assertTrue(row == CENTER ? norm > 0 : norm == 0, "row " + row + " has norm " + norm);
        }
        assertArrayEquals(new long[] {V, D}, w.outsideVectorsGradient().shape());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void theWindowIsTheSumOfItsPairs(Loss loss) {
        INDArray v = centers();
        INDArray u = outsides();
        var rng = RestorableRandom.seeded(4);
        WindowLossAndGradient w = SkipGram.windowLossAndGradient(CENTER, OUTSIDE, v, u, loss, rng);
        var replay = RestorableRandom.seeded(4);
        double sum = 0;
        INDArray outsideSum = Nd4j.zeros(u.dataType(), u.shape());
        INDArray centerSum = Nd4j.zeros(u.dataType(), D);
        for (int o : OUTSIDE) {
            var pair = loss.lossAndGradient(v.getRow(CENTER).dup(), o, u, replay);
            sum += pair.loss();
            outsideSum.addi(pair.outsideGradient());
            centerSum.addi(pair.centerGradient());
        }
        assertEquals(sum, w.loss(), 1e-12);
        assertTrue(TestData.maxAbsDifference(outsideSum, w.outsideVectorsGradient()) < 1e-12);
        assertTrue(TestData.maxAbsDifference(centerSum, w.centerVectorsGradient().getRow(CENTER)) < 1e-12);
    }

    @Test
    void anEmptyWindowHasZeroLossAndGradient() {
        WindowLossAndGradient w = SkipGram.windowLossAndGradient(CENTER, new int[0], centers(), outsides(),
                new NaiveSoftmaxLoss(), RestorableRandom.seeded(1));
        assertEquals(0.0, w.loss());
        assertEquals(0.0, w.centerVectorsGradient().amaxNumber().doubleValue());
    }

    @Test
    void badIndicesAndShapesAreRefused() {
        Loss loss = new NaiveSoftmaxLoss();
        var rng = RestorableRandom.seeded(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGram.windowLossAndGradient(V, OUTSIDE, centers(), outsides(), loss, rng));
        assertTrue(e.getMessage().contains("centerIndex " + V), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SkipGram.windowLossAndGradient(0, new int[] {V + 3}, centers(), outsides(), loss, rng));
        assertThrows(IllegalArgumentException.class, () -> SkipGram.windowLossAndGradient(0, OUTSIDE, centers(),
                TestData.gaussian(rng, 1, V + 1, D), loss, rng));
    }
}
