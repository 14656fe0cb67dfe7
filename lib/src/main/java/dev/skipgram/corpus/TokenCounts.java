package dev.skipgram.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The tokens of one pass over a corpus: every distinct token, numbered in order of first occurrence,
 * with its count. What {@link Corpus#countTokens} returns and {@link Vocabulary#byCount(Corpus, int, int)}
 * prunes into the word2vec vocabulary.
 *
 * <p>Immutable and thread-safe once returned. The words live in one character array (no String per
 * word until {@link #word} is asked for one).
 */
public final class TokenCounts {

    private final WordIndex words;
    private final long[] counts; // counts[i] for token i < size(); the array may be longer
    private final long total;

    TokenCounts(WordIndex words, long[] counts) {
        this.words = words;
        this.counts = counts;
        long sum = 0;
        for (int i = 0; i < words.size(); i++) {
            sum += counts[i];
        }
        this.total = sum;
    }

    /**
     * Counts the tokens of {@code sentences} (Corpus's default {@link Corpus#countTokens}), refusing a
     * token with whitespace in it (checked once per distinct token): no word2vec file can store it,
     * and training on it would only fail when the vectors are saved.
     *
     * @param sentences one pass over a corpus; not closed here
     * @param progress told the tokens counted so far after each sentence
     * @throws IllegalArgumentException naming the token with whitespace and its sentence
     */
    static TokenCounts count(Stream<List<String>> sentences, LongConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        WordIndex words = new WordIndex(1 << 16);
        long[][] counts = {new long[1 << 16]};
        long[] sentenceAndTokens = {0, 0};
        sentences.forEach(sentence -> {
            sentenceAndTokens[0]++;
            for (String w : sentence) {
                int i = words.add(w);
                if (i < 0) { // new: the next index
                    i = words.size() - 1;
                    Vocabulary.requireNoWhitespace(w, sentenceAndTokens[0]);
                    if (i == counts[0].length) {
                        counts[0] = Arrays.copyOf(counts[0], 2 * i);
                    }
                }
                counts[0][i]++;
            }
            sentenceAndTokens[1] += sentence.size();
            progress.accept(sentenceAndTokens[1]);
        });
        return new TokenCounts(words, counts[0]);
    }

    /**
     * The number of distinct tokens.
     *
     * @return n ≥ 0
     */
    public int size() {
        return words.size();
    }

    /**
     * Token {@code i}: the i-th distinct token of the pass.
     *
     * @param i in {@code [0, size())}
     * @return the token, a new String
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public String word(int i) {
        Objects.checkIndex(i, size());
        return words.word(i);
    }

    /**
     * How often token {@code i} occurs.
     *
     * @param i in {@code [0, size())}
     * @return its count, ≥ 1
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long count(int i) {
        Objects.checkIndex(i, size());
        return counts[i];
    }

    /**
     * The number of tokens in the pass.
     *
     * @return the sum of the counts
     */
    public long totalCount() {
        return total;
    }

    /** The counts array, shared (for {@link Vocabulary}'s pruning; index i &lt; size()). */
    long[] countsArray() {
        return counts;
    }

    @Override
    public String toString() {
        return "TokenCounts[" + size() + " distinct tokens, " + total + " in all]";
    }
}
