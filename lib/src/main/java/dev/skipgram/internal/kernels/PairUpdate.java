package dev.skipgram.internal.kernels;

/**
 * One fused SGD step on one (input, predicted) pair, in place on both matrices: the kind of kernel a
 * pair-wise loss (negative sampling; hierarchical softmax next) implements for the word2vec recipe.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension
 *   inputs    [V, d]  the rows the pair's input word reads (centre vectors v)
 *   outputs   [V, d]  the rows it predicts with (outside vectors u)
 *   targets   the rows of {@code outputs} the step touches, {@code count} of them (for negative
 *             sampling: the predicted word, then its K negatives)
 * </pre>
 * An implementation owns scratch rows, so it is confined to one thread; it creates no INDArray and
 * allocates nothing per call. Each is held to its reference {@link dev.skipgram.loss.Loss} by the
 * tests: one step equals −η times the reference gradient, within float tolerance.
 */
public interface PairUpdate {

    /**
     * Applies the step and returns the pair's loss before it.
     *
     * @param inputs the input matrix, updated in place
     * @param outputs the output matrix, updated in place
     * @param input the input word's row
     * @param targets the output rows the step touches
     * @param count how many of {@code targets} to use, from index 0
     * @param learningRate η
     * @return the pair's loss at the parameters as they were before the step
     */
    double apply(FloatMatrix inputs, FloatMatrix outputs, int input, int[] targets, int count, float learningRate);
}
