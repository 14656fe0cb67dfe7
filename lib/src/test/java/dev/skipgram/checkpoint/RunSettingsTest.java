package dev.skipgram.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RunSettings}: written, read back, and compared key by key. */
class RunSettingsTest {

    private static RunSettings settings(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return RunSettings.of(m);
    }

    @Test
    void theTextReadsBackInOrder() {
        RunSettings s = settings("loss", "NEGATIVE_SAMPLING", "learningRate", 0.025, "seed", 7L);
        assertEquals("loss=NEGATIVE_SAMPLING, learningRate=0.025, seed=7", s.toString());
        assertEquals(s, RunSettings.parse(s.toString()));
        assertEquals(RunSettings.NONE, RunSettings.parse(""));
    }

    @Test
    void differencesNameEveryKeyThatDiffers() {
        RunSettings saved = settings("dimension", 10, "learningRate", 0.3, "seed", 1);
        assertEquals("", saved.differencesFrom(saved));
        RunSettings run = settings("dimension", 10, "learningRate", 0.5, "steps", 9);
        assertEquals("learningRate = 0.5 (checkpoint: 0.3); steps = 9 (checkpoint: not recorded);"
                + " seed not set (checkpoint: 1)", run.differencesFrom(saved));
    }

    @Test
    void separatorsInsideKeysOrValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings("a=b", 1));
        assertThrows(IllegalArgumentException.class, () -> settings("corpus", "x, y"));
        assertThrows(IllegalArgumentException.class, () -> settings("", 1));
        assertThrows(IllegalArgumentException.class, () -> RunSettings.parse("no equals sign"));
    }
}
