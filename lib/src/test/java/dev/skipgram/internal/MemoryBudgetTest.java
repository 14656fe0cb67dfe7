package dev.skipgram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MemoryBudget} and {@link MatrixMemory}: which limit speaks, what the message says, nothing allocated. */
class MemoryBudgetTest {

    @Test
    void theMachineSpeaksFirstThenJavaCppsLimit() {
        // both short: raising JavaCPP's limit would not help, so the machine is named
        String machine = MemoryBudget.of(1_000, 900, 500).shortfall(600, "x").orElseThrow();
        assertEquals("x need 600 bytes (0.0 GiB) off the Java heap, but the machine has 500 bytes (0.0 GiB) of memory"
                + " available: free memory, or use a machine with more", machine);
        String javacpp = MemoryBudget.of(1_000, 900, 5_000).shortfall(600, "x").orElseThrow();
        assertTrue(javacpp.contains("JavaCPP allows this process 1000 bytes") && javacpp.contains("uses 900 bytes")
                && javacpp.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=2g"), javacpp);
        assertEquals(Optional.empty(), MemoryBudget.of(1_000, 900, 5_000).shortfall(100, "x"), "exactly enough");
        assertEquals(Optional.empty(), MemoryBudget.of(0, 900, 0).shortfall(Long.MAX_VALUE, "x"), "0: no limit known");
        assertEquals(Optional.empty(), MemoryBudget.unlimited().shortfall(Long.MAX_VALUE, "x"));
    }

    @Test
    void thisProcessIsMeasuredAtEachCheck() {
        MemoryBudget live = MemoryBudget.ofThisProcess();
        assertEquals(Optional.empty(), live.shortfall(1, "one byte"));
        // an exabyte: more than any machine this runs on, whichever limit speaks
        String message = live.shortfall(1L << 60, "an exabyte").orElseThrow();
        assertTrue(message.startsWith("an exabyte need 1152921504606846976 bytes"), message);
    }

    @Test
    void badFiguresAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.of(-1, 0, 0));
        assertTrue(e.getMessage().contains("maxPhysicalBytes = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MatrixMemory(MemoryBudget.unlimited(), 0));
        assertEquals("maxViewFloats must be in [1, " + FloatMatrix.MAX_VIEW_FLOATS + "], got 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> new MatrixMemory(null, 7));
    }
}
