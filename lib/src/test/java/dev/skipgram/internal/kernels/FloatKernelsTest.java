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
}
