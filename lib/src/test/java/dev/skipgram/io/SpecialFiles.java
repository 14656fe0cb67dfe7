package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** FIFOs and devices for tests, made with mkfifo(1) and mknod(1); a test skips where they cannot be made. */
public final class SpecialFiles {

    private SpecialFiles() {}

    /**
     * The kind of file stat(1) reports, without following a link.
     *
     * @return "fifo", "character special file", "regular file", "symbolic link", …
     */
    public static String kind(Path file) throws IOException {
        // Java's file attributes say "other" for devices and FIFOs alike
        Process p = new ProcessBuilder("stat", "-c", "%F", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            assertEquals(0, p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** Whether the file is a character device, not following a link. */
    public static boolean isCharacterDevice(Path file) throws IOException {
        return "character special file".equals(kind(file));
    }

    /** Makes a FIFO at {@code file}, or skips the test where mkfifo(1) fails or is missing. */
    public static Path fifo(Path file) throws IOException {
        assumeTrue(run("mkfifo", file.toString()), "mkfifo " + file + " failed");
        assertEquals("fifo", kind(file));
        return file;
    }

    /**
     * A null device to write to. Where mknod(1) works (as root) it is a node of its own in {@code dir}
     * (character device 1,3, what /dev/null is), so that a broken writer that replaces its target
     * replaces that node, not the machine's /dev/null. Else it is /dev/null itself, but only if this
     * user cannot replace it (cannot write to /dev); else the test is skipped.
     */
    public static Path nullDevice(Path dir) throws IOException {
        Path node = dir.resolve("null");
        if (run("mknod", "-m", "666", node.toString(), "c", "1", "3") && isCharacterDevice(node)) {
            try {
                Files.newOutputStream(node, StandardOpenOption.WRITE).close();
                return node;
            } catch (IOException e) {
                Files.delete(node); // a file system mounted nodev
            }
        }
        Path devNull = Path.of("/dev/null");
        assumeTrue(isCharacterDevice(devNull) && Files.isWritable(devNull), "/dev/null is a writable device");
        assumeFalse(Files.isWritable(devNull.getParent()), "no mknod here, and this user could replace /dev/null");
        return devNull;
    }

    private static boolean run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false; // no such program
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
