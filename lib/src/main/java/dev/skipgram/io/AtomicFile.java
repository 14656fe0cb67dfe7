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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file all at once: the content goes to a temporary file in the target's directory, is
 * forced to disk, and is then renamed over the target in one atomic move. A crash or an error at any
 * moment leaves either the previous file or the complete new one, never a mixture, and no temporary
 * file behind (unless the process dies mid-write, which leaves a hidden {@code .tmp} file and the
 * previous target intact). Used for vector files and checkpoints.
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

    private AtomicFile() {}

    /**
     * Writes {@code content} to {@code target} atomically, creating the directory if needed.
     *
     * <p>Failures of the file system read as sentences: "permission denied", "exists and is not a
     * directory", "Read-only file system", "No space left on device" (the operating system's words),
     * with the path. An {@link IOException} thrown by {@code content} passes through unchanged.
     *
     * @param target the file to replace or create; not a directory; its parent directories are created
     *     if missing
     * @param content what to write; called once
     * @throws IOException if anything fails; the previous file, if any, is then unchanged, and no
     *     temporary file is left behind
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory, not a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(e.getFile() + " exists and is not a directory", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create directory " + dir + ": " + reason(e), e);
        }
        // Not Files.createTempFile, which makes the file readable by its owner only: created this way, the
        // file gets the permissions the process's umask gives any new file (rw-r--r-- under umask 022).
        Path temporary = null;
        FileChannel created = null;
        while (created == null) {
            temporary = dir.resolve("." + target.getFileName() + "."
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
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileSystemException e) {
                throw new IOException("cannot replace " + target + ": " + reason(e), e);
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
