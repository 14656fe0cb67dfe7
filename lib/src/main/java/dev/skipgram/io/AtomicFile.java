package dev.skipgram.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file the way a careful Unix tool does. A regular file (or a new one) is replaced all at
 * once: the content goes to a temporary file in the file's directory, is forced to disk, and is then
 * renamed over the file in one atomic move. A crash or an error at any moment leaves either the
 * previous file or the complete new one, never a mixture, and no temporary file behind (unless the
 * process dies mid-write, which leaves a hidden {@code .tmp} file and the previous file intact). Used
 * for vector files, checkpoints and plots.
 *
 * <p>What the target may be:
 * <ul>
 *   <li>a regular file, or nothing yet: replaced or created atomically, as above;
 *   <li>a symbolic link: followed, through chains of links (a relative link is resolved against the
 *       link's own directory). The file it points to is replaced atomically in its own directory, so
 *       the link stays a link and points to the new content. A link to a missing file creates that
 *       file; a link into a missing directory is refused;
 *   <li>a character or block device, a FIFO or a socket (anything else that is not a directory):
 *       {@link #write} opens it and writes to it directly, without a temporary file and without
 *       replacing it, as {@code cat > /dev/null} or {@code > fifo} does: {@code /dev/null} stays a
 *       device, and a FIFO's reader gets the bytes (the write waits for a reader to open it). Such a
 *       write is not atomic. {@link #replace}, for callers that need atomicity, refuses it;
 *   <li>a directory: refused ("... is a directory, not a file").
 * </ul>
 *
 * <p>The target's directory must exist: a missing directory is refused, naming it, and nothing is
 * created. Creating directories is the caller's decision.
 *
 * <p>Stateless and thread-safe: each write has its own temporary file, so concurrent writes to one
 * target leave one of their complete contents (the last to be renamed). Arguments must not be null.
 */
public final class AtomicFile {

    /**
     * Writes content to an output stream: what {@link AtomicFile#write} puts in the file. It is
     * called once, on the thread that called {@code write}.
     */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes everything.
         *
         * @param out the stream (buffered; flushed and closed by the caller)
         * @throws IOException to abandon the write, leaving the previous file intact
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Links followed before giving up, as Linux's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;

    private AtomicFile() {}

    /**
     * Writes {@code content} to {@code target}: atomically if it is a regular file or does not exist
     * yet, directly if it is a device, FIFO or socket (see the class comment).
     *
     * <p>Failures of the file system read as sentences: "permission denied", "exists and is not a
     * directory", "Read-only file system", "No space left on device" (the operating system's words),
     * with the path. An {@link IOException} thrown by {@code content} passes through unchanged.
     *
     * @param target the file to replace or create, or a link to one, or a device, FIFO or socket to
     *     write to; not a directory; its directory must exist
     * @param content what to write; called once
     * @throws IOException if anything fails, if {@code target} is a directory, or if its directory
     *     does not exist ("directory /x does not exist"); a regular file is then unchanged, and no
     *     temporary file is left behind
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Target t = resolve(target);
        if (t.kind == Kind.OTHER) {
            writeDirectly(t.file, content);
        } else {
            replaceAtomically(t.file, content);
        }
    }

    /**
     * Writes {@code content} to {@code target} atomically, and refuses a target that cannot be
     * replaced atomically: for callers, such as checkpoints, whose readers rely on a complete file.
     * Links are followed and directories refused as by {@link #write}.
     *
     * @param target the regular file to replace or create, or a link to one; its directory must exist
     * @param content what to write; called once
     * @throws IOException as {@link #write} does, and without opening it if {@code target} is a device,
     *     FIFO or socket: "/x is a FIFO, not a regular file; an atomic replacement needs a regular file
     *     in a directory"
     */
    public static void replace(Path target, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Target t = resolve(target);
        if (t.kind == Kind.OTHER) {
            throw new IOException(t.file + " is " + describeSpecial(t.file)
                    + ", not a regular file; an atomic replacement needs a regular file in a directory");
        }
        replaceAtomically(t.file, content);
    }

    /**
     * Checks, without writing anything, what {@link #write} would check before writing: that
     * {@code target} is not a directory, that its directory exists, and that this process may create
     * a file there (or, for a device, FIFO or socket, write to it). Lets a long job fail when it
     * starts rather than when it saves its result; the write itself can still fail (a full disk).
     *
     * @param target the file {@link #write} will be given
     * @throws IOException naming the problem, with the messages {@link #write} uses
     */
    public static void requireWritable(Path target) throws IOException {
        Target t = resolve(target);
        if (t.kind == Kind.OTHER) {
            if (!Files.isWritable(t.file)) {
                throw new IOException("cannot write " + t.file + ": permission denied");
            }
        } else {
            Path dir = t.file.toAbsolutePath().getParent();
            if (!Files.isWritable(dir)) {
                throw new IOException("cannot create a file in " + dir + ": permission denied");
            }
        }
    }

    /** What a target path leads to. */
    private enum Kind { REGULAR_OR_MISSING, OTHER }

    /** The file a target leads to after its links, and what it is. */
    private record Target(Path file, Kind kind) {}

    /**
     * Follows {@code target}'s links to the file they lead to, and checks it: not a directory, in a
     * directory that exists.
     */
    private static Target resolve(Path target) throws IOException {
        Path file = target;
        int links = 0;
        BasicFileAttributes attributes;
        while (true) {
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                attributes = null;
            } catch (FileSystemException e) {
                if (Files.isDirectory(file.toAbsolutePath().getParent())) {
                    throw new IOException("cannot write " + target + ": " + reason(e), e);
                }
                attributes = null; // "Not a directory": a file where the directory should be, named below
            }
            if (attributes == null || !attributes.isSymbolicLink()) {
                break;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("cannot write " + target + ": too many levels of symbolic links (a loop?)");
            }
            // a relative link is relative to the directory that holds it
            Path parent = file.toAbsolutePath().getParent();
            file = parent.resolve(Files.readSymbolicLink(file));
        }
        String named = file.equals(target) ? target.toString()
                : target + " is a symbolic link to " + file + ", which";
        if (attributes != null && attributes.isDirectory()) {
            throw new IOException(named + " is a directory, not a file");
        }
        if (attributes == null) {
            Path dir = file.getParent() != null ? file.getParent() : file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                if (Files.exists(dir)) {
                    throw new IOException(dir + " exists and is not a directory");
                }
                throw new IOException(file.equals(target) ? "directory " + dir + " does not exist"
                        : target + " is a symbolic link to " + file + ", whose directory " + dir + " does not exist");
            }
        }
        return new Target(file, attributes == null || attributes.isRegularFile() ? Kind.REGULAR_OR_MISSING
                : Kind.OTHER);
    }

    /** What a device, FIFO or socket is, in words, as stat(1) says: "a FIFO", "a character device". */
    private static String describeSpecial(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch ((Integer) mode & 0170000) {
                case 0010000: return "a FIFO";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // not a Unix file system view: say what every platform can
        }
        return "a device, FIFO or socket";
    }

    /** Writes into an existing device, FIFO or socket: no temporary file, no rename, no truncation. */
    private static void writeDirectly(Path file, Content content) throws IOException {
        OutputStream opened;
        try {
            // WRITE alone: neither CREATE (it exists) nor TRUNCATE_EXISTING (which a FIFO ignores anyway)
            opened = Files.newOutputStream(file, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        }
        // not forced to disk: a pipe or a device has no disk, and fsync on one fails
        try (OutputStream out = new BufferedOutputStream(opened, 1 << 16)) {
            content.writeTo(out);
            out.flush();
        }
    }

    /** Writes a temporary file beside {@code file} (a regular file, or none) and renames it over it. */
    private static void replaceAtomically(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        // Not Files.createTempFile, which makes the file readable by its owner only: created this way, the
        // file gets the permissions the process's umask gives any new file (rw-r--r-- under umask 022).
        Path temporary = null;
        FileChannel created = null;
        while (created == null) {
            temporary = dir.resolve("." + file.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                created = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name: draw another
            } catch (FileSystemException e) {
                throw new IOException("cannot create a file in " + dir + ": " + reason(e), e);
            }
        }
        try {
            try (FileChannel channel = created) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileSystemException e) {
                throw new IOException("cannot replace " + file + ": " + reason(e), e);
            }
            temporary = null;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the write's own failure is the one to report; a hidden .tmp file stays behind
                }
            }
        }
        syncDirectory(dir);
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return e.getFile() + " does not exist";
        }
        return e.getReason() != null ? e.getReason() : e.getMessage();
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}
