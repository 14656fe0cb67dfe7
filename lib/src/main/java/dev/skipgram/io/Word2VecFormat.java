package dev.skipgram.io;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * Stateless and thread-safe.
 */
public final class Word2VecFormat {

    /** The two layouts. */
    public enum Format {
        /** Human-readable text, one word per line. */
        TEXT,
        /** Header in text, then raw little-endian floats. */
        BINARY
    }

    private static final int MAX_WORD_BYTES = 1 << 16;

    private Word2VecFormat() {}

    /**
     * Writes the vectors atomically.
     *
     * @param vectors the vectors (their centre vectors are written)
     * @param file the target; its directory must exist
     * @param format text or binary
     * @throws UncheckedIOException naming the file if it cannot be written (the previous file, if any,
     *     is left as it was)
     */
    public static void write(WordVectors vectors, Path file, Format format) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(format, "format");
        try {
            AtomicFile.write(file, out -> writeTo(vectors, out, format));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vectors to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeTo(WordVectors vectors, OutputStream out, Format format) throws IOException {
        Vocabulary vocabulary = vectors.vocabulary();
        int v = vocabulary.size();
        int d = vectors.dimension();
        INDArray matrix = vectors.centerVectors(); // a copy: keep it reachable while its buffer is read
        try {
            writeRows(vocabulary, matrix.data().asNioFloat(), v, d, out, format);
        } finally {
            Reference.reachabilityFence(matrix);
        }
    }

    private static void writeRows(Vocabulary vocabulary, FloatBuffer values, int v, int d, OutputStream out,
            Format format) throws IOException {
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
            if (format == Format.BINARY) {
                out.write(' ');
                row.clear();
                for (int j = 0; j < d; j++) {
                    row.putFloat(values.get(w * d + j));
                }
                out.write(row.array());
                out.write('\n');
            } else {
                line.setLength(0);
                for (int j = 0; j < d; j++) {
                    line.append(' ').append(Float.toString(values.get(w * d + j)));
                }
                line.append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Reads a vector file in the given format.
     *
     * @param file the file
     * @param format text or binary
     * @return the vectors
     * @throws IOException naming the file and the problem if it is missing, truncated or malformed
     */
    public static WordVectors read(Path file, Format format) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "vector file not found");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, format, file.toString());
        }
    }

    /**
     * Reads vectors from a stream, for example one that reports progress or decompresses.
     *
     * @param in the data, positioned at the header; read to the last vector, not closed
     * @param size the number of bytes available (bounds what the header may claim)
     * @param format text or binary
     * @param source a name for messages, such as the file name
     * @return the vectors
     * @throws IOException naming {@code source} and the problem if the data is truncated or malformed
     */
    public static WordVectors read(InputStream in, long size, Format format, String source) throws IOException {
        Reader reader = new Reader(in, source);
        String header = reader.line(0);
        String[] parts = header.trim().split(" +");
        if (parts.length != 2) {
            throw reader.error(0, "header must be \"<words> <dimensions>\", got \"" + abbreviate(header) + "\"");
        }
        long v = reader.parseCount(parts[0], "word count");
        long d = reader.parseCount(parts[1], "dimension");
        // Each entry needs at least one byte of word, a separator, and per value 4 bytes (binary) or
        // 2 characters (text): refuse headers the file cannot hold before allocating anything.
        long minimum = v * (2 + d * (format == Format.BINARY ? Float.BYTES : 2));
        if (d < 1 || v < 1 || v > size || d > size || minimum > size) {
            throw reader.error(0, "header claims " + v + " words of " + d + " dimensions, which cannot fit in "
                    + size + " bytes (truncated file or corrupt header)");
        }
        int words = (int) v;
        int dimension = (int) d;
        INDArray matrix = Nd4j.zeros(DataType.FLOAT, words, dimension);
        FloatBuffer values = matrix.data().asNioFloat();
        List<String> vocabulary = new ArrayList<>(words);
        Set<String> seen = new HashSet<>(words * 2);
        byte[] raw = new byte[dimension * Float.BYTES];
        ByteBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
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
                        throw reader.error(entry, "value " + (j + 1) + " of '" + word + "' is " + x);
                    }
                    values.put(w * dimension + j, x);
                }
            } else {
                String line = reader.line(entry);
                String[] fields = line.split(" ");
                int n = fields.length;
                while (n > 0 && fields[n - 1].isEmpty()) {
                    n--; // trailing spaces, as some writers leave
                }
                if (n != dimension + 1) {
                    throw reader.error(entry, "expected a word and " + dimension + " values, got " + (n - 1)
                            + " values");
                }
                word = fields[0];
                for (int j = 0; j < dimension; j++) {
                    float x;
                    try {
                        x = Float.parseFloat(fields[j + 1]);
                    } catch (NumberFormatException e) {
                        throw reader.error(entry, "value " + (j + 1) + " of '" + word + "' is not a number: \""
                                + abbreviate(fields[j + 1]) + "\"");
                    }
                    if (!Float.isFinite(x)) {
                        throw reader.error(entry, "value " + (j + 1) + " of '" + word + "' is " + x);
                    }
                    values.put(w * dimension + j, x);
                }
            }
            if (word.isEmpty()) {
                throw reader.error(entry, "empty word");
            }
            if (!seen.add(word)) {
                throw reader.error(entry, "word '" + word + "' appears twice");
            }
            vocabulary.add(word);
        }
        long[] counts = new long[words];
        for (int w = 0; w < words; w++) {
            counts[w] = words - w;
        }
        return new WordVectors(new Vocabulary(vocabulary, counts), matrix);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Byte-level reading with UTF-8 decoding and messages that say where. */
    private static final class Reader {
        private final InputStream in;
        private final String source;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Reader(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        IOException error(int entry, String message) {
            return new IOException(source + (entry == 0 ? ", header: " : ", entry " + entry + ": ") + message);
        }

        long parseCount(String s, String what) throws IOException {
            try {
                long n = Long.parseLong(s);
                if (n < 1) {
                    throw error(0, what + " must be positive, got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(0, what + " is not a number: \"" + abbreviate(s) + "\"");
            }
        }

        /** A line without its '\n' (and '\r'); the end of the file ends the last line. */
        String line(int entry) throws IOException {
            bytes.reset();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    if (bytes.size() == 0) {
                        throw new EOFException(source + ": file ends before entry " + entry);
                    }
                    break;
                }
                bytes.write(b);
            }
            String s = decode(entry);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** A binary entry's word: skips the newline that may end the previous vector, reads up to ' '. */
        String word(int entry) throws IOException {
            bytes.reset();
            int b = in.read();
            while (b == '\n') {
                b = in.read();
            }
            while (b != ' ') {
                if (b < 0) {
                    throw new EOFException(source + ": file ends inside entry " + entry);
                }
                if (bytes.size() == MAX_WORD_BYTES) {
                    throw error(entry, "word longer than " + MAX_WORD_BYTES + " bytes (corrupt file?)");
                }
                bytes.write(b);
                b = in.read();
            }
            return decode(entry);
        }

        void readFully(byte[] buffer, int entry) throws IOException {
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n < buffer.length) {
                throw new EOFException(source + ": file ends inside the vector of entry " + entry);
            }
        }

        private String decode(int entry) throws IOException {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw error(entry, "invalid UTF-8");
            }
        }
    }

    /** The format a file name suggests: BINARY for {@code .bin}, TEXT otherwise. */
    public static Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin") ? Format.BINARY : Format.TEXT;
    }
}
