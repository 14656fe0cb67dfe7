package dev.skipgram.internal.kernels;

/**
 * One fused SGD step on a batch of pairs grouped by input word (a window's pairs share their input):
 * the kind of kernel that turns a window into small matrix products, such as the full softmax (one
 * row of scores per window). The matrices are fixed at construction.
 *
 * <p>An implementation owns its buffers, so it is confined to one thread; it creates no INDArray per
 * call. Each is held to its reference {@link dev.skipgram.loss.Loss} by the tests.
 */
public interface WindowUpdate {

    /**
     * The most runs of equal input words one call may hand over.
     *
     * @return at least 1
     */
    int maxRows();

    /**
     * Applies one step to both matrices and returns the summed loss of the pairs before it.
     *
     * @param inputWords the input word of each pair; runs of equal values share a row
     * @param predictedWords the word each pair predicts
     * @param count the number of pairs, from index 0
     * @param learningRate η
     * @return Σ of the pairs' losses at the parameters as they were before the step
     * @throws IllegalArgumentException if the pairs form more than {@link #maxRows()} runs
     */
    double apply(int[] inputWords, int[] predictedWords, int count, float learningRate);
}
