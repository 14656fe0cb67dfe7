package dev.skipgram.internal.kernels;

/**
 * One fused SGD step on a window whose n input rows all predict the same output rows: the kind of
 * kernel that trains a window's pairs as small matrix products instead of pair by pair, such as
 * negative sampling with the negatives drawn once per window (HogBatch, SPEC §9).
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, n = inputs of the window, T = targets (K + 1)
 *   inputs    [V, d]  the rows the window's input words read (centre vectors v): C [n, d] gathered
 *   outputs   [V, d]  the rows they predict with (outside vectors u): O [T, d] gathered
 *   targets   the rows of {@code outputs} the step touches (the predicted word, then its K negatives)
 * </pre>
 * Unlike {@link PairUpdate}, every gradient of the window is taken at the parameters as they are when
 * the step starts, then added back (Hogwild: a row another thread writes meanwhile may lose an
 * update). An implementation owns scratch rows, so it is confined to one thread; it creates no
 * INDArray and allocates nothing per call. Each is held to its reference {@link
 * dev.skipgram.loss.Loss} by the tests.
 */
public interface SharedTargetsUpdate {

    /**
     * The most input rows one call may hand over.
     *
     * @return at least 1
     */
    int maxInputs();

    /**
     * The most target rows one call may hand over.
     *
     * @return at least 1
     */
    int maxTargets();

    /**
     * Applies the step and returns the summed loss of the window's n pairs before it.
     *
     * @param inputs the input matrix, updated in place
     * @param outputs the output matrix, updated in place
     * @param inputRows the window's input words, {@code inputCount} of them from index 0; may repeat
     * @param inputCount n, in {@code [0, maxInputs()]}
     * @param targets the output rows every input predicts, {@code targetCount} of them from index 0
     * @param targetCount T, in {@code [1, maxTargets()]}
     * @param learningRate η
     * @return Σ over the n inputs of the pair's loss at the parameters as they were before the step
     * @throws IllegalArgumentException if {@code inputCount} or {@code targetCount} is out of range
     */
    double apply(FloatMatrix inputs, FloatMatrix outputs, int[] inputRows, int inputCount, int[] targets,
            int targetCount, float learningRate);
}
