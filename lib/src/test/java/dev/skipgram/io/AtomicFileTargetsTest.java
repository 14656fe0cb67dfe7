package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link AtomicFile} does with a target that is not a plain file in an existing directory: a
 * symbolic link is followed, a device or FIFO is written to directly (or refused by
 * {@link AtomicFile#replace}), a directory is refused, and a missing directory is refused, not created.
 */
class AtomicFileTargetsTest {

    private static final byte[] CONTENT = {'n', 'e', 'w', 0, 1, 2, (byte) 0xff};

    @TempDir
    Path dir;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void devNullIsWrittenToAndStaysACharacterDevice() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        AtomicFile.write(devNull, out -> out.write(new byte[300_000]));
        assertTrue(SpecialFiles.isCharacterDevice(devNull), devNull + " is still a character device");
        assertEquals(0, Files.size(devNull));
        assertEquals(List.of(), names(dir).stream().filter(n -> n.endsWith(".tmp")).toList(), "no temporary file");
    }

    @Test
    void aFifoIsWrittenToDirectlyAndItsReaderGetsExactlyTheBytes() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        byte[] big = new byte[200_000]; // beyond a pipe's buffer: the writer waits for the reader
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[][] read = {null};
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) { // opens once the writer opens, reads to EOF
                read[0] = in.readAllBytes();
            } catch (IOException e) {
                read[0] = new byte[0];
            }
        }, "fifo-reader");
        reader.setDaemon(true); // never keeps the JVM alive, even if a broken write leaves it waiting
        reader.start();
        AtomicFile.write(fifo, out -> out.write(big));
        assertEquals("fifo", SpecialFiles.kind(fifo), "the FIFO was replaced");
        reader.join(TimeUnit.MINUTES.toMillis(1)); // the writer closed the FIFO: the reader is at its end
        assertFalse(reader.isAlive(), "the reader did not get to the end of the data");
        assertArrayEquals(big, read[0]);
        assertEquals(List.of("pipe"), names(dir), "no temporary file");
    }

    @Test
    void replaceRefusesAFifoWithoutOpeningIt() throws IOException {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.replace(fifo, out -> out.write(1)));
        assertEquals(fifo + " is a FIFO, not a regular file; an atomic replacement needs a regular file in a"
                + " directory", e.getMessage());
        assertEquals("fifo", SpecialFiles.kind(fifo));
        assertEquals(List.of("pipe"), names(dir));
    }

    @Test
    void replaceRefusesANullDevice() throws IOException {
        Path devNull = SpecialFiles.nullDevice(dir);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.replace(devNull, out -> out.write(1)));
        assertEquals(devNull + " is a character device, not a regular file; an atomic replacement needs a regular"
                + " file in a directory", e.getMessage());
        assertTrue(SpecialFiles.isCharacterDevice(devNull));
    }

    @Test
    void aSymbolicLinkIsFollowedAndItsTargetReplacedInItsOwnDirectory() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path target = Files.writeString(elsewhere.resolve("v.bin"), "previous");
        Path links = Files.createDirectory(dir.resolve("links"));
        Path relative = Path.of("..", "elsewhere", "v.bin");
        Path link = Files.createSymbolicLink(links.resolve("link.bin"), relative);
        // a chain: link2 -> link.bin -> ../elsewhere/v.bin
        Path chain = Files.createSymbolicLink(links.resolve("link2.bin"), Path.of("link.bin"));

        AtomicFile.write(link, out -> out.write(CONTENT));
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(relative, Files.readSymbolicLink(link));

        AtomicFile.replace(chain, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
        assertTrue(Files.isSymbolicLink(chain) && Files.isSymbolicLink(link));
        assertEquals(Path.of("link.bin"), Files.readSymbolicLink(chain));
        assertEquals(List.of("link.bin", "link2.bin"), names(links), "no temporary file beside the links");
        assertEquals(List.of("v.bin"), names(elsewhere), "no temporary file beside the target");
    }

    @Test
    void aLinkToAMissingFileCreatesItAndStaysALink() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), Path.of("elsewhere", "new.bin"));
        AtomicFile.write(link, out -> out.write(CONTENT));
        assertArrayEquals(CONTENT, Files.readAllBytes(elsewhere.resolve("new.bin")));
        assertTrue(Files.isRegularFile(elsewhere.resolve("new.bin"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("elsewhere", "new.bin"), Files.readSymbolicLink(link));
        assertEquals(List.of("elsewhere", "link.bin"), names(dir));
    }

    @Test
    void aLinkIntoAMissingDirectoryIsAClearErrorAndCreatesNothing() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), dir.resolve("gone").resolve("v.bin"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(link, out -> out.write(1)));
        assertEquals(link + " is a symbolic link to " + dir.resolve("gone").resolve("v.bin") + ", whose directory "
                + dir.resolve("gone") + " does not exist", e.getMessage());
        assertEquals(List.of("link.bin"), names(dir));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aLinkLoopIsAClearErrorNotAHang() throws IOException {
        Path a = dir.resolve("a");
        Path b = Files.createSymbolicLink(dir.resolve("b"), a);
        Files.createSymbolicLink(a, b);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(a, out -> out.write(1)));
        assertTrue(e.getMessage().contains("too many levels of symbolic links"), e.getMessage());
        assertEquals(List.of("a", "b"), names(dir));
    }

    @Test
    void aDirectoryOrALinkToOneIsRefusedAndLeftAlone() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out"));
        Files.writeString(target.resolve("inside"), "kept");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));
        assertEquals(target + " is a directory, not a file", e.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        e = assertThrows(IOException.class, () -> AtomicFile.replace(link, out -> out.write(1)));
        assertEquals(link + " is a symbolic link to " + target + ", which is a directory, not a file", e.getMessage());
        assertEquals(List.of("inside"), names(target));
        assertEquals(List.of("link", "out"), names(dir));
    }

    @Test
    void aMissingDirectoryIsRefusedAndNothingIsCreated() throws IOException {
        Path target = dir.resolve("no").resolve("such").resolve("v.bin");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write(1)));
        assertEquals("directory " + target.getParent() + " does not exist", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFile.replace(target, out -> out.write(1)));
        assertEquals("directory " + target.getParent() + " does not exist", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFile.requireWritable(target));
        assertEquals("directory " + target.getParent() + " does not exist", e.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void requireWritableChecksWhatWriteWouldRefuseWithoutWriting() throws IOException {
        AtomicFile.requireWritable(dir.resolve("new.bin"));
        Path existing = Files.writeString(dir.resolve("old.bin"), "kept");
        AtomicFile.requireWritable(existing);
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), Path.of("missing.bin"));
        AtomicFile.requireWritable(link);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.requireWritable(dir));
        assertEquals(dir + " is a directory, not a file", e.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(IOException.class, () -> AtomicFile.requireWritable(file.resolve("v.bin")));
        assertEquals(file + " exists and is not a directory", e.getMessage());
        assertEquals("kept", Files.readString(existing));
        assertEquals(List.of("link.bin", "old.bin", "plain"), names(dir));
        assertFalse(Files.exists(dir.resolve("missing.bin")));
    }
}
