package dev.skipgram.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogLogFitTest {

    private static final double[] V = {1_000, 10_000, 100_000};

    @Test
    void recoversTheExponentOfAPowerLaw() {
        assertEquals(1.0, LogLogFit.slope(V, new double[] {2e3, 2e4, 2e5}), 1e-12);
        assertEquals(0.0, LogLogFit.slope(V, new double[] {100, 100, 100}), 1e-12);
        assertEquals(0.5, LogLogFit.slope(V, new double[] {Math.sqrt(1e3), Math.sqrt(1e4), Math.sqrt(1e5)}), 1e-12);
        assertEquals(-2.0, LogLogFit.slope(new double[] {1, 2}, new double[] {1, 0.25}), 1e-12);
    }

    @Test
    void isTheLeastSquaresSlopeWhenThePointsAreNotOnALine() {
        // log10 y = 0, 2, 1 at log10 x = 0, 1, 2: slope = Σ dx·dy / Σ dx² = (−1·−1 + 0 + 1·0) / 2 = 0.5
        assertEquals(0.5, LogLogFit.slope(new double[] {1, 10, 100}, new double[] {1, 100, 10}), 1e-12);
    }

    @Test
    void refusesWhatHasNoSlope() {
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.slope(new double[] {10, 10}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.slope(V, new double[] {1, 0, 2}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.slope(V, new double[] {1, 2}));
    }
}
