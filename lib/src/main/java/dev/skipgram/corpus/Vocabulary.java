package dev.skipgram.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The words of a corpus, each with an index in {@code [0, size())} and a count.
 *
 * <p>Immutable and thread-safe: the words and counts are copied when constructed, and no method
 * returns internal mutable state.
 *
 * <p>Nullness: the constructor and factories refuse null arguments and null words
 * ({@link NullPointerException}); the lookups {@link #indexOf}, {@link #find} and {@link #contains}
 * treat a null word as one not in the vocabulary. No method returns null.
 */
public final class Vocabulary {

    private final List<String> words;
    private final long[] counts;
    private final WordIndex index;
    private final long totalCount;

    /**
     * Creates a vocabulary from parallel lists of words and counts.
     *
     * @param words distinct, non-empty words; word i gets index i; copied
     * @param counts the count of each word, ≥ 0; copied
     * @throws IllegalArgumentException if the lengths differ, a word repeats or a count is negative
     */
    public Vocabulary(List<String> words, long[] counts) {
        if (words.size() != counts.length) {
            throw new IllegalArgumentException(
                    words.size() + " words but " + counts.length + " counts");
        }
        this.words = List.copyOf(words);
        this.counts = counts.clone();
        this.index = new WordIndex(words.size());
        long total = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty()) {
                throw new IllegalArgumentException("word " + i + " is empty");
            }
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count of '" + w + "' is negative: " + counts[i]);
            }
            int previous = index.add(w);
            if (previous >= 0) {
                throw new IllegalArgumentException("word '" + w + "' appears twice, at " + previous + " and " + i);
            }
            total += counts[i];
        }
        this.totalCount = total;
    }

    /**
     * The CS224n vocabulary: words in order of first occurrence in the corpus, then
     * {@code unknownToken} with count 1 (unless the corpus already contains it, in which case it keeps
     * its place and its count grows by 1).
     *
     * @param corpus the corpus, read once
     * @param unknownToken the token standing for unknown words, for example {@code "UNK"}
     * @return the vocabulary, never empty (it holds {@code unknownToken} at least)
     * @throws IllegalArgumentException if a token contains whitespace, naming it and its sentence
     * @throws java.io.UncheckedIOException if the corpus cannot be read
     */
    public static Vocabulary inFirstOccurrenceOrder(Corpus corpus, String unknownToken) {
        Objects.requireNonNull(unknownToken, "unknownToken");
        TokenCounts counted = corpus.countTokens(tokens -> { });
        int n = counted.size();
        List<String> words = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            words.add(counted.word(i));
        }
        long[] c = Arrays.copyOf(counted.countsArray(), n + 1);
        int unknown = words.indexOf(unknownToken);
        if (unknown < 0) {
            words.add(unknownToken);
            c[n] = 1;
        } else {
            c[unknown]++;
            c = Arrays.copyOf(c, n);
        }
        return new Vocabulary(words, c);
    }

    /**
     * The word2vec vocabulary: every word with at least {@code minCount} occurrences, by descending
     * count (ties in order of first occurrence), cut to the {@code maxSize} most frequent.
     *
     * @param corpus the corpus, read once
     * @param minCount the smallest count kept, ≥ 1
     * @param maxSize the most words kept, ≥ 1 ({@code Integer.MAX_VALUE} for no limit)
     * @return the vocabulary, possibly empty if no word is frequent enough
     * @throws IllegalArgumentException if {@code minCount} or {@code maxSize} is below 1, or a token
     *     contains whitespace (naming it and its sentence)
     * @throws java.io.UncheckedIOException if the corpus cannot be read
     */
    public static Vocabulary byCount(Corpus corpus, int minCount, int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1, got " + maxSize);
        }
        TokenCounts counted = corpus.countTokens(tokens -> { });
        return pruned(counted::word, counted.countsArray(), counted.size(), minCount, maxSize);
    }

    /**
     * The word2vec vocabulary from counts made elsewhere (for example in parallel, by a cluster):
     * what {@link #byCount(Corpus, int, int)} returns for a corpus whose distinct words, in order of
     * first occurrence, and counts are these.
     *
     * @param wordsInFirstOccurrenceOrder the distinct words of the corpus, each in the position of
     *     its first occurrence; non-empty, without whitespace
     * @param counts each word's count, ≥ 1, parallel to the words
     * @param minCount the smallest count kept, ≥ 1
     * @param maxSize the most words kept, ≥ 1 ({@code Integer.MAX_VALUE} for no limit)
     * @return the vocabulary, possibly empty if no word is frequent enough
     * @throws IllegalArgumentException if {@code minCount} or {@code maxSize} is below 1, the lengths
     *     differ, a word repeats, is empty or contains whitespace, or a count is below 1
     * @since 0.1.0
     */
    public static Vocabulary byCount(List<String> wordsInFirstOccurrenceOrder, long[] counts, int minCount,
            int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1, got " + maxSize);
        }
        if (wordsInFirstOccurrenceOrder.size() != counts.length) {
            throw new IllegalArgumentException(wordsInFirstOccurrenceOrder.size() + " words but " + counts.length
                    + " counts");
        }
        for (int i = 0; i < counts.length; i++) {
            String w = wordsInFirstOccurrenceOrder.get(i);
            if (counts[i] < 1) {
                throw new IllegalArgumentException("count of '" + w + "' must be >= 1, got " + counts[i]);
            }
            requireNoWhitespace(w);
        }
        // Repeats and empty words are refused by the constructor, for the words that are kept.
        return pruned(wordsInFirstOccurrenceOrder::get, counts, counts.length, minCount, maxSize);
    }

    /**
     * The words with a count ≥ minCount by descending count, ties in the given order, the first
     * maxSize: of words {@code 0..n−1}, word i being {@code words.apply(i)} with {@code counts[i]}.
     */
    private static Vocabulary pruned(IntFunction<String> words, long[] counts, int n,
            int minCount, int maxSize) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (counts[i] >= minCount) {
                kept.add(i);
            }
        }
        // List.sort is stable: equal counts keep their first-occurrence order.
        kept.sort((a, b) -> Long.compare(counts[b], counts[a]));
        int size = Math.min(kept.size(), maxSize);
        List<String> w = new ArrayList<>(size);
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            w.add(words.apply(kept.get(i)));
            c[i] = counts[kept.get(i)];
        }
        return new Vocabulary(w, c);
    }

    /**
     * Refuses a token with whitespace in it, naming it and its sentence: no word2vec file can store
     * it, and training on it would only fail when the vectors are saved.
     */
    static void requireNoWhitespace(String token, long sentenceNumber) {
        int at = whitespaceAt(token);
        if (at >= 0) {
            throw new IllegalArgumentException("token '" + token + "' in sentence " + sentenceNumber
                    + " of the corpus contains whitespace (" + codePoint(token.charAt(at))
                    + "), which no word2vec file can store: split it into tokens, or join its parts with '_'");
        }
    }

    private static void requireNoWhitespace(String token) {
        int at = whitespaceAt(token);
        if (at >= 0) {
            throw new IllegalArgumentException("token '" + token + "' of the corpus contains whitespace ("
                    + codePoint(token.charAt(at))
                    + "), which no word2vec file can store: split it into tokens, or join its parts with '_'");
        }
    }

    private static int whitespaceAt(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Tokens.isSeparator(token.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String codePoint(char c) {
        return String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
    }

    /**
     * The number of words.
     *
     * @return V, ≥ 0
     */
    public int size() {
        return words.size();
    }

    /**
     * The word with index {@code i}.
     *
     * @param i an index in {@code [0, size())}
     * @return the word, non-empty
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public String word(int i) {
        return words.get(i);
    }

    /**
     * All words in index order.
     *
     * @return an unmodifiable list of {@link #size()} words
     */
    public List<String> words() {
        return words;
    }

    /**
     * The count of the word with index {@code i}.
     *
     * @param i an index in {@code [0, size())}
     * @return its count in the corpus the vocabulary was built from, ≥ 0 (for vectors read from a
     *     word2vec file, its rank: V for the first word down to 1 for the last)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long count(int i) {
        return counts[i];
    }

    /**
     * All counts, in index order.
     *
     * @return a new array of {@link #size()} counts, owned by the caller; changing it does not change
     *     this vocabulary
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The sum of all counts: N, the corpus size that subsampling thresholds are relative to.
     *
     * @return the sum, ≥ 0
     */
    public long totalCount() {
        return totalCount;
    }

    /**
     * The index of {@code word}, or −1 if it is not in the vocabulary, as {@link List#indexOf} does;
     * allocates nothing, for loops over every token of a corpus.
     *
     * @param word the word (case-sensitive); null finds nothing
     * @return its index in {@code [0, size())}, or −1
     */
    public int indexOf(String word) {
        return index.get(word);
    }

    /**
     * The index of {@code word}, if it is in the vocabulary: {@link #indexOf} as an
     * {@link OptionalInt}.
     *
     * @param word the word (case-sensitive); null finds nothing
     * @return its index in {@code [0, size())}, or empty if it is not in the vocabulary
     */
    public OptionalInt find(String word) {
        int i = index.get(word);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * Whether {@code word} is in the vocabulary.
     *
     * @param word the word (case-sensitive); null is never contained
     * @return true if it has an index
     */
    public boolean contains(String word) {
        return index.get(word) >= 0;
    }

    /**
     * The indices of {@code tokens} in order, the tokens not in the vocabulary dropped: one sentence
     * as training reads it ({@link Corpus#encodedSentences}).
     *
     * @param tokens the sentence; a null token is dropped, as {@link #indexOf} finds nothing for it
     * @return a new array, possibly empty
     */
    public int[] indicesOf(List<String> tokens) {
        int[] indices = new int[tokens.size()];
        int n = 0;
        for (String token : tokens) {
            int i = index.get(token);
            if (i >= 0) {
                indices[n++] = i;
            }
        }
        return n == indices.length ? indices : Arrays.copyOf(indices, n);
    }

    /** The lookup itself, for readers that find tokens without making Strings of them. */
    WordIndex index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && words.equals(v.words) && Arrays.equals(counts, v.counts);
    }

    @Override
    public int hashCode() {
        return words.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + words.size() + " words, " + totalCount + " tokens]";
    }
}
