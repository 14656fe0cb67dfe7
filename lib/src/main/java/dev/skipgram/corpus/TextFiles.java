package dev.skipgram.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/** Streams sentences from a text file, a gzip file or a directory of them (see {@link Corpus#plainText}). */
final class TextFiles {

    private TextFiles() {}

    static Stream<List<String>> sentences(Path path, int maxTokens) {
        return stream(new FileChain<>(files(path), (reader, file) -> new SentenceReader(reader, file, maxTokens)));
    }

    /** {@link #sentences} as vocabulary indices, read without a String per token. */
    static Stream<int[]> encodedSentences(Path path, int maxTokens, Vocabulary vocabulary) {
        WordIndex index = vocabulary.index();
        return stream(new FileChain<>(files(path),
                (reader, file) -> new SentenceScanner<>(reader, file, maxTokens, new Indices(index))));
    }

    /**
     * Every word of one pass with its count, in order of first occurrence ({@link Corpus#countTokens}
     * for plain text), counted without a String per token.
     *
     * @param progress told the tokens counted so far after each sentence
     */
    static TokenCounts count(Path path, int maxTokens, LongConsumer progress) {
        Counter counter = new Counter();
        FileChain<Counter> chain = new FileChain<>(files(path),
                (reader, file) -> new SentenceScanner<>(reader, file, maxTokens, counter));
        long tokens = 0;
        try {
            while (chain.hasNext()) {
                tokens += chain.next().tokens();
                progress.accept(tokens);
            }
        } finally {
            chain.close();
        }
        return new TokenCounts(counter.words, counter.counts);
    }

    /** Counts every token into a growing {@link WordIndex}; each "sentence" is the counter itself. */
    private static final class Counter implements SentenceScanner.Builder<Counter> {
        private final WordIndex words = new WordIndex(1 << 16);
        private long[] counts = new long[1 << 16];
        private int tokens;

        @Override
        public void start() {
            tokens = 0;
        }

        @Override
        public void add(char[] chars, int length) {
            tokens++;
            int i = words.indexOrAdd(chars, length);
            if (i == counts.length) {
                counts = Arrays.copyOf(counts, 2 * i);
            }
            counts[i]++;
        }

        @Override
        public int tokens() {
            return tokens;
        }

        @Override
        public Counter finish() {
            return this;
        }
    }

    private static <S> Stream<S> stream(FileChain<S> chain) {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(chain, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(chain::close);
    }

    /** {@link Corpus#plainText}: a path read anew on each pass, as Strings or as indices. */
    record PlainText(Path path, int maxTokens) implements Corpus {

        @Override
        public Stream<List<String>> sentences() {
            return TextFiles.sentences(path, maxTokens);
        }

        @Override
        public Stream<int[]> encodedSentences(Vocabulary vocabulary) {
            Objects.requireNonNull(vocabulary, "vocabulary");
            return TextFiles.encodedSentences(path, maxTokens, vocabulary);
        }

        @Override
        public TokenCounts countTokens(LongConsumer progress) {
            Objects.requireNonNull(progress, "progress");
            return TextFiles.count(path, maxTokens, progress);
        }
    }

    /** A sentence's tokens as their vocabulary indices, the others counted and dropped. */
    private static final class Indices implements SentenceScanner.Builder<int[]> {
        private final WordIndex index;
        private int[] indices = new int[1024];
        private int kept;
        private int tokens;

        Indices(WordIndex index) {
            this.index = index;
        }

        @Override
        public void start() {
            kept = 0;
            tokens = 0;
        }

        @Override
        public void add(char[] chars, int length) {
            tokens++;
            int i = index.get(chars, length);
            if (i >= 0) {
                if (kept == indices.length) {
                    indices = Arrays.copyOf(indices, 2 * kept);
                }
                indices[kept++] = i;
            }
        }

        @Override
        public int tokens() {
            return tokens;
        }

        @Override
        public int[] finish() {
            return Arrays.copyOf(indices, kept);
        }
    }

    /**
     * The files to read, in order. Checks up front that the path exists and that every file is a
     * readable regular file: a pipe or device would be read only once (training reads the corpus on
     * every pass) and a broken link or unreadable file would fail hours into a run.
     */
    static List<Path> files(Path path) {
        if (Files.isDirectory(path)) {
            return directoryFiles(path);
        }
        requireReadableRegularFile(path, "corpus");
        return List.of(path);
    }

    /** The regular non-hidden files under {@code dir}, recursively, following links, in path order. */
    private static List<Path> directoryFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (var it = walk.iterator(); it.hasNext(); ) {
                Path p = it.next();
                if (!p.equals(dir) && !isHidden(dir.relativize(p)) && !Files.isDirectory(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus directory " + dir + ": " + reason(e), e);
        } catch (UncheckedIOException e) { // Files.walk's iterator wraps what it meets on the way
            throw new UncheckedIOException("cannot list corpus directory " + dir + ": " + reason(e.getCause()),
                    e.getCause());
        }
        if (files.isEmpty()) {
            throw new UncheckedIOException("corpus directory has no files: " + dir,
                    new NoSuchFileException(dir.toString()));
        }
        for (Path file : files) {
            requireReadableRegularFile(file, "corpus file");
        }
        files.sort(null);
        return files;
    }

    /** Whether a name on the path, relative to the corpus directory, starts with a dot. */
    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** @throws UncheckedIOException unless {@code file} is a readable regular file (or a link to one) */
    static void requireReadableRegularFile(Path file, String what) {
        if (Files.isRegularFile(file)) {
            if (!Files.isReadable(file)) {
                throw new UncheckedIOException(what + " " + file + " is not readable (permission denied)",
                        new AccessDeniedException(file.toString()));
            }
            return;
        }
        if (Files.isSymbolicLink(file)) {
            throw new UncheckedIOException(what + " " + file + " is a broken symbolic link",
                    new NoSuchFileException(file.toString()));
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UncheckedIOException(what + " not found: " + file, new NoSuchFileException(file.toString()));
        }
        throw new UncheckedIOException(what + " " + file + " is not a regular file (a pipe, socket or device?):"
                + " training reads the corpus once per pass, so it must be a file or a directory of files",
                new FileSystemException(file.toString()));
    }

    /** What went wrong, in words, for an I/O error of the file system. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "not found: " + n.getFile();
        }
        if (e instanceof FileSystemLoopException l) {
            return "a symbolic link loop at " + l.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        if (e instanceof java.io.EOFException) {
            return "unexpected end of file (truncated?)" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Opens a file as UTF-8 text, decompressing it if it starts with the gzip magic bytes. Malformed
     * UTF-8 becomes U+FFFD, and closing the reader logs a warning if there was any and the file was
     * read to its end.
     */
    static Reader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new Utf8Reader(in, file + (gzip ? " (gzip)" : ""));
        } catch (IOException | RuntimeException e) {
            raw.close(); // a truncated gzip header, say: do not leak the file
            throw e;
        }
    }

    /** Sentences of one file after another; opens each file only when the previous one is done. */
    private static final class FileChain<S> implements Iterator<S> {
        private final Iterator<Path> files;
        private final BiFunction<Reader, String, Iterator<S>> reading;
        private Reader reader;
        private Iterator<S> sentences;

        /** @param reading a file's sentences, from its reader and its name */
        FileChain(List<Path> files, BiFunction<Reader, String, Iterator<S>> reading) {
            this.files = files.iterator();
            this.reading = reading;
        }

        @Override
        public boolean hasNext() {
            while (sentences == null || !sentences.hasNext()) {
                close();
                if (!files.hasNext()) {
                    return false;
                }
                Path file = files.next();
                try {
                    reader = open(file);
                } catch (NoSuchFileException e) {
                    throw new UncheckedIOException("corpus file not found: " + file, e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read corpus file " + file + ": " + reason(e), e);
                }
                sentences = reading.apply(reader, file.toString());
            }
            return true;
        }

        @Override
        public S next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return sentences.next();
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    reader = null;
                    sentences = null;
                }
            }
        }
    }
}
