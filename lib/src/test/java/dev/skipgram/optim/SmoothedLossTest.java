package dev.skipgram.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link SmoothedLoss}: CS224n's cost, by hand. */
class SmoothedLossTest {

    @Test
    void theFirstLossThenNinetyFivePercentOfThePrevious() {
        SmoothedLoss s = new SmoothedLoss();
        assertTrue(Double.isNaN(s.value()));
        assertEquals(10.0, s.add(10.0), 0);
        assertEquals(0.95 * 10.0 + 0.05 * 20.0, s.add(20.0), 0);
        assertEquals(0.95 * (0.95 * 10.0 + 0.05 * 20.0) + 0.05 * 0.0, s.add(0.0), 0);
        SmoothedLoss resumed = new SmoothedLoss(4.0);
        assertEquals(0.95 * 4.0 + 0.05 * 8.0, resumed.add(8.0), 0);
    }
}
