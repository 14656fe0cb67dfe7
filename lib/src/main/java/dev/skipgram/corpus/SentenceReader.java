package dev.skipgram.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits a character stream into sentences without ever holding more than one sentence: a sentence
 * ends at a line break, after {@code maxTokens} tokens, or at the first token boundary after
 * {@value #MAX_SENTENCE_CHARS} characters, whichever comes first, so a file that is a single 100 MB
 * line (like text8) streams in pieces of {@code maxTokens} tokens. Tokens are separated by the
 * whitespace of {@link Tokens#isSeparator}; empty sentences are skipped.
 *
 * <p>Memory is bounded by construction, whatever the input: a 64 Ki-character buffer, one sentence
 * of at most {@code maxTokens} tokens and about {@value #MAX_SENTENCE_CHARS} characters, and one
 * token of at most {@value #MAX_TOKEN_CHARS} characters. A longer token, or a NUL character, is not
 * text: both end the pass with an {@link UncheckedIOException} naming the source and the line (a
 * binary file, or UTF-16, which puts a NUL in every ASCII character).
 *
 * <p>Not thread-safe. Closing the reader is the caller's job.
 */
final class SentenceReader implements Iterator<List<String>> {

    /** The longest token accepted, in UTF-16 characters (at most 30,000 bytes of UTF-8). */
    static final int MAX_TOKEN_CHARS = 10_000;
    /** A sentence is cut at the first token boundary after this many characters (only tokens counted). */
    static final int MAX_SENTENCE_CHARS = 1 << 20;

    private final Reader in;
    private final String source;
    private final int maxTokens;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
    private long line = 1;
    private int sentenceChars; // characters in the tokens of the sentence being read
    private final StringBuilder token = new StringBuilder();
    private List<String> next;

    SentenceReader(Reader in, String source, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
        }
        this.in = in;
        this.source = source;
        this.maxTokens = maxTokens;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readSentence();
        }
        return next != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> sentence = next;
        next = null;
        return sentence;
    }

    /** The next non-empty sentence, or null at the end of the input. */
    private List<String> readSentence() {
        List<String> sentence = new ArrayList<>();
        sentenceChars = 0;
        while (true) {
            if (position == limit && !fill()) {
                endToken(sentence);
                return sentence.isEmpty() ? null : sentence;
            }
            char c = buffer[position++];
            if (c == '\n') {
                line++;
                endToken(sentence);
                if (!sentence.isEmpty()) {
                    return sentence;
                }
            } else if (Tokens.isSeparator(c)) {
                endToken(sentence);
                if (sentence.size() == maxTokens || sentenceChars >= MAX_SENTENCE_CHARS) {
                    return sentence;
                }
            } else {
                if (token.length() == 0 && (sentence.size() == maxTokens || sentenceChars >= MAX_SENTENCE_CHARS)) {
                    position--; // this token starts the next piece
                    return sentence;
                }
                if (c == '\0') {
                    throw notText("a NUL character (U+0000): the corpus must be UTF-8 text, and this looks like a"
                            + " binary or UTF-16 file");
                }
                if (token.length() == MAX_TOKEN_CHARS) {
                    throw notText("a token longer than " + MAX_TOKEN_CHARS + " characters (\""
                            + token.substring(0, 20) + "...\"): the corpus must be text with whitespace between"
                            + " words; is it a binary file?");
                }
                token.append(c);
            }
        }
    }

    private UncheckedIOException notText(String problem) {
        String message = "corpus " + source + ", line " + line + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }

    private void endToken(List<String> sentence) {
        if (token.length() > 0) {
            sentenceChars += token.length();
            sentence.add(token.toString());
            token.setLength(0);
        }
    }

    private boolean fill() {
        if (exhausted) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                exhausted = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + source + ": " + TextFiles.reason(e), e);
        }
    }
}
