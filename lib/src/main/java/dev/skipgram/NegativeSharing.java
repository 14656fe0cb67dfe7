package dev.skipgram;

/**
 * How the word2vec recipe's negative sampling groups its pairs, as {@link
 * SkipGramConfig#negativeSharing()}: each pair with its own negatives and its own step, or a whole
 * window with shared negatives and one step. Both minimise the same expected objective (SPEC §2,
 * §9; docs/math.md). Only the word2vec recipe's skip-gram reads it ({@link Model#CBOW} has one
 * prediction per window, and draws its K negatives once for it): with {@link
 * LossType#NEGATIVE_SAMPLING}, and with {@link LossType#HIERARCHICAL_SOFTMAX}, where a window's pairs share the predicted word's path
 * instead of negatives ({@code WINDOW}: one step along it for the window; {@code PAIR}: word2vec.c's
 * step per pair). The word2vec preset's default follows the loss: {@code WINDOW} with negative
 * sampling, {@code PAIR} with hierarchical softmax, where batching measured about 2 analogy points
 * below gensim (docs/benchmarks.md).
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * @since 0.1.0
 */
public enum NegativeSharing {
    /**
     * word2vec.c's update: every (context, centre) pair draws its own K negatives and takes its own
     * SGD step, seeing the steps of the pairs before it. 2r·K draws and 2r steps per position.
     */
    PAIR,
    /**
     * HogBatch (Ji et al., arXiv:1611.06172): the n ≤ 2r context words of a position share one draw of
     * K negatives, and their n pairs take one step of small matrix products, all taken at the
     * parameters as they were before the window. K draws and one step per position.
     */
    WINDOW
}
