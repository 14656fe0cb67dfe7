package dev.skipgram.io;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.io.Word2VecFormat.Entry;
import dev.skipgram.io.Word2VecFormat.Format;
import dev.skipgram.io.Word2VecFormat.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of a vector file, one at a time, validated: what {@link Word2VecFormat#read} puts in
 * its matrix and {@link Word2VecFormat#entries} streams. Knows the header (or the shape counted from
 * a file without one), the limit and the encoding policy. Not thread-safe: one per read.
 */
final class EntryParser {

    private static final Logger LOG = LoggerFactory.getLogger(EntryParser.class);

    private final EntryReader reader;
    private final Format format;
    private final String source;
    private final int words; // what will be read: the header's count or the counted lines, at most the limit
    private final boolean untilEnd; // no count known: read until the end of the file (a stream without header)
    private final boolean all; // every announced entry is read, so only whitespace may follow
    private final int dimension;
    private final byte[] raw;
    private final ByteBuffer floats;
    private final int maxLine;
    private int read;

    private EntryParser(EntryReader reader, Format format, String source, long words, boolean untilEnd, boolean all,
            int dimension) {
        this.reader = reader;
        this.format = format;
        this.source = source;
        this.words = (int) words;
        this.untilEnd = untilEnd;
        this.all = all;
        this.dimension = dimension;
        this.raw = format == Format.BINARY ? new byte[dimension * Float.BYTES] : new byte[0];
        this.floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        this.maxLine = (int) Math.min(Integer.MAX_VALUE - 8,
                Word2VecFormat.MAX_WORD_BYTES + 1 + (long) dimension * Word2VecFormat.MAX_VALUE_CHARS);
    }

    /**
     * Reads the header, or takes {@code shape}; checks what it claims against {@code size}.
     *
     * @param shape {V, d} counted from a file without header, or null: then a file without header
     *     has its d from its first line and is read to its end
     */
    static EntryParser open(InputStream in, long size, Format format, String source, ReadOptions options,
            long[] shape) throws IOException {
        EntryReader reader = new EntryReader(in, source, options.unicodeErrors());
        long v;
        long d;
        if (options.header()) {
            long[] header = Word2VecFormat.parseHeader(reader);
            v = header[0];
            d = header[1];
        } else if (shape != null) {
            v = shape[0];
            d = shape[1];
        } else {
            return headerless(reader, source, options);
        }
        // Each entry needs at least one byte of word, a separator, and per value 4 bytes (binary) or
        // 2 characters (text): refuse headers the file cannot hold before allocating anything.
        long minimum;
        try {
            minimum = Math.multiplyExact(v, Math.addExact(2, Math.multiplyExact(d, format == Format.BINARY ? 4 : 2)));
        } catch (ArithmeticException e) {
            minimum = Long.MAX_VALUE;
        }
        if (options.header() && minimum > size) { // counted lines are in the file by construction
            throw reader.error(0, "header claims " + v + " words of " + d + " dimensions, which cannot fit in "
                    + size + " bytes (truncated file or corrupt header)");
        }
        long kept = Math.min(v, options.limit());
        if (kept > Integer.MAX_VALUE - 8 || d > FloatMatrix.MAX_VIEW_FLOATS) {
            throw reader.error(0, "header claims " + v + " words of " + d + " dimensions: at most "
                    + (Integer.MAX_VALUE - 8) + " words (read fewer with a limit) of at most "
                    + FloatMatrix.MAX_VIEW_FLOATS + " dimensions are supported");
        }
        return new EntryParser(reader, format, source, kept, false, kept == v, (int) d);
    }

    /** A stream without header: d from the first line, which is read now and given back by {@link #next}. */
    private static EntryParser headerless(EntryReader reader, String source, ReadOptions options) throws IOException {
        String first = reader.line(1, Word2VecFormat.MAX_WORD_BYTES + 1 + (1 << 20) * Word2VecFormat.MAX_VALUE_CHARS);
        String trimmed = first.stripTrailing();
        long fields = trimmed.isEmpty() ? 0 : trimmed.chars().filter(c -> c == ' ').count() + 1;
        if (fields < 2) {
            throw reader.error(1, "expected a word and its values, got " + fields + " field" + (fields == 1 ? "" : "s")
                    + " (read without header)");
        }
        EntryParser parser = new EntryParser(reader, Format.TEXT, source,
                Math.min(options.limit(), Integer.MAX_VALUE - 8), true, false, (int) (fields - 1));
        parser.pending = first;
        return parser;
    }

    private String pending; // a line read ahead, for a stream without header

    EntryReader reader() {
        return reader;
    }

    int words() {
        return words;
    }

    int dimension() {
        return dimension;
    }

    /** The next entry's word, its values in {@code values[0, d)}; checks the word is not empty. */
    String next(float[] values) throws IOException {
        int entry = ++read;
        String word;
        if (format == Format.BINARY) {
            word = reader.word(entry);
            reader.readFully(raw, entry);
            floats.rewind();
            for (int j = 0; j < dimension; j++) {
                float x = floats.getFloat();
                if (!Float.isFinite(x)) {
                    throw reader.error(entry, "value " + (j + 1) + " of '" + Word2VecFormat.abbreviate(word) + "' is " + x);
                }
                values[j] = x;
            }
        } else {
            String line = pending != null ? pending : reader.line(entry, maxLine);
            pending = null;
            word = Word2VecFormat.parseTextEntry(reader, line, entry, dimension, values);
        }
        if (word.isEmpty()) {
            throw reader.error(entry, "empty word");
        }
        return word;
    }

    /** The next entry, or null after the last one (then the end is checked, as {@link #finish} does). */
    Entry next() throws IOException {
        if (read == words) {
            finish();
            return null;
        }
        if (untilEnd && pending == null && !reader.hasMoreContent()) {
            finish();
            return null;
        }
        float[] values = new float[dimension];
        String word = next(values);
        return new Entry(word, values);
    }

    private boolean finished;

    /**
     * After the last entry read: if every announced entry was read, only whitespace may follow; and
     * a warning counts the entries whose invalid UTF-8 was replaced.
     */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (all) {
            reader.requireOnlyWhitespaceLeft(words);
        }
        if (reader.replacedEntries() > 0) {
            LOG.warn("{}: {} entries had invalid UTF-8, replaced by U+FFFD; the first is entry {}", source,
                    reader.replacedEntries(), reader.firstReplacedEntry());
        }
    }
}
