package dev.skipgram.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.TestData;
import dev.skipgram.check.GradientCheck;
import dev.skipgram.optim.Objective;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract every {@link Loss} must meet: correct gradients (finite differences, every partial
 * derivative, double precision), shapes and types, no mutation, finiteness at extreme scores, and a
 * checker that catches a wrong gradient.
 */
abstract class LossContractTest {

    static final int V = 7;
    static final int D = 4;

    /** The loss under test for a vocabulary of {@code vocabularySize} words. */
    abstract Loss loss(int vocabularySize);

    INDArray center(long seed) {
        return TestData.gaussian(RestorableRandom.seeded(seed), 0.8, D);
    }

    INDArray outside(long seed) {
        return TestData.gaussian(RestorableRandom.seeded(seed + 1000), 0.8, V, D);
    }

    /** J as a function of v_c, gradient ∂J/∂v_c. */
    Objective ofCenter(Loss loss, int o, INDArray outsideVectors) {
        return (x, rng) -> {
            LossAndGradient r = loss.lossAndGradient(x, o, outsideVectors, rng);
            return new ValueAndGradient(r.loss(), r.centerGradient());
        };
    }

    /** J as a function of U, gradient ∂J/∂U. */
    Objective ofOutside(Loss loss, INDArray centerVector, int o) {
        return (x, rng) -> {
            LossAndGradient r = loss.lossAndGradient(centerVector, o, x, rng);
            return new ValueAndGradient(r.loss(), r.outsideGradient());
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6})
    void centerGradientMatchesFiniteDifferences(int o) {
        for (long seed = 1; seed <= 3; seed++) {
            GradientCheck.Report report = GradientCheck.check(
                    ofCenter(loss(V), o, outside(seed)), center(seed), GradientCheck.Options.defaults());
            assertTrue(report.passed(), report::toString);
            assertEquals(D, report.elementsChecked());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6})
    void outsideGradientMatchesFiniteDifferences(int o) {
        for (long seed = 1; seed <= 3; seed++) {
            GradientCheck.Report report = GradientCheck.check(
                    ofOutside(loss(V), center(seed), o), outside(seed), GradientCheck.Options.defaults());
            assertTrue(report.passed(), report::toString);
            assertEquals((long) V * D, report.elementsChecked());
        }
    }

    @Test
    void aDeliberatelyWrongGradientFailsTheCheck() {
        Objective right = ofOutside(loss(V), center(1), 2);
        long wrongElement = 2L * D + 1; // row 2 (the outside word, non-zero in every loss), column 1
        Objective wrong = (x, rng) -> {
            ValueAndGradient r = right.evaluate(x, rng);
            INDArray g = r.gradient().dup();
            g.data().put(wrongElement, g.data().getDouble(wrongElement) * 1.01 + 1e-3);
            return new ValueAndGradient(r.value(), g);
        };
        GradientCheck.Report report = GradientCheck.check(wrong, outside(1), GradientCheck.Options.defaults());
        assertFalse(report.passed());
        assertEquals(wrongElement, report.worstIndex());
        assertTrue(report.maxRelativeError() > 1e-5);
    }

    @Test
    void shapesAndTypesFollowTheInputs() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray v = center(4).castTo(type);
            INDArray u = outside(4).castTo(type);
            LossAndGradient r = loss(V).lossAndGradient(v, 1, u, RestorableRandom.seeded(9));
            assertArrayEquals(new long[] {D}, r.centerGradient().shape());
            assertArrayEquals(new long[] {V, D}, r.outsideGradient().shape());
            assertEquals(type, r.centerGradient().dataType());
            assertEquals(type, r.outsideGradient().dataType());
            assertTrue(Double.isFinite(r.loss()) && r.loss() > 0);
        }
    }

    @Test
    void floatAgreesWithDouble() {
        INDArray v = center(5);
        INDArray u = outside(5);
        LossAndGradient d = loss(V).lossAndGradient(v, 3, u, RestorableRandom.seeded(2));
        LossAndGradient f = loss(V).lossAndGradient(
                v.castTo(DataType.FLOAT), 3, u.castTo(DataType.FLOAT), RestorableRandom.seeded(2));
        assertEquals(d.loss(), f.loss(), 1e-5 * Math.max(1, d.loss()));
        assertTrue(TestData.maxAbsDifference(d.centerGradient(), f.centerGradient()) < 1e-5);
        assertTrue(TestData.maxAbsDifference(d.outsideGradient(), f.outsideGradient()) < 1e-5);
    }

    @Test
    void argumentsAreNotModified() {
        INDArray v = center(6);
        INDArray u = outside(6);
        INDArray vBefore = v.dup();
        INDArray uBefore = u.dup();
        LossAndGradient r = loss(V).lossAndGradient(v, 0, u, RestorableRandom.seeded(3));
        r.centerGradient().addi(1.0); // the gradients must not be views of the arguments
        r.outsideGradient().addi(1.0);
        assertEquals(vBefore, v);
        assertEquals(uBefore, u);
    }

    @Test
    void sameSeedSameAnswer() {
        LossAndGradient a = loss(V).lossAndGradient(center(7), 4, outside(7), RestorableRandom.seeded(11));
        LossAndGradient b = loss(V).lossAndGradient(center(7), 4, outside(7), RestorableRandom.seeded(11));
        assertEquals(a, b);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e3, 1e5, 1e30})
    void finiteAtExtremeScores(double magnitude) {
        // Scores ±magnitude·(something of order 1) in both directions, FLOAT and DOUBLE.
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray v = Nd4j.createFromArray(magnitude, -magnitude, 0.0, 0.0).castTo(type);
            INDArray u = Nd4j.zeros(DataType.DOUBLE, V, D);
            for (int w = 0; w < V; w++) {
                u.putScalar(w, 0, (w % 3) - 1.0); // -1, 0, 1
                u.putScalar(w, 1, ((w + 1) % 3) - 1.0);
            }
            u = u.castTo(type);
            for (int o = 0; o < V; o++) {
                LossAndGradient r = loss(V).lossAndGradient(v, o, u, RestorableRandom.seeded(o));
                assertTrue(Double.isFinite(r.loss()) && r.loss() >= 0, "loss " + r.loss() + " for o=" + o);
                assertFalse(r.centerGradient().isNaN().any() || r.centerGradient().isInfinite().any());
                assertFalse(r.outsideGradient().isNaN().any() || r.outsideGradient().isInfinite().any());
            }
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheValueInTheMessage() {
        Loss loss = loss(V);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.lossAndGradient(center(1), V, outside(1), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains(String.valueOf(V)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> loss.lossAndGradient(center(1), -1, outside(1), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(
                Nd4j.zeros(DataType.DOUBLE, D + 1), 0, outside(1), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("[" + V + ", " + D + "]") || e.getMessage().contains("shape"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(
                center(1).castTo(DataType.FLOAT), 0, outside(1), RestorableRandom.seeded(1)));
    }
}
