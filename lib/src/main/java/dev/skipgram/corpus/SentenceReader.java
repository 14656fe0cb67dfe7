package dev.skipgram.corpus;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
 * <p>The tokenizing is {@link SentenceScanner}'s, shared with the vocabulary-encoded reading. Not
 * thread-safe. Closing the reader is the caller's job.
 */
final class SentenceReader implements Iterator<List<String>> {

    /** The longest token accepted, in UTF-16 characters (at most 30,000 bytes of UTF-8). */
    static final int MAX_TOKEN_CHARS = 10_000;
    /** A sentence is cut at the first token boundary after this many characters (only tokens counted). */
    static final int MAX_SENTENCE_CHARS = 1 << 20;

    private final SentenceScanner<List<String>> scanner;

    SentenceReader(Reader in, String source, int maxTokens) {
        this.scanner = new SentenceScanner<>(in, source, maxTokens, new Strings());
    }

    @Override
    public boolean hasNext() {
        return scanner.hasNext();
    }

    @Override
    public List<String> next() {
        return scanner.next();
    }

    /** Each token as a String; a new list per sentence. */
    private static final class Strings implements SentenceScanner.Builder<List<String>> {
        private List<String> sentence;

        @Override
        public void start() {
            sentence = new ArrayList<>();
        }

        @Override
        public void add(char[] chars, int length) {
            sentence.add(new String(chars, 0, length));
        }

        @Override
        public int tokens() {
            return sentence.size();
        }

        @Override
        public List<String> finish() {
            return sentence;
        }
    }
}
