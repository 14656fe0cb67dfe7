package dev.skipgram.internal.kernels;

import java.util.Arrays;

/**
 * One SGD step of negative sampling on one (centre, outside) pair, fused and in place: the kernel of
 * the word2vec recipe. Per-thread: it owns scratch rows, so give each worker its own instance.
 *
 * <pre>
 * Shapes: d = dimension, K = negatives
 *   centerVectors   [V, d]  row w = v_w (the pair's input)
 *   outsideVectors  [V, d]  row w = u_w
 *   targets[0] = o, targets[1..K] = the negatives
 *
 *   for i = 0..K:   s_i = u_iᵀ v_c            (v_c and u_i as they are when the pair starts*)
 *                   g_i = −η ∂J/∂s_i = η σ(−s_0) for i = 0,  −η σ(s_i) for a negative
 *                   e   += g_i u_i
 *                   u_i += g_i v_c
 *   v_c += e
 *   returns J = softplus(−s_0) + Σ_k softplus(s_k)
 * </pre>
 * This is exactly −η times the gradient of SPEC §2 (the reference {@link
 * dev.skipgram.loss.NegativeSamplingLoss}), applied to both matrices. (*) The one exception, as in
 * word2vec.c: a negative drawn twice sees its row already updated by the first draw.
 *
 * <p>Rows are copied into {@code float[]} scratch with bulk transfers, updated there (loops C2 can
 * vectorise), and copied back; no INDArray is created. This is also the kernel of the CS224n
 * recipe's negative-sampling objective, whose tests hold it to the same reference. Under Hogwild another thread may write the
 * same rows meanwhile; an update can then be lost, as in word2vec.c and gensim.
 */
public final class NegativeSamplingUpdate implements PairUpdate {

    private final RowOps ops;
    private final int dimension;
    private final int padded;
    private final float[] center;
    private final float[] target;
    private final float[] centerUpdate;

    /**
     * The kernel with this JVM's fastest row arithmetic ({@link RowOps#fastest()}).
     *
     * @param dimension d, the length of every row
     */
    public NegativeSamplingUpdate(int dimension) {
        this(dimension, RowOps.fastest());
    }

    /**
     * @param dimension d, the length of every row
     * @param ops the row arithmetic (scalar or Vector API)
     */
    public NegativeSamplingUpdate(int dimension, RowOps ops) {
        this.ops = java.util.Objects.requireNonNull(ops, "ops");
        this.dimension = dimension;
        this.padded = this.ops.paddedLength(dimension); // scratch rows padded with zeros for the dots
        this.center = new float[padded];
        this.target = new float[padded];
        this.centerUpdate = new float[padded];
    }

    @Override
    public double apply(FloatMatrix centerVectors, FloatMatrix outsideVectors, int c, int[] targets, int count,
            float learningRate) {
        return pair(centerVectors, outsideVectors, null, c, targets, count, -learningRate);
    }

    /**
     * The gradient form of the same kernel, for an objective that hands the step to an optimiser
     * (the CS224n recipe): adds {@code scale} times the pair's gradient to {@code gradient}, with the
     * parameters read-only. Both halves live in one [2V, d] matrix there, so the rows are given
     * directly.
     *
     * <pre>
     *   gradient[centerRow]  += scale · Σ_i (∂J/∂s_i) u_i
     *   gradient[targets_i]  += scale · (∂J/∂s_i) v_c        (a repeated target adds twice)
     * </pre>
     *
     * @param parameters the matrix holding v_c and the u_i; not modified
     * @param gradient a matrix of the same shape, accumulated into
     * @param centerRow the row of v_c
     * @param targets the rows of the predicted word's u_o, then the negatives'
     * @param count K + 1
     * @param scale the factor on the gradient (1 / windows per step)
     * @return the pair's loss J
     */
    public double addGradient(FloatMatrix parameters, FloatMatrix gradient, int centerRow, int[] targets, int count,
            float scale) {
        return pair(parameters, parameters, gradient, centerRow, targets, count, scale);
    }

    /**
     * One pair: with {@code gradient} null, the SGD step in place ({@code factor} = −η); otherwise
     * {@code factor} times the gradient added to {@code gradient} (the parameters unchanged).
     */
    private double pair(FloatMatrix centerVectors, FloatMatrix outsideVectors, FloatMatrix gradient, int c,
            int[] targets, int count, float factor) {
        int d = dimension;
        float[] v = center;
        float[] e = centerUpdate;
        centerVectors.getRow(c, v);
        Arrays.fill(e, 0f);
        double loss = targets(outsideVectors, gradient, v, e, targets, count, factor);
        if (gradient == null) {
            for (int j = 0; j < d; j++) {
                v[j] += e[j];
            }
            centerVectors.putRow(c, v);
        } else {
            gradient.addToRow(c, 1f, e);
        }
        return loss;
    }

    /**
     * The targets' part of a step for the input vector {@code v}: e += factor · Σ_i (∂J/∂s_i) u_i, and
     * each u_i moves by factor · (∂J/∂s_i) v in place ({@code gradient} null) or in {@code gradient}.
     * The dots run over the padded length: v is this kernel's own zero-padded scratch row.
     */
    private double targets(FloatMatrix outsideVectors, FloatMatrix gradient, float[] v, float[] e, int[] targets,
            int count, float factor) {
        int d = dimension;
        float[] u = target;
        double loss = 0.0;
        for (int i = 0; i < count; i++) {
            int row = targets[i];
            outsideVectors.getRow(row, u);
            float score = ops.dot(v, u, padded);
            // J_i = softplus(z) with z = −s for the outside word, z = s for a negative; ∂J_i/∂s = ∓σ(z)
            float z = i == 0 ? -score : score;
            float ez = FloatKernels.exp(-Math.abs(z)); // e^(−|z|) ∈ (0, 1]
            float sigmoidZ = FloatKernels.sigmoid(z, ez);
            loss += FloatKernels.softplus(z, ez);
            float g = i == 0 ? -factor * sigmoidZ : factor * sigmoidZ; // factor · ∂J_i/∂s_i
            if (gradient == null) {
                for (int j = 0; j < d; j++) {
                    e[j] += g * u[j];
                    u[j] += g * v[j];
                }
                outsideVectors.putRow(row, u);
            } else {
                for (int j = 0; j < d; j++) {
                    e[j] += g * u[j];
                }
                gradient.addToRow(row, g, v);
            }
        }
        return loss;
    }

    /** Σ a[j]·b[j] with four accumulators (float addition is not reassociated by the JIT). */
    public static float dot(float[] a, float[] b, int d) {
        return ScalarRowOps.INSTANCE.dot(a, b, d);
    }
}
