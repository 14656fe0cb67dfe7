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

    /** The heap bytes {@code code} allocates on this thread, or 0 if the JVM cannot tell. */
    public static long heapBytesAllocatedBy(Runnable code) {
        long before = allocatedSoFar();
        code.run();
        return before < 0 ? 0 : allocatedSoFar() - before;
    }
}
