package dev.skipgram.io;

import java.lang.management.ManagementFactory;

/** Heap bytes a piece of code allocates on the calling thread (HotSpot's per-thread counter). */
public final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** Whether this JVM counts allocations per thread. */
    public static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** The bytes allocated by the calling thread so far (a running total), or −1 if not supported. */
    public static long allocatedSoFar() {
        return supported() ? THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    /**
     * The heap bytes {@code code} allocates on this thread, or 0 if the JVM cannot tell. The code is run
     * three times and the smallest figure returned: the JVM's one-time and occasional costs (class
     * loading, a library's housekeeping) land on whichever run happens to pay them, while the code's
     * own allocation repeats on every run.
     */
    public static long heapBytesAllocatedBy(Runnable code) {
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = allocatedSoFar();
            code.run();
            least = Math.min(least, before < 0 ? 0 : allocatedSoFar() - before);
        }
        return least;
    }
}
