package dev.skipgram.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file all at once: the content goes to a temporary file in the target's directory, is
 * forced to disk, and is then renamed over the target in one atomic move. A crash or an error at any
 * moment leaves either the previous file or the complete new one, never a mixture, and no temporary
 * file behind (unless the process dies mid-write, which leaves a hidden {@code .tmp} file and the
 * previous target intact). Used for vector files and checkpoints. Stateless and thread-safe.
 */
public final class AtomicFile {

    /** Writes content to an output stream. */
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
     * @param target the file to replace or create
     * @param content what to write
     * @throws IOException if anything fails; the previous file, if any, is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
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
            }
        }
        try {
            try (FileChannel channel = created) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
        syncDirectory(dir);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}
