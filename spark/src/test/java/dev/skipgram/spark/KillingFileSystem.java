package dev.skipgram.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * The local file system under the scheme {@code killfs:}, for {@link LocalClusterTest}: when the driver
 * creates the checkpoint of round {@value #KILL_AT_STEP}, it kills, with SIGKILL, one executor
 * JVM of this process's local cluster, once (after the file is created, before it is written). The
 * driver has merged that round and not yet sent the next, so the kill falls between two rounds of
 * the direct exchange's one stage, placed by progress rather than by time.
 */
public final class KillingFileSystem extends CreateHookFileSystem {

    /** The scheme. */
    static final String SCHEME = "killfs";
    /** The round whose checkpoint's creation kills an executor. */
    static final int KILL_AT_STEP = 3;
    /** Executors killed in this JVM so far. */
    static final AtomicInteger KILLED = new AtomicInteger();

    /** For Hadoop, which makes file systems by reflection. */
    public KillingFileSystem() {
        super(SCHEME);
    }

    @Override
    FSDataOutputStream created(org.apache.hadoop.fs.Path f, FSDataOutputStream target) {
        killAt(f);
        return target;
    }

    private static void killAt(org.apache.hadoop.fs.Path f) {
        if (!f.getName().equals(String.format(".checkpoint-%010d.sgd.tmp", KILL_AT_STEP)) || KILLED.get() > 0) {
            return;
        }
        Optional<ProcessHandle> executor = ProcessHandle.current().descendants()
                .filter(p -> executorId(p.pid()).isPresent())
                .findFirst();
        executor.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
            KILLED.incrementAndGet();
        });
    }

    /**
     * The executor id of process {@code pid} if it is an executor JVM, from its arguments in /proc (the
     * JDK's {@code ProcessHandle.Info} cuts a command line at 4,096 characters, inside the class path).
     */
    static Optional<String> executorId(long pid) {
        List<String> a;
        try {
            a = Arrays.asList(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0"));
        } catch (IOException e) {
            return Optional.empty(); // the process has ended
        }
        int at = a.indexOf("--executor-id");
        return a.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend") && at >= 0 && at + 1 < a.size()
                ? Optional.of(a.get(at + 1)) : Optional.empty();
    }
}
