package dev.skipgram.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LearningRateSchedule}: both recipes' schedules, by hand. */
class LearningRateScheduleTest {

    @Test
    void linearDecaysToItsEndAndStaysThere() {
        LearningRateSchedule.Linear s = new LearningRateSchedule.Linear(0.025, 0.0001, 1000);
        assertEquals(0.025, s.at(0), 0);
        assertEquals((0.025 + 0.0001) / 2, s.at(500), 1e-15);
        assertEquals(0.0001, s.at(1000), 1e-15);
        assertEquals(0.0001, s.at(5000), 1e-15);
        assertEquals(0.0, new LearningRateSchedule.Linear(1, 0, 0).at(1), 0, "no work: past the end at once");
    }

    @Test
    void stepDecayHalvesEveryPeriod() {
        LearningRateSchedule.StepDecay s = new LearningRateSchedule.StepDecay(0.3, 0.5, 20_000);
        assertEquals(0.3, s.at(0), 0);
        assertEquals(0.3, s.at(19_999), 0);
        assertEquals(0.15, s.at(20_000), 0);
        assertEquals(0.075, s.at(40_000), 0);
    }

    @Test
    void outOfRangeArgumentsAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule.Linear(0.01, 0.02, 10));
        assertTrue(e.getMessage().contains("end 0.02"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.Linear(0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.Linear(1, 0, -1));
        e = assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.StepDecay(0.3, 2, 10));
        assertTrue(e.getMessage().contains("factor 2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.StepDecay(0.3, 0.5, 0));
    }
}
