package dev.skipgram.internal.kernels;

import java.util.Arrays;

/**
 * One fused SGD step of CBOW on one position, in place (SPEC §10): the mean of the context words'
 * input rows is the hidden vector h, an output layer ({@link OutputStep}: negative sampling or
 * hierarchical softmax) steps its rows for h and returns −η ∂J/∂h, and that update is added to
 * every context row, as word2vec.c ({@code cbow_mean}) and gensim do. Per-thread: it owns scratch
 * rows, so give each worker its own instance.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, n = context words of the position
 *   inputs    [V, d]  row w = v_w (centre vectors); the context rows c_1..c_n are read and updated
 *   outputs   [V, d]  the output layer's rows (outside vectors, or tree nodes)
 *
 *   h  = (1/n) Σ_i v_{c_i}                      [d]
 *   e  = 0;  J = output.step(outputs, h, e, η)  (output rows updated; e = −η ∂J/∂h)
 *   v_{c_i} += e   for i = 1..n                 (a word twice in the context gets e twice)
 *   returns J
 * </pre>
 * The true gradient of J with respect to v_{c_i} is (1/n) ∂J/∂h (the reference {@link
 * dev.skipgram.SkipGram#cbowLossAndGradient}), so each context row moves by n times −η times its
 * gradient: word2vec.c's update, which the tests hold this kernel to. The output rows move by exactly
 * −η times their gradient. No INDArray is created and nothing is allocated per call. Under Hogwild
 * another thread may write the same rows meanwhile; an update can then be lost.
 */
public final class CbowUpdate {

    /**
     * The output side of a step on a hidden vector: what a loss does once its input is a vector h
     * rather than one input row. Implementations are the loss kernels' hidden-vector methods, such as
     * {@link NegativeSamplingUpdate#step}, with the predicted word (and its negatives) bound.
     */
    @FunctionalInterface
    public interface OutputStep {

        /**
         * Updates the output rows the prediction touches and accumulates −η ∂J/∂h.
         *
         * @param outputs the output matrix, updated in place
         * @param h the hidden vector, length d; must not be modified
         * @param hUpdate length d, accumulated into
         * @param learningRate η
         * @return J at the rows as they were before the step
         */
        double step(FloatMatrix outputs, float[] h, float[] hUpdate, float learningRate);
    }

    private final int dimension;
    private final float[] hidden;
    private final float[] hiddenUpdate;
    private final float[] row;

    /** @param dimension d, the length of every row */
    public CbowUpdate(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.hidden = new float[dimension];
        this.hiddenUpdate = new float[dimension];
        this.row = new float[dimension];
    }

    /**
     * Applies the step for one position and returns its loss before it.
     *
     * @param inputs the input matrix, the context rows updated in place
     * @param outputs the output matrix, passed to {@code output}
     * @param contexts the context words' rows, {@code n} of them from index 0; may repeat
     * @param n how many context words, ≥ 1
     * @param output the output layer's step, with the predicted word bound
     * @param learningRate η
     * @return the loss of the prediction at the parameters as they were before the step
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public double apply(FloatMatrix inputs, FloatMatrix outputs, int[] contexts, int n, OutputStep output,
            float learningRate) {
        if (n < 1) {
            throw new IllegalArgumentException("a CBOW step needs at least one context word, got n = " + n);
        }
        int d = dimension;
        float[] h = hidden;
        float[] e = hiddenUpdate;
        inputs.getRow(contexts[0], h);
        for (int i = 1; i < n; i++) {
            inputs.getRow(contexts[i], row);
            for (int j = 0; j < d; j++) {
                h[j] += row[j];
            }
        }
        if (n > 1) {
            float inverse = 1f / n;
            for (int j = 0; j < d; j++) {
                h[j] *= inverse;
            }
        }
        Arrays.fill(e, 0f);
        double loss = output.step(outputs, h, e, learningRate);
        for (int i = 0; i < n; i++) {
            inputs.addToRow(contexts[i], e, row); // undivided, as word2vec.c
        }
        return loss;
    }
}
