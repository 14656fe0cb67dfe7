package dev.skipgram.bench;

/**
 * JVM options of every forked benchmark JVM, as constants so that the {@code @Fork} annotations of
 * both benchmark packages can share them.
 *
 * <p>The heap is fixed so that runs are comparable across machines. The cap matters for the
 * reference losses: their arrays live off the Java heap, and JavaCPP frees them (by a garbage
 * collection) once they exceed the heap's maximum, so a fixed heap also bounds their footprint
 * (the reference loss at V = 100,000, d = 300 allocates 120 MB a call). Logging is turned down to
 * warnings, so that ND4J's start-up banner and the trainer's progress lines do not mix with JMH's
 * output.
 */
public final class BenchmarkJvm {

    /** The heap: 2 GB, initial and maximum. */
    public static final String HEAP_MIN = "-Xms2g";

    /** See {@link #HEAP_MIN}. */
    public static final String HEAP_MAX = "-Xmx2g";

    /** slf4j-simple logs warnings and errors only. */
    public static final String QUIET_LOGS = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    private BenchmarkJvm() {}
}
