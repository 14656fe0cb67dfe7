package dev.skipgram.internal;

import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;

/**
 * How much memory a model may take off the Java heap, asked before the memory is taken: before a
 * vector file's body is read and before training allocates its parameters, so that a model too
 * large for the machine is refused with a message instead of being killed halfway.
 *
 * <p>ND4J allocates its arrays natively, outside the heap, so {@code -Xmx} does not bound them. Two
 * things do: JavaCPP's limit on the process's resident memory, {@code
 * -Dorg.bytedeco.javacpp.maxphysicalbytes} ({@link Pointer#maxPhysicalBytes()}; its default grows
 * with {@code -Xmx}; 0 means none), which ND4J enforces at its next allocation once the resident
 * size has passed it; and the memory the machine has available ({@link
 * Pointer#availablePhysicalBytes()}, Linux's {@code MemAvailable}), beyond which the system swaps
 * or kills the process. JavaCPP's other limit, {@code maxbytes}, counts only memory allocated
 * through JavaCPP and not ND4J's arrays (measured with ND4J 1.0.0-M2.1), so it is not consulted.
 *
 * <p>The check is a guard, not a reservation: another process may take the memory in between.
 * Immutable and thread-safe. Internal: no compatibility promise.
 */
public final class MemoryBudget {

    private final long maxPhysicalBytes; // 0: no limit
    private final long physicalBytes;
    private final long availablePhysicalBytes; // 0: unknown
    private final boolean live; // measured again at each check

    private MemoryBudget(long maxPhysicalBytes, long physicalBytes, long availablePhysicalBytes, boolean live) {
        if (maxPhysicalBytes < 0 || physicalBytes < 0 || availablePhysicalBytes < 0) {
            throw new IllegalArgumentException("memory figures must be >= 0, got maxPhysicalBytes = "
                    + maxPhysicalBytes + ", physicalBytes = " + physicalBytes + ", availablePhysicalBytes = "
                    + availablePhysicalBytes);
        }
        this.maxPhysicalBytes = maxPhysicalBytes;
        this.physicalBytes = physicalBytes;
        this.availablePhysicalBytes = availablePhysicalBytes;
        this.live = live;
    }

    /**
     * This process's budget, from JavaCPP, measured anew at each {@link #shortfall} (the resident size
     * and the machine's available memory change as work goes on).
     *
     * @return the budget
     */
    public static MemoryBudget ofThisProcess() {
        return new MemoryBudget(0, 0, 0, true);
    }

    private static MemoryBudget measure() {
        return new MemoryBudget(Math.max(0, Pointer.maxPhysicalBytes()), Math.max(0, Pointer.physicalBytes()),
                Math.max(0, Pointer.availablePhysicalBytes()), false);
    }

    /**
     * A budget of given figures, for tests: nothing is measured or allocated.
     *
     * @param maxPhysicalBytes JavaCPP's limit on the resident size, 0 for none
     * @param physicalBytes the resident size now
     * @param availablePhysicalBytes what the machine has available, 0 if unknown
     * @return the budget
     * @throws IllegalArgumentException if a figure is negative
     */
    public static MemoryBudget of(long maxPhysicalBytes, long physicalBytes, long availablePhysicalBytes) {
        return new MemoryBudget(maxPhysicalBytes, physicalBytes, availablePhysicalBytes, false);
    }

    /**
     * A budget that refuses nothing, for tests.
     *
     * @return the budget
     */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(0, 0, 0, false);
    }

    /**
     * Why {@code bytes} more cannot be allocated, or empty if they can.
     *
     * @param bytes what the work will allocate off the heap, ≥ 0
     * @param what what needs them, for the message: "V = 3000000 words of d = 300 dimensions"
     * @return a message giving the bytes needed, the bytes available, and how to raise the limit
     */
    public Optional<String> shortfall(long bytes, String what) {
        if (live) {
            return measure().shortfall(bytes, what);
        }
        String need = what + " need " + bytes(bytes) + " off the Java heap";
        // the machine first: raising JavaCPP's limit cannot help when the memory is not there
        if (availablePhysicalBytes > 0 && bytes > availablePhysicalBytes) {
            return Optional.of(need + ", but the machine has " + bytes(availablePhysicalBytes)
                    + " of memory available: free memory, or use a machine with more");
        }
        if (maxPhysicalBytes > 0 && bytes > maxPhysicalBytes - physicalBytes) {
            return Optional.of(need + ", but JavaCPP allows this process " + bytes(maxPhysicalBytes)
                    + " (-Dorg.bytedeco.javacpp.maxphysicalbytes) and it uses " + bytes(physicalBytes)
                    + " already: raise it with -Dorg.bytedeco.javacpp.maxphysicalbytes=" + suggestion(bytes)
                    + " (-Xmx does not hold these arrays, though the default limit grows with it)");
        }
        return Optional.empty();
    }

    private String suggestion(long bytes) {
        long gib = (physicalBytes + bytes + (1L << 30) - 1) >> 30;
        return (gib + 1) + "g";
    }

    /** "3600000000 bytes (3.4 GiB)". */
    static String bytes(long n) {
        return n + " bytes (" + String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30)) + ")";
    }

    @Override
    public String toString() {
        return live ? "MemoryBudget[this process, measured at each check]" : "MemoryBudget[maxPhysicalBytes=" + maxPhysicalBytes + ", physicalBytes=" + physicalBytes
                + ", availablePhysicalBytes=" + availablePhysicalBytes + "]";
    }
}
