package dev.skipgram.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.io.AtomicFile;
import dev.skipgram.io.FullDiskOutputStream;
import dev.skipgram.io.SpecialFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checkpoints written to a full disk or an unwritable place: a clear error, older checkpoints intact. */
class CheckpointFaultsTest {

    private static Checkpoint checkpoint(int step, int rows) {
        INDArray x = Nd4j.linspace(1, rows * 64L, rows * 64L, DataType.FLOAT).reshape(rows, 64).muli(step);
        RecipeState state = RecipeState.builder().putDouble("smoothedLoss", 0.5 * step)
                .putBytes("generator", new byte[] {1, 2, (byte) step}).build();
        return new Checkpoint(step, RunSettings.parse("seed=" + step), state, x);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesTheNewestCheckpointLoadableAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Checkpoint first = checkpoint(1, 10);
        store.save(first);
        Checkpoint second = checkpoint(2, 1_000); // 256 KB: beyond the write buffer
        for (long capacity : new long[] {0, 10, 65_536, 200_000}) {
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(store.pathFor(2),
                    out -> CheckpointCodec.write(second, new FullDiskOutputStream(out, capacity))));
            assertEquals(FullDiskOutputStream.NO_SPACE, e.getMessage());
            assertEquals(List.of("checkpoint-0000000001.sgd"), names(dir), "capacity " + capacity);
            Checkpoint loaded = store.loadNewest().orElseThrow();
            assertEquals(1, loaded.step());
            assertEquals(first.parameters(), loaded.parameters());
        }
    }

    @Test
    void temporaryFilesOfAKilledWriterAreClearedByTheNextSave(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Files.writeString(dir.resolve(".checkpoint-0000000007.sgd.3kf9x1z.tmp"), "half a checkpoint");
        Files.writeString(dir.resolve("..checkpoint-probe.q2w.tmp"), "");
        Files.writeString(dir.resolve(".unrelated.tmp"), "not ours");
        store.save(checkpoint(8, 2));
        assertEquals(List.of(".unrelated.tmp", "checkpoint-0000000008.sgd"), names(dir));
    }

    @Test
    void aCheckpointDirectoryThatIsAFileIsAClearError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new CheckpointStore(file, 2).save(checkpoint(1, 2)));
        assertTrue(e.getMessage().contains("cannot write checkpoint " + file.resolve("checkpoint-0000000001.sgd"))
                && e.getMessage().contains(file + " exists and is not a directory"), e.getMessage());
    }

    @Test
    void aReadOnlyCheckpointDirectoryIsAClearErrorAndKeepsTheOlderCheckpoints(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"), 2);
        store.save(checkpoint(1, 2));
        Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(store.directory()), "this user can write to a read-only directory");
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(checkpoint(2, 2)));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            assertEquals(1, store.loadNewest().orElseThrow().step());
        } finally {
            Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aCheckpointPathThatIsAFifoIsRefusedAndNeverOpened(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.save(checkpoint(1, 2));
        Path fifo = SpecialFiles.fifo(store.pathFor(2));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(checkpoint(2, 2)));
        assertEquals("cannot write checkpoint " + fifo + ": " + fifo + " is a FIFO, not a regular file; an atomic"
                + " replacement needs a regular file in a directory", e.getMessage());
        assertEquals("fifo", SpecialFiles.kind(fifo));
        // listed as the newest, but skipped as damaged without being opened (opening it would block)
        assertEquals(1, store.loadNewest().orElseThrow().step());
        assertEquals(List.of("checkpoint-0000000001.sgd", "checkpoint-0000000002.sgd"), names(dir));
    }

    @Test
    void aCheckpointPathLinkedToADeviceIsRefusedAndTheDeviceStays(@TempDir Path dir) throws IOException {
        Path device = SpecialFiles.nullDevice(Files.createDirectory(dir.resolve("dev")));
        CheckpointStore store = new CheckpointStore(Files.createDirectory(dir.resolve("ckpt")), 2);
        Files.createSymbolicLink(store.pathFor(1), device);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(checkpoint(1, 2)));
        assertTrue(e.getMessage().endsWith(device + " is a character device, not a regular file; an atomic"
                + " replacement needs a regular file in a directory"), e.getMessage());
        assertTrue(SpecialFiles.isCharacterDevice(device));
        assertTrue(store.loadNewest().isEmpty());
    }

    @Test
    void theDirectoryIsCreatedButNotItsParent(@TempDir Path dir) throws IOException {
        Path missingParent = dir.resolve("no").resolve("ckpt");
        CheckpointStore orphan = new CheckpointStore(missingParent, 2);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, orphan::requireWritable);
        assertEquals("cannot write checkpoints in " + missingParent + ": directory " + dir.resolve("no")
                + " does not exist", e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> orphan.save(checkpoint(1, 2)));
        assertEquals("cannot write checkpoint " + orphan.pathFor(1) + ": directory " + dir.resolve("no")
                + " does not exist", e.getMessage());
        assertEquals(List.of(), names(dir), "nothing created");

        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"), 2);
        store.requireWritable();
        assertEquals(List.of(), names(store.directory()), "created, and the probe deleted");
        store.save(checkpoint(1, 2));
        assertEquals(1, store.loadNewest().orElseThrow().step());
    }

    @Test
    void aCheckpointInAnotherFormatVersionIsRefusedNotSkipped(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        store.save(checkpoint(1, 2));
        store.save(checkpoint(2, 2));
        byte[] newest = Files.readAllBytes(store.pathFor(2));
        newest[7] = '1'; // SGDCKPT2 -> SGDCKPT1, as the version before the shared format wrote
        Files.write(store.pathFor(2), newest);
        IllegalStateException e = assertThrows(IllegalStateException.class, store::loadNewest);
        assertTrue(e.getMessage().contains("checkpoint " + store.pathFor(2) + " is in checkpoint format 1")
                && e.getMessage().contains("this version reads format 2"), e.getMessage());

        newest[7] = 'x'; // damaged, not a version: skipped as before
        Files.write(store.pathFor(2), newest);
        assertEquals(1, store.loadNewest().orElseThrow().step());
    }
}
