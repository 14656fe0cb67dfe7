package dev.skipgram;

/**
 * Which loss trains the vectors, as {@link SkipGramConfig#loss()}. Both recipes accept both losses.
 *
 * <p>Immutable and thread-safe, as every enum.
 */
public enum LossType {
    /** The full softmax over the vocabulary: exact, O(V·d) per pair. */
    NAIVE_SOFTMAX,
    /** Negative sampling with K noise words: O(K·d) per pair. */
    NEGATIVE_SAMPLING
}
