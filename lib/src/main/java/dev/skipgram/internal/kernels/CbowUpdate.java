package dev.skipgram.internal.kernels;

/**
 * One fused SGD step of CBOW on one position, in place (SPEC §10): the mean of the context words'
 * input rows is the hidden vector h, the output layer (negative sampling: w_t and K negatives;
 * hierarchical softmax: w_t's path) steps its rows for h, and −η ∂J/∂h is added to every context
 * row, as word2vec.c ({@code cbow_mean}) and gensim do. Per-thread: it owns scratch rows, so give
 * each worker its own instance.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, n = context words of the position, T = the output rows
 *   inputs    [V, d]  row w = v_w (centre vectors); C [n, d] = the context rows c_1..c_n, gathered
 *   outputs   [V, d]  the output layer's rows (outside vectors, or tree nodes); O [T, d] gathered
 *
 *   h  = (1/n) Σ_i C_i                       [1, d]
 *   S  = h Oᵀ,  G = −η ∂J/∂S                 [1, T]   (one dots call over all T rows)
 *   e  = G O                                 [1, d];   ΔO = Gᵀ h   [T, d]
 *   v_{c_i} += e   for i = 1..n              (a word twice in the context gets e twice)
 *   outputs[target_k] += ΔO_k
 *   returns J
 * </pre>
 * This is {@link WindowNegativeSamplingUpdate}'s step with the mean as its one input row (its CBOW
 * form), so the gather, the dots, the combinations and the scatter-adds run in {@link RowOps} over
 * zero-padded scratch rows. Every score is taken before any row moves, which is word2vec.c's update
 * whenever the T output rows are distinct (a path's nodes always are; a negative drawn twice here gets
 * both updates computed from its row before the step, where word2vec.c's second draw sees the first's).
 * The true gradient of J with respect to v_{c_i} is (1/n) ∂J/∂h (the reference {@link
 * dev.skipgram.SkipGram#cbowLossAndGradient}), so each context row moves by n times −η times its
 * gradient: word2vec.c's update, which the tests hold this kernel to. The output rows move by exactly
 * −η times their gradient. No INDArray is created and nothing is allocated per call. Under Hogwild
 * another thread may write the same rows meanwhile; an update can then be lost.
 */
public final class CbowUpdate implements SharedTargetsUpdate {

    private final SharedTargetsUpdate layer; // the output layer's window kernel in its CBOW form

    private CbowUpdate(SharedTargetsUpdate layer) {
        this.layer = layer;
    }

    /**
     * CBOW with negative sampling, with this JVM's fastest row arithmetic.
     *
     * @param dimension d, ≥ 1
     * @param maxContexts the most context words of a position (2·windowSize), ≥ 1
     * @param negatives K, ≥ 0
     * @return the kernel; its targets are w_t, then its K negatives
     * @throws IllegalArgumentException naming the value out of range
     */
    public static CbowUpdate negativeSampling(int dimension, int maxContexts, int negatives) {
        return negativeSampling(dimension, maxContexts, negatives, RowOps.fastest());
    }

    /**
     * CBOW with negative sampling.
     *
     * @param dimension d, ≥ 1
     * @param maxContexts the most context words of a position (2·windowSize), ≥ 1
     * @param negatives K, ≥ 0
     * @param ops the row arithmetic (scalar or Vector API)
     * @return the kernel; its targets are w_t, then its K negatives
     * @throws IllegalArgumentException naming the value out of range
     */
    public static CbowUpdate negativeSampling(int dimension, int maxContexts, int negatives, RowOps ops) {
        if (negatives < 0) {
            throw new IllegalArgumentException("negatives must be >= 0, got " + negatives);
        }
        return new CbowUpdate(WindowNegativeSamplingUpdate.of(WindowNegativeSamplingUpdate.Form.MEAN, dimension,
                maxContexts, negatives + 1, ops));
    }

    /**
     * CBOW with hierarchical softmax, with this JVM's fastest row arithmetic.
     *
     * @param tree the vocabulary's tree; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxContexts the most context words of a position (2·windowSize), ≥ 1
     * @return the kernel; its one target is w_t, whose path gives the output rows
     * @throws IllegalArgumentException naming the value below 1
     */
    public static CbowUpdate hierarchicalSoftmax(HuffmanTree tree, int dimension, int maxContexts) {
        return hierarchicalSoftmax(tree, dimension, maxContexts, RowOps.fastest());
    }

    /**
     * CBOW with hierarchical softmax.
     *
     * @param tree the vocabulary's tree; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxContexts the most context words of a position (2·windowSize), ≥ 1
     * @param ops the row arithmetic (scalar or Vector API)
     * @return the kernel; its one target is w_t, whose path gives the output rows
     * @throws IllegalArgumentException naming the value below 1
     */
    public static CbowUpdate hierarchicalSoftmax(HuffmanTree tree, int dimension, int maxContexts, RowOps ops) {
        return new CbowUpdate(new WindowHierarchicalSoftmaxUpdate(tree, dimension, maxContexts, ops, true));
    }

    @Override
    public int maxInputs() {
        return layer.maxInputs();
    }

    @Override
    public int maxTargets() {
        return layer.maxTargets();
    }

    /**
     * Applies the step for one position and returns its loss before it: the loss of the one
     * prediction of w_t from the mean, not a sum over the n context words.
     *
     * @param inputs the input matrix, the context rows updated in place
     * @param outputs the output matrix, its target rows updated in place
     * @param contexts the context words' rows, {@code n} of them from index 0; may repeat
     * @param n how many context words, in {@code [1, maxInputs()]}
     * @param targets w_t then its K negatives (negative sampling), or w_t alone (hierarchical softmax)
     * @param targetCount K + 1, or 1
     * @param learningRate η
     * @return the loss of the prediction at the parameters as they were before the step
     * @throws IllegalArgumentException if {@code n < 1} or a count is out of range
     */
    @Override
    public double apply(FloatMatrix inputs, FloatMatrix outputs, int[] contexts, int n, int[] targets,
            int targetCount, float learningRate) {
        if (n < 1) {
            throw new IllegalArgumentException("a CBOW step needs at least one context word, got n = " + n);
        }
        return layer.apply(inputs, outputs, contexts, n, targets, targetCount, learningRate);
    }
}
