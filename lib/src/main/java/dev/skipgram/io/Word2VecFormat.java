package dev.skipgram.io;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.io.BufferedInputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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

    /** What {@link #write} writes, for {@link AtomicFile}. */
    static AtomicFile.Content content(WordVectors vectors, Format format) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(format, "format");
        return out -> writeTo(vectors, out, format);
    }

    private static void writeTo(WordVectors vectors, OutputStream out, Format format) throws IOException {
        Vocabulary vocabulary = vectors.vocabulary();
        int v = vocabulary.size();
        int d = vectors.dimension();
        writeRows(vocabulary, FloatMatrix.wrap(vectors.centerVectors()), v, d, out, format); // a copy
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
     *       words allocates nothing), or more than 2^31 − 9 values in all;
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
        Objects.requireNonNull(format, "format");
        long size = regularFileSize(file);
        try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
            return read(in, size, format, file.toString());
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
        try (InputStream in = new BufferedInputStream(open(file), 1 << 12)) {
            EntryReader reader = new EntryReader(in, file.toString());
            long[] header = parseHeader(reader);
            return reader.firstEntryFormat(header[1]);
        }
    }

    /** The most values (V·d) a file may hold: one Java buffer's worth. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
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
        EntryReader reader = new EntryReader(in, source);
        long[] header = parseHeader(reader);
        long v = header[0];
        long d = header[1];
        // Each entry needs at least one byte of word, a separator, and per value 4 bytes (binary) or
        // 2 characters (text): refuse headers the file cannot hold before allocating anything.
        long minimum;
        try {
            minimum = Math.multiplyExact(v, Math.addExact(2, Math.multiplyExact(d, format == Format.BINARY ? 4 : 2)));
        } catch (ArithmeticException e) {
            minimum = Long.MAX_VALUE;
        }
        if (minimum > size) {
            throw reader.error(0, "header claims " + v + " words of " + d + " dimensions, which cannot fit in "
                    + size + " bytes (truncated file or corrupt header)");
        }
        if (v * d > MAX_VALUES) { // no overflow: v·d < size
            throw reader.error(0, "header claims " + v + " words of " + d + " dimensions: " + v * d
                    + " values, more than the " + MAX_VALUES + " one array can hold");
        }
        int words = (int) v;
        int dimension = (int) d;
        FloatMatrix matrix = FloatMatrix.zeros(words, dimension); // at most the file's size (×2 for text)
        float[] values = new float[dimension]; // one entry's
        List<String> vocabulary = new ArrayList<>(Math.min(words, 1 << 16)); // grows with what is really read
        Set<String> seen = new HashSet<>();
        byte[] raw = new byte[dimension * Float.BYTES];
        ByteBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long maxLine = Math.min(Integer.MAX_VALUE - 8, MAX_WORD_BYTES + 1 + (long) dimension * MAX_VALUE_CHARS);
        for (int w = 0; w < words; w++) {
            int entry = w + 1;
            String word;
            if (format == Format.BINARY) {
                word = reader.word(entry);
                reader.readFully(raw, entry);
                floats.rewind();
                for (int j = 0; j < dimension; j++) {
                    float x = floats.getFloat();
                    if (!Float.isFinite(x)) {
                        throw reader.error(entry, "value " + (j + 1) + " of '" + abbreviate(word) + "' is " + x);
                    }
                    values[j] = x;
                }
            } else {
                word = parseTextEntry(reader, reader.line(entry, (int) maxLine), entry, dimension, values);
            }
            matrix.putRow(w, values);
            if (word.isEmpty()) {
                throw reader.error(entry, "empty word");
            }
            if (!seen.add(word)) {
                throw reader.error(entry, "word '" + abbreviate(word) + "' appears twice");
            }
            vocabulary.add(word);
        }
        reader.requireOnlyWhitespaceLeft(words);
        long[] counts = new long[words];
        for (int w = 0; w < words; w++) {
            counts[w] = words - w;
        }
        return FreshVectors.adopt(new Vocabulary(vocabulary, counts), matrix.array(), null); // not copied again
    }

    /** The header's word count and dimension, {V, d}, both positive. */
    private static long[] parseHeader(EntryReader reader) throws IOException {
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
    private static String parseTextEntry(EntryReader reader, String line, int entry, int dimension, float[] values)
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
