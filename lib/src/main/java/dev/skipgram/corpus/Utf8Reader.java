package dev.skipgram.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes UTF-8 as an {@link java.io.InputStreamReader} with malformed input replaced by U+FFFD
 * does, but counts the replacements and remembers the byte offset of the first, and on
 * {@link #close()} logs one warning naming the source if there were any. A corpus that is not quite
 * UTF-8 (a few damaged bytes in a web crawl) still trains, and the user is told.
 *
 * <p>The warning is logged only if the input was read to its end. A reader closed before, because
 * the file was refused (a NUL byte or an endless token: a binary file, which is full of invalid
 * UTF-8), logs nothing: the refusal is the news, and a warning about thousands of replacements in
 * a file that is not text at all would only come before it as noise.
 *
 * <p>Not thread-safe.
 */
final class Utf8Reader extends Reader {

    private static final Logger LOG = LoggerFactory.getLogger(Utf8Reader.class);

    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip(); // read mode, empty
    private final CharBuffer chars = CharBuffer.allocate(1 << 14).flip(); // decoded, not yet handed out
    private long bufferStart; // offset in the stream of bytes.array()[0]
    private boolean endOfInput;
    private boolean flushed;
    private long malformed;
    private long firstMalformedOffset = -1;
    private boolean warned;

    /**
     * @param in the bytes; closed by {@link #close()}
     * @param source the file's name, for the warning
     */
    Utf8Reader(InputStream in, String source) {
        this.in = Objects.requireNonNull(in, "in");
        this.source = source;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decode()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /**
     * Decodes into {@link #chars} (emptied first) at least one character, or none at the end of the
     * input; returns whether there is any. The buffer holds thousands of characters, so a surrogate
     * pair always fits, whatever the caller's array.
     */
    private boolean decode() throws IOException {
        chars.clear();
        if (flushed) {
            chars.flip();
            return false; // everything decoded and flushed
        }
        try {
            while (chars.hasRemaining()) {
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    if (!chars.hasRemaining()) {
                        break; // no room for the U+FFFD: the next call meets the same sequence again
                    }
                    // a malformed sequence of result.length() bytes at bytes.position(): one U+FFFD for it
                    if (malformed++ == 0) {
                        firstMalformedOffset = bufferStart + bytes.position();
                    }
                    bytes.position(bytes.position() + result.length());
                    chars.put('\uFFFD');
                } else if (result.isOverflow()) {
                    break;
                } else if (endOfInput) {
                    if (!flushed) {
                        decoder.flush(chars);
                        flushed = true;
                    }
                    break;
                } else if (chars.position() > 0) {
                    break; // hand out what is decoded rather than block for more
                } else {
                    fill();
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    /** Keeps the undecoded tail (at most 3 bytes of a split sequence) and reads more after it. */
    private void fill() throws IOException {
        bufferStart += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** How many malformed sequences were replaced so far. */
    long malformedSequences() {
        return malformed;
    }

    /** The byte offset of the first malformed sequence, or −1 if there was none. */
    long firstMalformedOffset() {
        return firstMalformedOffset;
    }

    /**
     * The warning {@link #close()} logs: present if the input has been read to its end and had
     * malformed sequences, empty otherwise (none, or the reading stopped before the end).
     */
    Optional<String> warning() {
        if (malformed == 0 || !flushed) {
            return Optional.empty();
        }
        return Optional.of(source + ": " + malformed + " invalid UTF-8 byte sequence" + (malformed == 1 ? "" : "s")
                + " replaced by U+FFFD, the first at byte " + firstMalformedOffset);
    }

    @Override
    public void close() throws IOException {
        if (!warned) {
            warned = true;
            warning().ifPresent(LOG::warn);
        }
        in.close();
    }
}
