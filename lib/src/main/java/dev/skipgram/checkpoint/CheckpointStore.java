package dev.skipgram.checkpoint;

import dev.skipgram.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoint files in one directory, named {@code checkpoint-<step>.sgd}, in one binary format for
 * every recipe (the magic bytes {@code SGDCKPT2}, the
 * step, the run settings, the recipe's state, the parameters and a CRC-32).
 *
 * <p>A checkpoint is written with {@link AtomicFile#replace} (a temporary file, forced to disk, then
 * renamed in one atomic move), so a crash at any moment leaves either no new file or a complete one.
 * A checkpoint path that is a device, FIFO or socket is refused, since it cannot be replaced
 * atomically; one that is a symbolic link is followed. Loading checks the checksum and falls back to
 * the next older checkpoint if the newest is damaged anyway (for example by a disk error); a
 * checkpoint path that is not a regular file counts as damaged and is never opened.
 *
 * <p>The directory is created if missing, as {@code mkdir} does: its parent must exist.
 *
 * <p>The format may change between 0.x versions. A file in another version of it (magic bytes
 * {@code SGDCKPT} followed by another digit, such as the {@code SGDCKPT1} files of skipgram before
 * the format was shared by both recipes) is refused with an {@link IllegalStateException} by
 * {@link #loadNewest()}, rather than skipped as damaged, so that a run never starts afresh over
 * another version's checkpoints.
 *
 * <p>Used by {@link dev.skipgram.optim.Sgd} and by the word2vec recipe; public so that tools can ask whether a directory
 * holds checkpoints ({@link #listNewestFirst()}).
 *
 * <p>Not thread-safe: an instance holds no mutable state, but one run at a time may use a directory,
 * through one store (two writers would delete each other's checkpoints). Arguments must not be null;
 * no method returns null.
 */
public final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.sgd");
    /** AtomicFile's temporary files for checkpoints and for {@link #requireWritable()}'s probe. */
    private static final Pattern STALE = Pattern.compile("\\.\\.?checkpoint-(\\d+\\.sgd|probe)\\.[0-9a-z]+\\.tmp");

    private final Path directory;
    private final int keep;

    /**
     * Creates a store of the checkpoints in {@code directory}. Nothing is read or written yet.
     *
     * @param directory where the checkpoint files are (created by {@link #requireWritable()} or the first
     *     save if missing; its parent directory must exist)
     * @param keep how many of the newest checkpoints to keep, ≥ 1
     * @throws IllegalArgumentException if {@code keep} is below 1
     */
    public CheckpointStore(Path directory, int keep) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        }
        this.keep = keep;
    }

    /**
     * The directory of the checkpoint files.
     *
     * @return the directory given to the constructor; it may not exist yet
     */
    public Path directory() {
        return directory;
    }

    /**
     * The file a checkpoint of {@code step} is written to.
     *
     * @param step the checkpoint's step, ≥ 0
     * @return {@code checkpoint-<step>.sgd} in the directory, the step padded to 10 digits so that
     *     names sort by step
     */
    public Path pathFor(long step) {
        return directory.resolve(String.format("checkpoint-%010d.sgd", step));
    }

    /**
     * Creates the directory if needed (not its parent) and writes (then deletes) an empty file there,
     * so that a run whose checkpoints could not be written fails when it starts, not at its first
     * checkpoint.
     *
     * @throws UncheckedIOException naming the directory and the reason if it cannot be written, for
     *     example "cannot write checkpoints in /a/b/ckpt: directory /a/b does not exist"
     */
    public void requireWritable() {
        Path probe = directory.resolve(".checkpoint-probe");
        try {
            createDirectory();
            AtomicFile.replace(probe, out -> { });
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a checkpoint atomically, then deletes all but the newest {@code keep}, and the temporary
     * files a killed writer left behind.
     *
     * @param checkpoint the checkpoint; its arrays are read, not kept, and must not change meanwhile
     * @throws UncheckedIOException if it cannot be written, for example because the directory's parent
     *     does not exist or the checkpoint's path is a FIFO; the older checkpoints are then intact
     */
    public void save(Checkpoint checkpoint) {
        Path target = pathFor(checkpoint.step());
        try {
            createDirectory();
            AtomicFile.replace(target, out -> CheckpointCodec.write(checkpoint, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
        deleteAllButNewest();
    }

    /**
     * Creates the directory, as mkdir does: not its parent. A file or a broken link in its place is
     * left for the write to name.
     */
    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory) || Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // created meanwhile, or a file: the write says which
        } catch (NoSuchFileException e) {
            Path parent = directory.getParent() != null ? directory.getParent()
                    : directory.toAbsolutePath().getParent();
            throw new IOException("directory " + parent + " does not exist", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create directory " + directory + ": "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()), e);
        }
    }

    private void deleteAllButNewest() {
        // a process killed mid-write leaves its temporary file: this store is the directory's only writer
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path stale : entries.filter(p -> STALE.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            LOG.warn("could not delete temporary files in {}: {}", directory, e.toString());
        }
        List<Path> files = listNewestFirst();
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("could not delete old checkpoint {}: {}", old, e.toString());
            }
        }
    }

    /**
     * The checkpoint files in the directory, named as {@link #pathFor} names them. Their content is
     * not read.
     *
     * @return the files, newest (highest step) first; empty if the directory does not exist; a new
     *     list the caller may modify
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public List<Path> listNewestFirst() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = new ArrayList<>(entries
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .toList());
            files.sort(Comparator.comparingLong(CheckpointStore::stepOf).reversed());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + directory, e);
        }
    }

    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The newest checkpoint that reads back intact. Damaged ones (truncated, a wrong checksum, not a
     * checkpoint at all) are skipped with a warning in the log, and the next older one is tried.
     *
     * @return the checkpoint, with new arrays owned by the caller; empty if there is none, or none
     *     intact
     * @throws IllegalStateException if the newest file not skipped is in another version of the
     *     checkpoint format, naming the file and both versions
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public Optional<Checkpoint> loadNewest() {
        for (Path file : listNewestFirst()) {
            try {
                return Optional.of(CheckpointCodec.read(file));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("skipping damaged checkpoint {}: {}", file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one checkpoint file, as {@link #loadNewest()} does, without falling back to an older one.
     *
     * @param file a checkpoint file
     * @return the checkpoint, with a new parameter array owned by the caller
     * @throws IOException if the file is missing, damaged (truncated, a wrong checksum) or not a
     *     checkpoint
     * @throws IllegalStateException if it is a checkpoint in another version of the format, naming
     *     the file and both versions
     */
    public static Checkpoint read(Path file) throws IOException {
        return CheckpointCodec.read(file);
    }

    /**
     * Writes a checkpoint in this store's format to a stream, for a store elsewhere (such as a Hadoop
     * file system); the caller makes the write atomic. The stream is flushed, not closed.
     *
     * @param checkpoint the checkpoint; its arrays are read, not kept, and must not change meanwhile
     * @param out where the bytes go
     * @throws IOException if the stream cannot be written
     */
    public static void write(Checkpoint checkpoint, OutputStream out) throws IOException {
        CheckpointCodec.write(checkpoint, out);
    }

    /**
     * Reads a checkpoint written by {@link #write(Checkpoint, OutputStream)} or {@link #save}.
     *
     * @param in the bytes; read, not closed
     * @param size how many bytes the stream holds, which bounds every length read before allocating
     * @param name what to call the checkpoint in messages, such as its path
     * @return the checkpoint, with a new parameter array owned by the caller
     * @throws IOException if the bytes are damaged (truncated, a wrong checksum) or not a checkpoint
     * @throws IllegalStateException if it is a checkpoint in another version of the format, naming
     *     {@code name} and both versions
     */
    public static Checkpoint read(InputStream in, long size, String name) throws IOException {
        return CheckpointCodec.read(in, size, name);
    }
}
