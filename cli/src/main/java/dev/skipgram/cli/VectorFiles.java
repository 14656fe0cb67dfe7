package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import dev.skipgram.io.Word2VecFormat;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Loading vector files for the query commands, with clear errors and progress for big files. */
final class VectorFiles {

    /** Files at least this big show a progress bar while they load. */
    private static final long SHOW_PROGRESS_FROM = 64L << 20;

    private VectorFiles() {}

    /**
     * Reads a word2vec file, text or binary, whatever its name: the format is detected from the
     * content ({@link Word2VecFormat#detect}) unless {@code format} forces it.
     *
     * @param format the format to read, or null to detect it
     * @throws UserError if the file is missing, a directory, or malformed (the message says where)
     */
    static WordVectors load(Path file, Word2VecFormat.Format format, Progress.Mode mode, PrintWriter err) {
        return load(file, format, Word2VecFormat.ReadOptions.defaults(), mode, err);
    }

    /**
     * Reads a word2vec file with reader options: a limit, no header, invalid UTF-8 replaced. A gzip
     * file is decompressed, whatever its name; a file without header is text, read by the library
     * in two passes (without progress bar).
     *
     * @param format the format to read, or null to detect it
     * @throws UserError if the file is missing, a directory, or malformed (the message says where)
     */
    static WordVectors load(Path file, Word2VecFormat.Format format, Word2VecFormat.ReadOptions options,
            Progress.Mode mode, PrintWriter err) {
        if (!Files.exists(file)) {
            throw new UserError("vector file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a directory, not a vector file");
        }
        try {
            if (!options.header()) {
                return Word2VecFormat.read(file, Word2VecFormat.Format.TEXT, options);
            }
            long size = Files.size(file);
            Word2VecFormat.Format actual = format != null ? format : Word2VecFormat.detect(file);
            boolean gzip = isGzip(file);
            try (InputStream raw = Files.newInputStream(file);
                    Progress progress = Progress.start(mode, "loading " + file.getFileName(), "MB", err,
                            Duration.ofSeconds(5))) {
                InputStream in = size >= SHOW_PROGRESS_FROM ? new Counting(raw, progress, size >> 20) : raw;
                in = new BufferedInputStream(in, 1 << 16);
                // deflate expands at most about 1032 to 1: the bound on what a gzip file's header may claim
                long bound = gzip ? (size > Long.MAX_VALUE / 1032 ? Long.MAX_VALUE : size * 1032) : size;
                return Word2VecFormat.read(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
                        : in, bound, actual, file.toString(), options);
            }
        } catch (IOException e) {
            throw new UserError("cannot read vectors: " + Main.describe(e), e);
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Checks that every word is in the vectors' vocabulary.
     *
     * @throws UserError for the first unknown word, with the nearest spellings in the vocabulary
     */
    static void requireKnown(WordVectors vectors, Path file, Collection<String> words) {
        for (String word : words) {
            if (!vectors.vocabulary().contains(word)) {
                List<String> similar = Suggestions.similarSpellings(word, vectors.vocabulary(), 3);
                throw new UserError("'" + word + "' is not in the vocabulary of " + file + " ("
                        + Progress.count(vectors.vocabulary().size()) + " words)"
                        + (similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?"));
            }
        }
    }

    /** Reports the megabytes read. */
    private static final class Counting extends FilterInputStream {
        private final Progress progress;
        private final long total;
        private long read;
        private long reported;

        Counting(InputStream in, Progress progress, long total) {
            super(in);
            this.progress = progress;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            read += n;
            if (read - reported >= 1 << 20) {
                reported = read;
                progress.update(read >> 20, total, "", false);
            }
        }
    }
}
