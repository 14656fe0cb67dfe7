package dev.skipgram.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;

/**
 * The local file system under the scheme {@code holdfs:}, for {@link CheckpointingSparkChild}: the
 * write of the checkpoint file named by the system property {@value #HOLD_AT} stops halfway, says
 * {@value #HOLDING} on stdout and blocks until the process is killed. A crash in the middle of a
 * checkpoint's write, placed by progress rather than by time.
 */
public final class HoldingFileSystem extends CreateHookFileSystem {

    /** The scheme. */
    static final String SCHEME = "holdfs";
    /** The system property naming the temporary file whose write holds. */
    static final String HOLD_AT = "skipgram.test.holdAt";
    /** What the child says when it holds. */
    static final String HOLDING = "HOLDING";

    /** For Hadoop, which makes file systems by reflection. */
    public HoldingFileSystem() {
        super(SCHEME);
    }

    @Override
    FSDataOutputStream created(Path f, FSDataOutputStream target) throws IOException {
        return holding(f, target);
    }

    private FSDataOutputStream holding(Path f, FSDataOutputStream target) throws IOException {
        if (!f.getName().equals(System.getProperty(HOLD_AT))) {
            return target;
        }
        return new FSDataOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target.write(b, off, len / 2);
                target.hflush();
                hold();
            }

            @Override
            public void write(int b) throws IOException {
                hold();
            }
        }, null);
    }

    private static void hold() {
        PrintStream stdout = System.out;
        stdout.println(HOLDING);
        stdout.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // never in the test: the child is killed while it sleeps
            }
        }
    }
}
