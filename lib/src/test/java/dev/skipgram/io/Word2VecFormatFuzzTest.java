package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded sample of {@link VectorFileFuzzer}'s mutated vector files, read by both readers: each
 * gives vectors or an {@link java.io.IOException} naming the source, within the heap and time
 * bounds. The long run is {@code scripts/fuzz-readers.sh}.
 */
class Word2VecFormatFuzzTest {

    private static final long SEED = 1;
    private static final int INPUTS = 5_000;

    @Test
    void theSeedsThemselvesAreValid() {
        VectorFileFuzzer fuzzer = new VectorFileFuzzer(SEED);
        for (int s = 0; s < fuzzer.seedCount(); s++) {
            VectorFileFuzzer.Input input = fuzzer.seedInput(s);
            assertEquals("ok", VectorFileFuzzer.run(input).kind(), input.mutations());
        }
    }

    @Test
    void mutatedFilesGiveVectorsOrAnIOExceptionNamingTheSource() {
        VectorFileFuzzer fuzzer = new VectorFileFuzzer(SEED);
        List<String> violations = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            VectorFileFuzzer.Input input = fuzzer.input(i);
            VectorFileFuzzer.Outcome outcome = VectorFileFuzzer.run(input);
            outcomes.merge(outcome.kind().equals("ok") ? "ok" : outcome.messageClass(), 1, Integer::sum);
            String violation = VectorFileFuzzer.violation(input, outcome);
            if (violation != null && violations.size() < 10) {
                violations.add("input " + i + " (" + input.mutations() + ", " + input.format() + "): " + violation
                        + "\n  bytes (base64): " + Base64.getEncoder().encodeToString(input.bytes()));
            }
        }
        assertEquals(List.of(), violations);
        // the sample reaches both outcomes and many different checks of the readers
        int ok = outcomes.getOrDefault("ok", 0);
        assertTrue(ok > INPUTS / 50 && ok < INPUTS / 2, ok + " of " + INPUTS + " read fine: " + outcomes);
        assertTrue(outcomes.size() >= 15, "only " + outcomes.size() + " kinds of outcome: " + outcomes);
    }
}
