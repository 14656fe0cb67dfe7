package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatKernelsTest {

    @Test
    void expIsWithinOneTenMillionthOfMathExpOnTheWholeNonPositiveRange() {
        double worst = 0;
        for (float x = -87.3f; x <= 0f; x += 1e-3f) {
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(FloatKernels.exp(x) - exact) / exact);
        }
        assertTrue(worst < 1e-7, "worst relative error " + worst);
        assertEquals(1f, FloatKernels.exp(0f));
        assertEquals(1f, FloatKernels.exp(-0f));
    }

    @Test
    void log1pIsWithinTwoHundredMillionthsOfMathLog1pOnTheUnitInterval() {
        double worst = 0;
        for (int i = 0; i <= 1_000_000; i++) {
            float x = i / 1_000_000f;
            worst = Math.max(worst, Math.abs(FloatKernels.log1p(x) - Math.log1p(x)));
        }
        assertTrue(worst < 2e-7 * Math.log(2) && worst < 1.5e-7, "worst absolute error " + worst);
        assertEquals(0f, FloatKernels.log1p(0f));
        assertEquals(Math.log(2), FloatKernels.log1p(1f), 1.2e-7);
        float tiny = 1e-30f;
        assertEquals(tiny, FloatKernels.log1p(tiny), 1e-37f, "log(1 + x) ≈ x for tiny x, no underflow to 0");
    }

    @Test
    void softplusIsExactEnoughAndFiniteForAnyScore() {
        for (float z : new float[] {-1e4f, -100f, -20f, -3f, -1f, -1e-3f, 0f, 1e-3f, 1f, 3f, 20f, 100f, 1e4f}) {
            float ez = FloatKernels.exp(-Math.abs(z));
            double exact = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs((double) z)));
            assertEquals(exact, FloatKernels.softplus(z, ez), 2e-7 * Math.max(1, Math.abs(exact)), "z = " + z);
        }
    }

    @Test
    void expOfHugeNegativeArgumentsIsTinyAndFinite() {
        for (float x : new float[] {-88f, -1000f, -1e30f, Float.NEGATIVE_INFINITY}) {
            float e = FloatKernels.exp(x);
            assertTrue(e >= 0 && e < 2e-38f, x + " -> " + e);
        }
    }

    @Test
    void dotAndAxpyAgreeWithDoubleArithmeticAtEveryLength() {
        java.util.Random rng = new java.util.Random(3);
        for (int d = 0; d <= 41; d++) {
            float[] a = new float[d];
            float[] b = new float[d];
            double exact = 0;
            double size = 0;
            for (int j = 0; j < d; j++) {
                a[j] = (float) rng.nextGaussian();
                b[j] = (float) rng.nextGaussian();
                exact += (double) a[j] * b[j];
                size += Math.abs((double) a[j] * b[j]);
            }
            assertEquals(exact, FloatKernels.dot(a, b, d), 1e-6 * Math.max(1, size), "d = " + d);
            float[] y = b.clone();
            FloatKernels.axpy(0.5f, a, y, d);
            for (int j = 0; j < d; j++) {
                assertEquals(b[j] + 0.5f * a[j], y[j], 0f);
            }
        }
    }
}
