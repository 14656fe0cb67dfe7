package dev.skipgram.io;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * The word2vec vector file formats, as written by word2vec.c, gensim
 * ({@code KeyedVectors.save_word2vec_format}) and fastText ({@code .vec}), and read by all of them.
 *
 * <ul>
 *   <li>{@link Format#TEXT}: a header line {@code "V d"}, then one line per word: the word and its d
 *       values, separated by single spaces.
 *   <li>{@link Format#BINARY}: the same header line, then per word: the word's UTF-8 bytes, one space,
 *       d little-endian IEEE-754 floats, and a newline (word2vec.c writes it; files without it are
 *       read too).
 * </ul>
 * Only the centre vectors (the embeddings) are stored, in vocabulary order; the formats hold no
 * counts, so a loaded vocabulary has counts V, V−1, ..., 1 (the rank order, most frequent first,
 * which is what these files conventionally contain).
 *
 * <p>Writing goes to a temporary file in the target's directory, which is then moved over the target
 * atomically: a failed write leaves the previous file intact. Reading validates everything: a header
 * whose sizes cannot fit in the file is refused before anything is allocated; truncation, non-numeric
 * or non-finite values, duplicate words and invalid UTF-8 are {@link IOException}s naming the place.
 *
 * <p>Stateless and thread-safe. Arguments must not be null; no method returns null.
 */
public final class Word2VecFormat {

    /** The two layouts. Immutable and thread-safe, as every enum. */
    public enum Format {
        /** Human-readable text, one word per line. */
        TEXT,
        /** Header in text, then raw little-endian floats. */
        BINARY
    }

    /**
     * What to do with a word that is not valid UTF-8: word2vec.c cuts words longer than its limit
     * inside a character, so its files can hold such words. Immutable and thread-safe.
     *
     * @since 0.1 (evolving)
     */
    public enum UnicodeErrors {
        /** Refuse the file with an {@link IOException} naming the entry (the default). */
        STRICT,
        /**
         * Replace each invalid sequence by U+FFFD, as gensim's {@code unicode_errors='replace'} and
         * Python's {@code bytes.decode('utf-8', 'replace')} do, and log a warning counting the entries
         * so read.
         */
        REPLACE
    }

    /**
     * How to read a vector file, as the arguments of gensim's {@code load_word2vec_format}. Immutable
     * and thread-safe; start from {@link #defaults()} and change what differs:
     * {@code ReadOptions.defaults().withLimit(100_000).withUnicodeErrors(UnicodeErrors.REPLACE)}.
     *
     * @param limit read at most the first {@code limit} vectors (gensim's {@code limit}), ≥ 1;
     *     {@link Long#MAX_VALUE} reads them all
     * @param header whether the file starts with the line {@code "V d"}; false for a text file
     *     without it, as GloVe writes them (gensim's {@code no_header=True})
     * @param unicodeErrors what to do with words that are not valid UTF-8 (gensim's {@code unicode_errors})
     * @since 0.1 (evolving)
     */
    public record ReadOptions(long limit, boolean header, UnicodeErrors unicodeErrors) {

        /**
         * Checks the options.
         *
         * @param limit at most this many vectors, ≥ 1
         * @param header whether a header line comes first
         * @param unicodeErrors the policy for invalid UTF-8
         * @throws IllegalArgumentException if {@code limit} is below 1
         * @throws NullPointerException if {@code unicodeErrors} is null
         */
        public ReadOptions {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1, got " + limit);
            }
            Objects.requireNonNull(unicodeErrors, "unicodeErrors");
        }

        /**
         * Every vector, a header line, invalid UTF-8 refused: what {@link #read(Path, Format)} does.
         *
         * @return the default options
         */
        public static ReadOptions defaults() {
            return new ReadOptions(Long.MAX_VALUE, true, UnicodeErrors.STRICT);
        }

        /**
         * These options reading at most the first {@code limit} vectors.
         *
         * @param limit ≥ 1
         * @return new options
         * @throws IllegalArgumentException if {@code limit} is below 1
         */
        public ReadOptions withLimit(long limit) {
            return new ReadOptions(limit, header, unicodeErrors);
        }

        /**
         * These options for a text file without header line.
         *
         * @return new options
         */
        public ReadOptions withoutHeader() {
            return new ReadOptions(limit, false, unicodeErrors);
        }

        /**
         * These options with another policy for invalid UTF-8.
         *
         * @param unicodeErrors the policy
         * @return new options
         */
        public ReadOptions withUnicodeErrors(UnicodeErrors unicodeErrors) {
            return new ReadOptions(limit, header, unicodeErrors);
        }
    }

    /**
     * One entry of a vector file, as {@link #entries} streams them.
     *
     * @param word the word
     * @param vector its d values, a new array the caller owns
     * @since 0.1 (evolving)
     */
    public record Entry(String word, float[] vector) {}

    static final int MAX_WORD_BYTES = 1 << 16;
    /** How a fastText model ({@code .bin}) begins: the int32 793712314 (0x2F4F16BA), little-endian. */
    static final byte[] FASTTEXT_MAGIC = {(byte) 0xBA, 0x16, 0x4F, 0x2F};

    private Word2VecFormat() {}

    /**
     * Writes the vectors atomically, with {@link AtomicFile#write}: a symbolic link is followed, and a
     * device or FIFO (such as {@code /dev/null}) is written to directly.
     *
     * @param vectors the vectors (their centre vectors are written; the outside vectors are not)
     * @param file the target, replaced if it exists; not a directory; its directory must exist
     * @param format text or binary
     * @throws IOException naming the file if it cannot be written (its directory does not exist, it
     *     is a directory, the disk is full…), or a word contains a space or newline (the previous
     *     file, if any, is left as it was); checked, as {@link #read(Path, Format)}'s is
     */
    public static void write(WordVectors vectors, Path file, Format format) throws IOException {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(format, "format");
        try {
            AtomicFile.write(file, content(vectors, format));
        } catch (IOException e) {
            throw new IOException("cannot write vectors to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the vectors to a stream, as {@link #write(WordVectors, Path, Format)} writes a file: for
     * a file system that is not a {@link Path}, such as Hadoop's (HDFS, S3). Not atomic: on an
     * error the stream holds part of the vectors.
     *
     * @param vectors the vectors (their centre vectors are written; the outside vectors are not)
     * @param out the stream; written through a buffer, flushed, not closed
     * @param format text or binary
     * @throws IOException if the stream cannot be written, or a word contains a space or newline
     * @since 0.1 (evolving)
     */
    public static void write(WordVectors vectors, OutputStream out, Format format) throws IOException {
        Objects.requireNonNull(out, "out");
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        content(vectors, format).writeTo(buffered);
        buffered.flush(); // not closed: the caller owns the stream
    }

    /** What {@link #write} writes, for {@link AtomicFile}. */
    static AtomicFile.Content content(WordVectors vectors, Format format) {
        return content(vectors, format, FloatMatrix.MAX_VIEW_FLOATS);
    }

    /** What {@link #write} writes, the rows read through views of at most {@code maxViewFloats} floats (tests). */
    static AtomicFile.Content content(WordVectors vectors, Format format, int maxViewFloats) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(format, "format");
        return out -> writeTo(vectors, out, format, maxViewFloats);
    }

    private static void writeTo(WordVectors vectors, OutputStream out, Format format, int maxViewFloats)
            throws IOException {
        Vocabulary vocabulary = vectors.vocabulary();
        int v = vocabulary.size();
        int d = vectors.dimension();
        writeRows(vocabulary, FloatMatrix.wrap(vectors.centerVectors(), maxViewFloats), v, d, out, format); // a copy
    }

    private static void writeRows(Vocabulary vocabulary, FloatMatrix values, int v, int d, OutputStream out,
            Format format) throws IOException {
        float[] rowValues = new float[d];
        out.write((v + " " + d + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer row = ByteBuffer.allocate(d * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder line = new StringBuilder();
        for (int w = 0; w < v; w++) {
            String word = vocabulary.word(w);
            if (word.chars().anyMatch(c -> c == ' ' || c == '\n')) {
                throw new IOException("word " + w + " ('" + word + "') contains a space or newline, which the"
                        + " word2vec formats cannot store");
            }
            out.write(word.getBytes(StandardCharsets.UTF_8));
            values.getRow(w, rowValues);
            if (format == Format.BINARY) {
                out.write(' ');
                row.clear();
                for (int j = 0; j < d; j++) {
                    row.putFloat(rowValues[j]);
                }
                out.write(row.array());
                out.write('\n');
            } else {
                line.setLength(0);
                for (int j = 0; j < d; j++) {
                    line.append(' ').append(Float.toString(rowValues[j]));
                }
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Reads a vector file in the given format. Everything is validated, and any problem is an
     * {@link IOException} whose message names the file, the entry (the header is entry 0) and what is
     * wrong; nothing else is thrown for any content of the file:
     * <ul>
     *   <li>the file is missing, not a regular file, or empty;
     *   <li>the file is a fastText model ({@code .bin}, recognised by its magic number), whose
     *       {@code .vec} file is the one to read;
     *   <li>the header is not two positive numbers, or claims more words or dimensions than the file's
     *       size can hold (checked before anything is allocated, so a corrupt header claiming 10^12
     *       words allocates nothing), or more words or dimensions than an int indexes;
     *   <li>the vectors need more memory than this process may take off the heap (checked before
     *       they are allocated; the message gives the bytes needed and how to raise the limit);
     *   <li>an entry is truncated, has another number of values than the header says, or a value is
     *       not a number, NaN or infinite; a word is empty, repeats or is not valid UTF-8;
     *   <li>the file continues after the entries the header announced (only whitespace may follow).
     * </ul>
     * Memory is bounded by the file: the vectors take at most twice the file's size (text) or its
     * size (binary), and a line at most a word and d values. No Java deserialization is involved.
     *
     * @param file the file
     * @param format text or binary; {@link #detect(Path)} tells which from the content
     * @return the vectors, without outside vectors; the vocabulary's counts are the ranks V, V−1, ..., 1
     * @throws IOException naming the file and the problem if it is missing, truncated or malformed
     */
    public static WordVectors read(Path file, Format format) throws IOException {
        return read(file, format, ReadOptions.defaults());
    }

    /**
     * Reads a vector file in the given format with options, as gensim's {@code
     * KeyedVectors.load_word2vec_format} takes them: only the first {@link ReadOptions#limit()}
     * vectors, a text file without header line (GloVe), invalid UTF-8 replaced. A gzip-compressed
     * file is recognised by its magic bytes, whatever its name, and decompressed as it is read.
     * Everything is validated as {@link #read(Path, Format)} does. Before the vectors are allocated,
     * their size is checked against the memory this process may take off the heap; a file too large
     * is refused with a message giving the bytes needed and how to raise the limit.
     *
     * <p>A file without header is read twice: once to count its lines and take d from the first,
     * then to read the vectors (gensim makes the same extra pass).
     *
     * @param file the file
     * @param format text or binary; a file without header must be {@link Format#TEXT}
     * @param options the options; {@link ReadOptions#defaults()} reads as {@link #read(Path, Format)}
     * @return the vectors, without outside vectors; the vocabulary's counts are the ranks V, V−1, ..., 1
     * @throws IOException naming the file and the problem if it is missing, truncated or malformed, or
     *     if its vectors do not fit in memory
     * @throws IllegalArgumentException if {@code options} asks for no header with {@link Format#BINARY}
     * @since 0.1 (evolving)
     */
    public static WordVectors read(Path file, Format format, ReadOptions options) throws IOException {
        return read(file, format, options, MatrixMemory.ofThisProcess());
    }

    /** {@link #read(Path, Format, ReadOptions)} with the memory budget and view size given (tests). */
    static WordVectors read(Path file, Format format, ReadOptions options, MatrixMemory memory) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        requireHeaderOrText(format, options);
        long size = regularFileSize(file);
        boolean gzip = isGzip(file);
        long bound = gzip ? saturatedMultiply(size, MAX_GZIP_RATIO) : size;
        long[] shape = options.header() ? null : countLines(file, options);
        try (InputStream in = new BufferedInputStream(openMaybeGzip(file), 1 << 16)) {
            return read(in, bound, format, file.toString(), options, shape, memory);
        }
    }

    /**
     * Streams the entries of a vector file, one at a time, without building the matrix: for files
     * larger than memory, or to keep only some words. Options and validation are those of {@link
     * #read(Path, Format, ReadOptions)}, except that repeated words are not looked for (that would
     * hold every word) and nothing is allocated for the whole file. Entries are read as the stream is
     * consumed; close it (try-with-resources) to close the file.
     *
     * <pre>{@code
     * try (Stream<Word2VecFormat.Entry> entries = Word2VecFormat.entries(file, Format.BINARY, ReadOptions.defaults())) {
     *     entries.filter(e -> keep.contains(e.word())).forEach(e -> index.add(e.word(), e.vector()));
     * }
     * }</pre>
     *
     * @param file the file
     * @param format text or binary; a file without header must be {@link Format#TEXT}
     * @param options the options
     * @return a sequential stream of the entries in file order, each with its own new array; a problem
     *     met while it is consumed is an {@link java.io.UncheckedIOException} wrapping the {@link
     *     IOException} {@link #read(Path, Format)} would throw
     * @throws IOException naming the file if it is missing, or its header is malformed
     * @throws IllegalArgumentException if {@code options} asks for no header with {@link Format#BINARY}
     * @since 0.1 (evolving)
     */
    public static Stream<Entry> entries(Path file, Format format, ReadOptions options) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        requireHeaderOrText(format, options);
        long size = regularFileSize(file);
        long bound = isGzip(file) ? saturatedMultiply(size, MAX_GZIP_RATIO) : size;
        InputStream in = new BufferedInputStream(openMaybeGzip(file), 1 << 16);
        try {
            EntryParser parser = EntryParser.open(in, bound, format, file.toString(), options, null);
            Iterator<Entry> iterator = new Iterator<>() {
                private Entry next;
                private boolean done;

                @Override
                public boolean hasNext() {
                    if (next == null && !done) {
                        try {
                            next = parser.next();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        done = next == null;
                    }
                    return next != null;
                }

                @Override
                public Entry next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Entry e = next;
                    next = null;
                    return e;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                        try {
                            in.close();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void requireHeaderOrText(Format format, ReadOptions options) {
        if (!options.header() && format != Format.TEXT) {
            throw new IllegalArgumentException("a file without header line can only be read as TEXT (as gensim's"
                    + " no_header), got " + format);
        }
    }

    /** The size of a vector file, refusing a missing file or a directory with a message naming it. */
    private static long regularFileSize(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "vector file not found");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + ": not a regular file" + (attributes.isDirectory() ? " but a directory" : ""));
        }
        return attributes.size();
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        }
    }

    /**
     * The format of a vector file, decided by its content, whatever its name. The header line
     * {@code "V d"} is read, then the first entry: its word up to the first space, then the line
     * that follows. If that line holds exactly d numbers separated by spaces (trailing spaces and a
     * CR allowed), the file is {@link Format#TEXT}; otherwise it is {@link Format#BINARY}, whose
     * entries hold d raw floats after the word. If the first entry cannot be examined (the file ends
     * inside it, or its word is longer than 65,536 bytes), a control byte in what was read means
     * binary, and its absence text; {@link #read(Path, Format)} then says what is wrong.
     *
     * <p>At most the header and the first entry are read: a few hundred bytes for usual
     * dimensions, never more than 64 KiB plus d times 64 bytes. A binary file whose first vector's
     * bytes happen to read as d decimal numbers and a newline would be taken for text; pass the
     * format to {@link #read(Path, Format)} to force it.
     *
     * <p>A gzip-compressed file ({@code .gz}, recognised by its magic bytes whatever its name) is
     * examined decompressed.
     *
     * <p>Stateless and thread-safe, as the whole class.
     *
     * @param file the vector file
     * @return {@link Format#TEXT} or {@link Format#BINARY}, never null
     * @throws IOException naming the file if it is missing, not a regular file, empty, or unreadable,
     *     if its header is not {@code "V d"} with two positive numbers, or if it is a fastText model
     *     ({@code .bin}) rather than a vector file, with the messages {@link #read(Path, Format)} gives
     */
    public static Format detect(Path file) throws IOException {
        regularFileSize(file);
        try (InputStream in = new BufferedInputStream(openMaybeGzip(file), 1 << 12)) {
            EntryReader reader = new EntryReader(in, file.toString());
            long[] header = parseHeader(reader);
            return reader.firstEntryFormat(header[1]);
        }
    }

    /** How a gzip stream's size bounds its content: deflate expands at most about 1032 to 1. */
    static final long MAX_GZIP_RATIO = 1032;
    static final int MAX_HEADER_BYTES = 256;
    /** Characters a text value may take, generously: "-1.2345678E-38" has 14. */
    static final int MAX_VALUE_CHARS = 64;

    /**
     * Reads vectors from a stream, for example one that reports progress or decompresses, validating
     * everything as {@link #read(Path, Format)} does.
     *
     * @param in the data, positioned at the header; read to its end (only whitespace may follow the
     *     last vector), not closed
     * @param size the number of bytes available (bounds what the header may claim)
     * @param format text or binary
     * @param source a name for messages, such as the file name
     * @return the vectors, without outside vectors; the vocabulary's counts are the ranks V, V−1, ..., 1
     * @throws IOException naming {@code source} and the problem if the data is truncated or malformed
     */
    public static WordVectors read(InputStream in, long size, Format format, String source) throws IOException {
        return read(in, size, format, source, ReadOptions.defaults());
    }

    /**
     * Reads vectors from a stream with options, as {@link #read(Path, Format, ReadOptions)} does. The
     * stream is read once, so it must have a header line (a file without one is read from its
     * {@link Path}, which is read twice), and it is not decompressed: wrap it in a {@link
     * java.util.zip.GZIPInputStream} if it is.
     *
     * @param in the data, positioned at the header; not closed. Read to its end (only whitespace may
     *     follow the last vector), or up to the last vector {@link ReadOptions#limit()} asks for
     * @param size the number of bytes available (bounds what the header may claim)
     * @param format text or binary
     * @param source a name for messages, such as the file name
     * @param options the options, with a header line
     * @return the vectors, without outside vectors; the vocabulary's counts are the ranks V, V−1, ..., 1
     * @throws IOException naming {@code source} and the problem if the data is truncated or malformed,
     *     or if its vectors do not fit in memory
     * @throws IllegalArgumentException if {@code options} says there is no header
     * @since 0.1 (evolving)
     */
    public static WordVectors read(InputStream in, long size, Format format, String source, ReadOptions options)
            throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        if (!options.header()) {
            throw new IllegalArgumentException("a stream without header line cannot be read in one pass: read the"
                    + " file from its Path (counted first, as gensim does), or stream its entries");
        }
        return read(in, size, format, source, options, null, MatrixMemory.ofThisProcess());
    }

    /** The core of every read: {@code shape} is {V, d} counted from a file without header, or null. */
    static WordVectors read(InputStream in, long size, Format format, String source, ReadOptions options,
            long[] shape, MatrixMemory memory) throws IOException {
        EntryParser parser = EntryParser.open(in, size, format, source, options, shape);
        int words = parser.words();
        int dimension = parser.dimension();
        Optional<String> shortfall = memory.shortfall((long) words * dimension * Float.BYTES,
                "the " + words + " vectors of " + dimension + " dimensions");
        if (shortfall.isPresent()) {
            throw new IOException(source + ": " + shortfall.get()
                    + "; or read fewer with ReadOptions.withLimit (--limit), or stream them with entries()");
        }
        FloatMatrix matrix = memory.zeros(words, dimension);
        float[] values = new float[dimension]; // one entry's
        List<String> vocabulary = new ArrayList<>(Math.min(words, 1 << 16)); // grows with what is really read
        for (int w = 0; w < words; w++) {
            String word = parser.next(values);
            matrix.putRow(w, values);
            vocabulary.add(word);
        }
        parser.finish();
        long[] counts = new long[words];
        for (int w = 0; w < words; w++) {
            counts[w] = words - w;
        }
        Vocabulary known;
        try {
            known = new Vocabulary(vocabulary, counts); // its index finds a repeated word: no second set of 3M words
        } catch (IllegalArgumentException e) {
            throw repeatedWord(parser.reader(), vocabulary, e);
        }
        // not copied again
        return FreshVectors.adopt(known, matrix.array(), null, memory.maxViewFloats());
    }

    /** The first repeated word, as an error naming its second entry; looked for only once the vocabulary refused. */
    private static IOException repeatedWord(EntryReader reader, List<String> words, IllegalArgumentException cause) {
        Set<String> seen = new HashSet<>();
        for (int w = 0; w < words.size(); w++) {
            if (!seen.add(words.get(w))) {
                return reader.error(w + 1, "word '" + abbreviate(words.get(w)) + "' appears twice");
            }
        }
        return new IOException(cause.getMessage(), cause); // not a repeat: cannot happen for words read here
    }

    /** Whether a file starts with gzip's magic bytes 1f 8b. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The file, decompressed if it is gzip. */
    private static InputStream openMaybeGzip(Path file) throws IOException {
        if (!isGzip(file)) {
            return open(file);
        }
        InputStream raw = open(file);
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + ": not a valid gzip file: " + e.getMessage(), e);
        }
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /**
     * For a file without header: {V, d}, V the number of lines up to the last that is not blank (at
     * most the limit + 1, which tells that the limit cut the file), d the number of fields of the
     * first line less one. The first pass of two.
     */
    private static long[] countLines(Path file, ReadOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(openMaybeGzip(file), 1 << 16)) {
            long lines = 0;
            long pending = 0; // blank lines not yet followed by a line with content
            boolean content = false;
            long fields = 0;
            boolean inField = false;
            // one line past the limit tells whether the limit cut the file
            for (int b = in.read(); b >= 0 && lines <= options.limit(); b = in.read()) {
                if (b == '\n') {
                    if (content) {
                        lines += pending + 1;
                        pending = 0;
                    } else {
                        pending++;
                    }
                    content = false;
                    inField = false;
                } else if (b != ' ' && b != '\r' && b != '\t') {
                    content = true;
                    if (lines == 0 && !inField) {
                        fields++;
                    }
                    inField = true;
                } else {
                    inField = false;
                }
            }
            if (content && lines <= options.limit()) {
                lines += pending + 1;
            }
            if (lines == 0) {
                throw new EOFException(file + ": the file has no vectors (read without header)");
            }
            if (fields < 2) {
                throw new IOException(file + ", entry 1: expected a word and its values, got " + fields + " field"
                        + (fields == 1 ? "" : "s") + " (read without header)");
            }
            if (Math.min(lines, options.limit()) > Integer.MAX_VALUE - 8 || fields - 1 > FloatMatrix.MAX_VIEW_FLOATS) {
                throw new IOException(file + ": " + lines + " lines of " + (fields - 1) + " values are more than"
                        + " supported");
            }
            return new long[] {lines, fields - 1};
        } catch (java.util.zip.ZipException | EOFException e) {
            if (e instanceof EOFException && e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": cannot read: " + e.getMessage() + " (truncated gzip file?)", e);
        }
    }

    /** The header's word count and dimension, {V, d}, both positive. */
    static long[] parseHeader(EntryReader reader) throws IOException {
        String header = reader.header();
        String[] parts = header.trim().split(" +");
        if (parts.length != 2) {
            throw reader.error(0, "header must be \"<words> <dimensions>\", got \"" + abbreviate(header) + "\"");
        }
        return new long[] {reader.parseCount(parts[0], "word count"), reader.parseCount(parts[1], "dimension")};
    }

    /**
     * Parses "word v1 ... vd" (single spaces; trailing spaces allowed) into {@code values[0, d)};
     * returns the word. Fields are counted before any is cut out, so a line of a
     * million values costs no million strings.
     */
    static String parseTextEntry(EntryReader reader, String line, int entry, int dimension, float[] values)
            throws IOException {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--; // trailing spaces, as some writers leave
        }
        int spaces = 0;
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == ' ') {
                spaces++;
            }
        }
        if (spaces != dimension) {
            throw reader.error(entry, "expected a word and " + dimension + " values, got " + spaces + " values");
        }
        int space = line.indexOf(' ');
        String word = line.substring(0, space);
        int from = space + 1;
        for (int j = 0; j < dimension; j++) {
            int to = j == dimension - 1 ? end : line.indexOf(' ', from);
            String field = line.substring(from, to);
            float x;
            try {
                x = Float.parseFloat(field);
            } catch (NumberFormatException e) {
                throw reader.error(entry, "value " + (j + 1) + " of '" + abbreviate(word) + "' is not a number: \""
                        + abbreviate(field) + "\"");
            }
            if (!Float.isFinite(x)) {
                throw reader.error(entry, "value " + (j + 1) + " of '" + abbreviate(word) + "' is " + x
                        + (field.contains("N") || field.contains("n") ? "" : " (out of float range: \""
                                + abbreviate(field) + "\")"));
            }
            values[j] = x;
            from = to + 1;
        }
        return word;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }


    /**
     * The format a file name suggests, as word2vec.c and gensim name their files: the format to
     * write a file in. The content is not looked at; to read a file, {@link #detect(Path)} tells its
     * format from its content.
     *
     * @param file a path with a file name
     * @return {@link Format#BINARY} if the name ends in {@code .bin} (in any case), {@link Format#TEXT}
     *     otherwise
     */
    public static Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin") ? Format.BINARY : Format.TEXT;
    }
}
