package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("sub")).resolve("file.bin");
        AtomicFile.write(target, out -> out.write(new byte[] {1, 2, 3}));
        AtomicFile.write(target, out -> out.write(new byte[] {4, 5}));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFile() throws IOException {
        Path target = dir.resolve("file.bin");
        AtomicFile.write(target, out -> out.write(7));
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(8);
            throw new IOException("disk full");
        }));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
    }

    @Test
    void theFileGetsTheUsualPermissionsOfANewFileNotOwnerOnly() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // permissions from the umask
        Path atomic = dir.resolve("atomic.txt");
        AtomicFile.write(atomic, out -> out.write('x'));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }
}
