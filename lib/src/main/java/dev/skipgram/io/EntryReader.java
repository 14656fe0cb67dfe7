package dev.skipgram.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte-level side of {@link Word2VecFormat#read}: headers, words and entries read with strict
 * UTF-8 decoding and bounds, and errors that name the source and the entry. Not thread-safe: one per
 * read.
 */
final class EntryReader {

    private final InputStream in;
    private final String source;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final boolean replace; // false: invalid UTF-8 is an error
    private long replacedEntries;
    private long firstReplacedEntry = -1;

    EntryReader(InputStream in, String source) {
        this(in, source, Word2VecFormat.UnicodeErrors.STRICT);
    }

    EntryReader(InputStream in, String source, Word2VecFormat.UnicodeErrors unicodeErrors) {
        this.in = in;
        this.source = source;
        this.replace = unicodeErrors == Word2VecFormat.UnicodeErrors.REPLACE;
    }

    /** How many entries (the header counts as entry 0) had invalid UTF-8 replaced by U+FFFD. */
    long replacedEntries() {
        return replacedEntries;
    }

    /** The first entry whose invalid UTF-8 was replaced, or −1. */
    long firstReplacedEntry() {
        return firstReplacedEntry;
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
            throw error(0, what + " is not a number: \"" + Word2VecFormat.abbreviate(s) + "\"");
        }
    }

    /** The header line, without a UTF-8 byte order mark. */
    String header() throws IOException {
        bytes.reset();
        int b = in.read();
        if (b < 0) {
            throw new EOFException(source + ": the file is empty (no header)");
        }
        String header = readLine(b, 0, Word2VecFormat.MAX_HEADER_BYTES);
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /** A line of at most {@code maxBytes} without its '\n' (and '\r'); the end of the file ends the last line. */
    String line(int entry, int maxBytes) throws IOException {
        bytes.reset();
        int b = in.read();
        if (b < 0) {
            throw new EOFException(source + ": file ends before entry " + entry);
        }
        return readLine(b, entry, maxBytes);
    }

    private String readLine(int first, int entry, int maxBytes) throws IOException {
        for (int b = first; b != '\n' && b >= 0; b = in.read()) {
            if (bytes.size() == maxBytes) {
                throw error(entry, "line longer than " + maxBytes + " bytes, "
                        + (entry == 0 ? "which no header needs (not a word2vec file?)"
                                : "more than a word and the values need (corrupt file?)"));
            }
            bytes.write(b);
            if (entry == 0 && bytes.size() == Word2VecFormat.FASTTEXT_MAGIC.length
                    && Arrays.equals(bytes.toByteArray(), Word2VecFormat.FASTTEXT_MAGIC)) {
                // its first byte, 0xBA, cannot start UTF-8 text: no header begins this way
                throw new IOException(source + " is a fastText model (.bin), not a word2vec vector file;"
                        + " load the .vec file that fastText writes beside it");
            }
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
            if (bytes.size() == Word2VecFormat.MAX_WORD_BYTES) {
                throw error(entry, "word longer than " + Word2VecFormat.MAX_WORD_BYTES + " bytes (corrupt file?)");
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

    /**
     * For {@link #detect}: reads the first entry's word (up to a space) and the rest of its line,
     * and says TEXT if that rest reads as decimal numbers separated by spaces, BINARY at the
     * first sign of raw floats (a control or non-ASCII byte, or a field that is not a number).
     * Reads at most a word of 64 KiB and d + 1 fields of 64 characters.
     */
    Word2VecFormat.Format firstEntryFormat(long dimension) throws IOException {
        bytes.reset();
        boolean control = false;
        int b = in.read();
        for (; b != ' '; b = in.read()) {
            if (b == '\n') {
                return Word2VecFormat.Format.TEXT; // a line with a word only: text, which the reader will refuse
            }
            if (b < 0 || bytes.size() == Word2VecFormat.MAX_WORD_BYTES) {
                // the first entry cannot be examined: guess from its bytes, and let the reader say what is wrong
                return control ? Word2VecFormat.Format.BINARY : Word2VecFormat.Format.TEXT;
            }
            control |= b < 0x20 && b != '\t' && b != '\r';
            bytes.write(b);
        }
        StringBuilder field = new StringBuilder();
        long fields = 0;
        while (fields <= dimension) {
            b = in.read();
            if (b == ' ' || b == '\r' || b == '\n' || b < 0) {
                if (field.length() > 0) {
                    try {
                        Float.parseFloat(field.toString());
                    } catch (NumberFormatException e) {
                        return Word2VecFormat.Format.BINARY;
                    }
                    fields++;
                    field.setLength(0);
                }
                if (b == '\n' || b < 0) {
                    return Word2VecFormat.Format.TEXT; // every field a number; the reader checks that there are d
                }
            } else if (b < 0x20 || b >= 0x7f || field.length() == Word2VecFormat.MAX_VALUE_CHARS) {
                return Word2VecFormat.Format.BINARY;
            } else {
                field.append((char) b);
            }
        }
        return Word2VecFormat.Format.TEXT; // more than d numbers: text with a wrong count, which the reader refuses
    }

    /**
     * Whether an entry follows, for a file read to its end without a count: skips blank lines,
     * and needs a stream that supports {@link InputStream#mark}.
     */
    boolean hasMoreContent() throws IOException {
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (b != '\n' && b != '\r') {
                in.reset();
                return true;
            }
        }
    }

    /** After the last entry: only whitespace (a final newline, say) may follow. */
    void requireOnlyWhitespaceLeft(int words) throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                throw error(words + 1, "the header announces " + words + " words, but the file goes on after"
                        + " entry " + words + " (a wrong count in the header, or another file appended?)");
            }
        }
    }

    private String decode(int entry) throws IOException {
        byte[] b = bytes.toByteArray();
        try {
            return decoder.reset().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            if (!replace) {
                throw error(entry, "invalid UTF-8 (word2vec.c cuts long words inside a character: read with"
                        + " UnicodeErrors.REPLACE to replace each bad sequence by U+FFFD, as gensim's"
                        + " unicode_errors='replace' does)");
            }
            replacedEntries++;
            if (firstReplacedEntry < 0) {
                firstReplacedEntry = entry;
            }
            return decodeReplacing(b);
        }
    }

    /**
     * UTF-8 with each maximal ill-formed subpart replaced by one U+FFFD (Unicode's recommended
     * practice, chapter 3, table 3-7), which is what Python's {@code bytes.decode('utf-8', 'replace')}
     * and so gensim give. The JDK's replacing decoder differs on encoded surrogates ({@code ED A0 80}
     * is one U+FFFD for it, three for Python), hence this decoder, used only once strict decoding
     * has failed.
     */
    static String decodeReplacing(byte[] b) {
        StringBuilder s = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                s.append((char) b0);
                i++;
                continue;
            }
            int more;
            int lo = 0x80; // the range of the second byte; later ones are 80..BF
            int hi = 0xbf;
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                more = 1;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                more = 2;
                lo = b0 == 0xe0 ? 0xa0 : 0x80;
                hi = b0 == 0xed ? 0x9f : 0xbf;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                more = 3;
                lo = b0 == 0xf0 ? 0x90 : 0x80;
                hi = b0 == 0xf4 ? 0x8f : 0xbf;
            } else {
                s.append('\uFFFD'); // 80..C1, F5..FF never start a character
                i++;
                continue;
            }
            int codePoint = b0 & (0x3f >> more);
            int j = i + 1;
            int matched = 0;
            while (matched < more && j < b.length) {
                int c = b[j] & 0xff;
                if (c < (matched == 0 ? lo : 0x80) || c > (matched == 0 ? hi : 0xbf)) {
                    break;
                }
                codePoint = codePoint << 6 | (c & 0x3f);
                matched++;
                j++;
            }
            if (matched == more) {
                s.appendCodePoint(codePoint);
            } else {
                s.append('\uFFFD'); // the lead byte and the continuation bytes that fit it
            }
            i = j;
        }
        return s.toString();
    }
}
