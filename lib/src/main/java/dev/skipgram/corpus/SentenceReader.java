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
 * ends at a line break or after {@code maxTokens} tokens, whichever comes first, so a file that is a
 * single 100 MB line (like text8) streams in pieces of {@code maxTokens} tokens. Tokens are separated
 * by the whitespace of {@link Tokens#isSeparator}; empty sentences are skipped.
 *
 * <p>Not thread-safe. Closing the reader is the caller's job.
 */
final class SentenceReader implements Iterator<List<String>> {

    private final Reader in;
    private final String source;
    private final int maxTokens;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
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
        while (true) {
            if (position == limit && !fill()) {
                endToken(sentence);
                return sentence.isEmpty() ? null : sentence;
            }
            char c = buffer[position++];
            if (c == '\n') {
                endToken(sentence);
                if (!sentence.isEmpty()) {
                    return sentence;
                }
            } else if (Tokens.isSeparator(c)) {
                endToken(sentence);
                if (sentence.size() == maxTokens) {
                    return sentence;
                }
            } else {
                if (token.length() == 0 && sentence.size() == maxTokens) {
                    position--; // this token starts the next piece
                    return sentence;
                }
                token.append(c);
            }
        }
    }

    private void endToken(List<String> sentence) {
        if (token.length() > 0) {
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
            throw new UncheckedIOException("cannot read corpus " + source + ": " + e.getMessage(), e);
        }
    }
}
