package dev.skipgram.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The tokenizer behind {@link SentenceReader}, with what becomes of a token left to a {@link
 * Builder}: a list of {@link String}s for {@link Corpus#sentences()}, or the tokens' vocabulary
 * indices for {@link Corpus#encodedSentences} (no String per token). Both see the same tokens and cut
 * the same sentences: the rules are {@link SentenceReader}'s.
 *
 * <p>Not thread-safe. Closing the reader is the caller's job.
 *
 * @param <S> a sentence
 */
final class SentenceScanner<S> implements Iterator<S> {

    /** Receives one sentence's tokens. */
    interface Builder<S> {

        /** Starts a new sentence, empty. */
        void start();

        /** Adds a token: {@code chars[0, length)}, length ≥ 1; the array is reused afterwards. */
        void add(char[] chars, int length);

        /** The tokens added since {@link #start()}, whether or not the sentence keeps them all. */
        int tokens();

        /** The sentence of the tokens added since {@link #start()}; called only when there is one. */
        S finish();
    }

    private final Reader in;
    private final String source;
    private final int maxTokens;
    private final Builder<S> builder;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;
    private long line = 1;
    private int sentenceChars; // characters in the tokens of the sentence being read
    private final char[] token = new char[SentenceReader.MAX_TOKEN_CHARS];
    private int tokenLength;
    private S next;

    SentenceScanner(Reader in, String source, int maxTokens, Builder<S> builder) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
        }
        this.in = in;
        this.source = source;
        this.maxTokens = maxTokens;
        this.builder = builder;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readSentence();
        }
        return next != null;
    }

    @Override
    public S next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        S sentence = next;
        next = null;
        return sentence;
    }

    /** The next non-empty sentence, or null at the end of the input. */
    private S readSentence() {
        Builder<S> sentence = builder;
        sentence.start();
        sentenceChars = 0;
        while (true) {
            if (position == limit && !fill()) {
                endToken();
                return sentence.tokens() == 0 ? null : sentence.finish();
            }
            char c = buffer[position++];
            if (c == '\n') {
                line++;
                endToken();
                if (sentence.tokens() > 0) {
                    return sentence.finish();
                }
            } else if (Tokens.isSeparator(c)) {
                endToken();
                if (sentence.tokens() == maxTokens || sentenceChars >= SentenceReader.MAX_SENTENCE_CHARS) {
                    return sentence.finish();
                }
            } else {
                if (tokenLength == 0
                        && (sentence.tokens() == maxTokens || sentenceChars >= SentenceReader.MAX_SENTENCE_CHARS)) {
                    position--; // this token starts the next piece
                    return sentence.finish();
                }
                if (c == '\0') {
                    throw notText("a NUL character (U+0000): the corpus must be UTF-8 text, and this looks like a"
                            + " binary or UTF-16 file");
                }
                if (tokenLength == SentenceReader.MAX_TOKEN_CHARS) {
                    throw notText("a token longer than " + SentenceReader.MAX_TOKEN_CHARS + " characters (\""
                            + new String(token, 0, 20) + "...\"): the corpus must be text with whitespace between"
                            + " words; is it a binary file?");
                }
                token[tokenLength++] = c;
            }
        }
    }

    private UncheckedIOException notText(String problem) {
        String message = "corpus " + source + ", line " + line + ": " + problem;
        return new UncheckedIOException(message, new IOException(message));
    }

    private void endToken() {
        if (tokenLength > 0) {
            sentenceChars += tokenLength;
            builder.add(token, tokenLength);
            tokenLength = 0;
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
