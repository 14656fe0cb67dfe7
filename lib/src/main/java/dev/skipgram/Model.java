package dev.skipgram;

/**
 * Which word2vec architecture the word2vec recipe trains, as {@link SkipGramConfig#model()}: each
 * context word predicting the centre word on its own (skip-gram), or the mean of the context words
 * predicting it (continuous bag of words). Both read the same dynamic window and train the same two
 * matrices (SPEC §3, §10; docs/math.md).
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * @since 0.1.0
 */
public enum Model {
    /**
     * Skip-gram: for each position t and each context word w_{t+j} of its window, one prediction
     * between v_{w_{t+j}} and w_t, with its own loss. 2r predictions per position. The default.
     */
    SKIP_GRAM,
    /**
     * Continuous bag of words (word2vec.c's {@code -cbow 1}, gensim's {@code sg=0} with its default
     * {@code cbow_mean=1}): the mean h of the n context rows of position t predicts w_t, one
     * prediction per position; the update −η ∂J/∂h is added, undivided, to each context row, as
     * word2vec.c and gensim do. Only the word2vec recipe trains it.
     */
    CBOW
}
