package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A write that fails (a full disk, a read-only or missing directory, a directory in the way) is a
 * clear error, and leaves the previous file exactly as it was and no temporary file behind.
 */
class AtomicWriteFaultsTest {

    /** Fill levels of the simulated disk: before, inside and beyond the 64 KiB write buffer. */
    private static final long[] CAPACITIES = {0, 1, 100, 65_536, 200_000};

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static WordVectors vectors(int v, int d, float scale) {
        List<String> words = new ArrayList<>();
        long[] counts = new long[v];
        float[][] values = new float[v][d];
        for (int w = 0; w < v; w++) {
            words.add("word" + w);
            counts[w] = v - w;
            for (int j = 0; j < d; j++) {
                values[w][j] = scale * (w - j) / (1 + j);
            }
        }
        return new WordVectors(new Vocabulary(words, counts), Nd4j.createFromArray(values));
    }

    @Test
    void aFullDiskMidWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("data.bin"), "previous content");
        byte[] big = new byte[300_000];
        for (long capacity : CAPACITIES) {
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
                FullDiskOutputStream disk = new FullDiskOutputStream(out, capacity);
                disk.write(big);
                disk.flush();
            }), "capacity " + capacity);
            assertEquals(FullDiskOutputStream.NO_SPACE, e.getMessage());
            assertEquals("previous content", Files.readString(target));
            assertEquals(List.of("data.bin"), names(dir), "no temporary file left after capacity " + capacity);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void vectorsWrittenToAFullDiskLeaveThePreviousVectors(Format format, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("vectors." + format);
        WordVectors previous = vectors(50, 8, 1f);
        Word2VecFormat.write(previous, file, format);
        byte[] before = Files.readAllBytes(file);
        WordVectors next = vectors(5_000, 16, 2f); // ~330 KB binary, ~1 MB text: beyond every capacity
        for (long capacity : CAPACITIES) {
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file,
                    out -> Word2VecFormat.content(next, format).writeTo(new FullDiskOutputStream(out, capacity))));
            assertEquals(FullDiskOutputStream.NO_SPACE, e.getMessage());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "capacity " + capacity);
            assertEquals(List.of(file.getFileName().toString()), names(dir));
        }
        assertEquals(previous.centerVectors(), Word2VecFormat.read(file, format).centerVectors());
    }

    @Test
    void aDirectoryThatIsAFileIsAClearErrorNamingIt(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        IOException e = assertThrows(IOException.class,
                () -> Word2VecFormat.write(vectors(3, 2, 1f), notADirectory.resolve("v.txt"), Format.TEXT));
        assertTrue(e.getMessage().contains("cannot write vectors to " + notADirectory.resolve("v.txt"))
                && e.getMessage().contains(notADirectory + " exists and is not a directory"), e.getMessage());
        assertEquals("x", Files.readString(notADirectory));
    }

    @Test
    void aDirectoryInTheWayIsNotReplaced(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("vectors.txt"));
        IOException e = assertThrows(IOException.class,
                () -> Word2VecFormat.write(vectors(3, 2, 1f), target, Format.TEXT));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("vectors.txt"), names(dir));
    }

    @Test
    void aReadOnlyDirectoryIsAClearErrorAndThePreviousFileStays(@TempDir Path dir) throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Path file = Files.writeString(readOnly.resolve("v.txt"), "previous");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes to read-only directories: then skipped (and reported so); the full-disk tests
            // above give the same guarantee for every user
            Assumptions.assumeFalse(Files.isWritable(readOnly), "this user can write to a read-only directory");
            IOException e = assertThrows(IOException.class,
                    () -> Word2VecFormat.write(vectors(3, 2, 1f), file, Format.BINARY));
            assertTrue(e.getMessage().contains("cannot create a file in " + readOnly + ": permission denied"),
                    e.getMessage());
            assertEquals("previous", Files.readString(file));
            assertEquals(List.of("v.txt"), names(readOnly));
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
