package dev.skipgram;

/**
 * Which training procedure {@link SkipGram#train} follows, as {@link SkipGramConfig#recipe()}.
 *
 * <p>Immutable and thread-safe, as every enum.
 */
public enum Recipe {
    /**
     * The Stanford CS224n assignment (SPEC §6): vocabulary in first-occurrence order plus {@code UNK},
     * 30 subsampled copies of the corpus, SGD on the mean loss of random windows with step annealing.
     * Single-threaded: every step runs on the thread that calls {@link SkipGram#train}, with no work
     * on the common ForkJoinPool or other Java threads (ND4J's native matrix products may use BLAS
     * threads of their own); {@link SkipGramConfig#threads()} is ignored. Exactly reproducible: equal
     * seeds give identical vectors.
     */
    CS224N,
    /**
     * The word2vec recipe (SPEC §7): vocabulary by count with a minimum count, word2vec's subsampling,
     * a dynamic window over the streamed corpus, learning rate decaying linearly over several epochs,
     * several threads updating shared parameters without locks.
     */
    WORD2VEC
}
