package dev.skipgram;

/**
 * Which loss trains the vectors, as {@link SkipGramConfig#loss()}. Both recipes accept every loss.
 *
 * <p>Immutable and thread-safe, as every enum.
 */
public enum LossType {
    /** The full softmax over the vocabulary: exact, O(V·d) per pair. */
    NAIVE_SOFTMAX,
    /** Negative sampling with K noise words: O(K·d) per pair. */
    NEGATIVE_SAMPLING,
    /**
     * Hierarchical softmax over word2vec.c's Huffman tree of the word counts: exact and normalised,
     * O(d·log V) per pair (about d times the code length of the predicted word). Ignores K.
     *
     * @since 0.1.0
     */
    HIERARCHICAL_SOFTMAX
}
