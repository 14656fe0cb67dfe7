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
