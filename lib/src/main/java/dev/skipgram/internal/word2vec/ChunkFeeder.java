package dev.skipgram.internal.word2vec;

import dev.skipgram.corpus.Vocabulary;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a pass over the corpus into {@link Chunk}s: encodes each sentence (dropping words not in the
 * vocabulary), and closes a chunk after the sentence that brings it to {@value #CHUNK_WORDS} words or
 * more. Pure: no threads, no clock, no I/O beyond the iterator it is given; chunk boundaries depend
 * only on the sentences, so a resumed run cuts the same chunks and can skip the trained ones.
 *
 * <p>Not thread-safe; one feeder per pass.
 */
final class ChunkFeeder {

    /** Words per chunk, at least: a chunk ends with the sentence that reaches it. */
    static final int CHUNK_WORDS = 10_000;

    /** Receives each chunk, numbered from 1 within the pass. */
    @FunctionalInterface
    interface Sink {
        void accept(Chunk chunk, long indexInPass) throws InterruptedException;
    }

    private final Vocabulary vocabulary;
    private final int chunkWords;
    private boolean anyPair;

    ChunkFeeder(Vocabulary vocabulary) {
        this(vocabulary, CHUNK_WORDS);
    }

    ChunkFeeder(Vocabulary vocabulary, int chunkWords) {
        if (chunkWords < 1) {
            throw new IllegalArgumentException("chunkWords must be at least 1, got " + chunkWords);
        }
        this.vocabulary = vocabulary;
        this.chunkWords = chunkWords;
    }

    /**
     * Feeds every chunk of {@code sentences} after the first {@code skip} to {@code sink}, encoding
     * each sentence with the vocabulary.
     *
     * @param sentences one pass over the corpus
     * @param skip chunks already trained (a resumed run): cut, but not passed on
     * @param sink receives the chunks in order
     */
    void feed(Iterator<List<String>> sentences, long skip, Sink sink) throws InterruptedException {
        feedEncoded(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sentences.hasNext();
            }

            @Override
            public int[] next() {
                return vocabulary.indicesOf(sentences.next());
            }
        }, skip, sink);
    }

    /**
     * As {@link #feed}, for sentences already encoded ({@link dev.skipgram.corpus.Corpus#encodedSentences}):
     * every index in the vocabulary, the words not in it dropped.
     *
     * @param sentences one pass over the corpus, encoded
     * @param skip chunks already trained (a resumed run): cut, but not passed on
     * @param sink receives the chunks in order
     */
    void feedEncoded(Iterator<int[]> sentences, long skip, Sink sink) throws InterruptedException {
        int[] words = new int[chunkWords];
        int[] ends = new int[64];
        int n = 0;
        int sentenceCount = 0;
        long chunk = 0; // chunks of this pass cut so far
        anyPair = false;
        while (sentences.hasNext()) {
            int[] sentence = sentences.next();
            int length = sentence.length;
            if (n + length > words.length) {
                words = Arrays.copyOf(words, Math.max(2 * words.length, n + length));
            }
            System.arraycopy(sentence, 0, words, n, length);
            n += length;
            anyPair |= length >= 2;
            if (sentenceCount == ends.length) {
                ends = Arrays.copyOf(ends, 2 * sentenceCount);
            }
            ends[sentenceCount++] = n;
            if (n >= chunkWords) {
                if (++chunk > skip) {
                    sink.accept(new Chunk(Arrays.copyOf(words, n), Arrays.copyOf(ends, sentenceCount), n), chunk);
                }
                n = 0;
                sentenceCount = 0;
            }
        }
        if (n > 0 && ++chunk > skip) {
            sink.accept(new Chunk(Arrays.copyOf(words, n), Arrays.copyOf(ends, sentenceCount), n), chunk);
        }
    }

    /** Whether some sentence of the last pass had two words of the vocabulary: a pair to train. */
    boolean anyPair() {
        return anyPair;
    }
}
