package dev.skipgram.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.optim.Objective;
import dev.skipgram.optim.ValueAndGradient;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class GradientCheckTest {

    /** f(x) = Σ x_i³ + Σ sin(x_i), ∇f = 3x² + cos x. */
    private static final Objective CUBIC = (x, rng) -> new ValueAndGradient(
            x.mul(x).mul(x).sumNumber().doubleValue() + Transforms.sin(x, true).sumNumber().doubleValue(),
            x.mul(x).mul(3).add(Transforms.cos(x, true)));

    private static INDArray point() {
        return Nd4j.createFromArray(new double[][] {{0.5, -1.25, 2.0}, {0.0, 3.0, -0.75}});
    }

    @Test
    void aCorrectGradientPasses() {
        GradientCheck.Report r = GradientCheck.check(CUBIC, point(), GradientCheck.Options.defaults());
        assertTrue(r.passed(), r::toString);
        assertEquals(6, r.elementsChecked());
        assertTrue(r.maxRelativeError() < 1e-7, r::toString); // centred differences: O(h²)·|f'''| ≈ 1e-8·6
    }

    @Test
    void aWrongElementFailsAndIsReportedInRowMajorOrder() {
        Objective wrong = (x, rng) -> {
            ValueAndGradient r = CUBIC.evaluate(x, rng);
            INDArray g = r.gradient();
            g.putScalar(1, 1, g.getDouble(1, 1) + 1e-3); // row 1, column 1 = element 4 in row-major order
            g.putScalar(1, 2, g.getDouble(1, 2) + 1.0); // later and worse: never reached
            return new ValueAndGradient(r.value(), g);
        };
        GradientCheck.Report r = GradientCheck.check(wrong, point(), GradientCheck.Options.defaults());
        assertFalse(r.passed());
        assertEquals(4, r.worstIndex());
        assertEquals(5, r.elementsChecked());
        // |Δ| / max(1, |f'| = 27 + cos 3) ≈ 1e-3 / 26.01
        assertEquals(1e-3 / (27 + Math.cos(3.0)), r.maxRelativeError(), 1e-7);
        assertEquals(27 + Math.cos(3.0), r.numeric(), 1e-6);
    }

    @Test
    void aNaNGradientFails() {
        Objective nan = (x, rng) -> new ValueAndGradient(CUBIC.evaluate(x, rng).value(),
                Nd4j.valueArrayOf(x.shape(), Double.NaN, DataType.DOUBLE));
        assertFalse(GradientCheck.check(nan, point(), GradientCheck.Options.defaults()).passed());
    }

    @Test
    void floatParametersAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(CUBIC, point().castTo(DataType.FLOAT), GradientCheck.Options.defaults()));
        assertTrue(e.getMessage().contains("DOUBLE") && e.getMessage().contains("FLOAT"), e.getMessage());
    }

    @Test
    void xIsUnchangedAfterwards() {
        INDArray x = point();
        INDArray before = x.dup();
        GradientCheck.check(CUBIC, x, GradientCheck.Options.defaults());
        assertEquals(before, x);
    }

    @Test
    void everyEvaluationSeesAnIdenticallySeededGenerator() {
        // f(x) = r·Σx with r drawn from the generator: only identical seeding makes the
        // differences consistent with the gradient r·1.
        Objective noisy = (x, rng) -> {
            double r = 1 + rng.nextDouble();
            return new ValueAndGradient(r * x.sumNumber().doubleValue(), Nd4j.valueArrayOf(x.shape(), r, DataType.DOUBLE));
        };
        GradientCheck.Report report = GradientCheck.check(noisy, point(), GradientCheck.Options.defaults());
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void aGradientOfTheWrongShapeIsRefused() {
        Objective bad = (x, rng) -> new ValueAndGradient(0, Nd4j.zeros(DataType.DOUBLE, 3));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(bad, point(), GradientCheck.Options.defaults()));
    }

    @Test
    void optionsAreValidated() {
        GradientCheck.Options d = GradientCheck.Options.defaults();
        assertEquals(1e-4, d.step());
        assertEquals(1e-5, d.tolerance());
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Options(0, 1e-5, 1));
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Options(1e-4, Double.NaN, 1));
    }
}
