package dev.skipgram.internal.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * One SGD step of hierarchical softmax on one (input, predicted) pair, fused and in place: the kernel
 * of the word2vec recipe for {@code LossType.HIERARCHICAL_SOFTMAX}. Per-thread: it owns scratch rows,
 * so give each worker its own instance (they may share the tree).
 *
 * <pre>
 * Shapes: d = dimension, L = the predicted word's path length (≈ log₂ V)
 *   inputs    [V, d]  row w = v_w (the pair's input)
 *   outputs   [V, d]  row n = u_n, inner node n of the tree (row V − 1 unused, as word2vec.c's syn1)
 *   targets[0] = o, the predicted word; its path n_1..n_L with bits b_1..b_L from the {@link HuffmanTree}
 *
 *   h = v_input, e = 0
 *   step:  for j = 1..L:  s_j = u_{n_j}ᵀ h
 *                         g_j = −η ∂J/∂s_j = η ((1 − b_j) − σ(s_j))
 *                         e       += g_j u_{n_j}
 *                         u_{n_j} += g_j h
 *   v_input += e
 *   returns J = Σ_j softplus((2 b_j − 1) s_j) = −Σ_j log σ((1 − 2 b_j) s_j)
 * </pre>
 * This is exactly −η times the gradient of SPEC §8 (the reference {@link
 * dev.skipgram.loss.HierarchicalSoftmaxLoss}), applied to both matrices: the nodes of a path are
 * distinct and every s_j is taken with h as it was when the pair started. {@link #step} is the core on a
 * hidden vector h, word2vec.c style, so that a caller whose h is not one row (CBOW's context mean)
 * runs the same loop and spreads e itself.
 *
 * <p>Numerics: σ and the loss come from e^(−|z|) ∈ (0, 1] ({@link FloatKernels#exp}), so scores of
 * any size give a finite loss and steps bounded by η·|h|; word2vec.c instead skips the nodes with
 * |s| &gt; 6, which this kernel does not. No INDArray is created and nothing is allocated per call; rows
 * move with bulk copies through {@link FloatMatrix}. Under Hogwild another thread may write the same
 * rows meanwhile (the root's row is on every path); an update can then be lost, as in word2vec.c.
 */
public final class HierarchicalSoftmaxUpdate implements PairUpdate {

    private final HuffmanTree tree;
    private final int dimension;
    private final float[] input;
    private final float[] inputUpdate;
    private final float[] node;

    /**
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, the length of every row, ≥ 1
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public HierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.tree = Objects.requireNonNull(tree, "tree");
        this.dimension = dimension;
        this.input = new float[dimension];
        this.inputUpdate = new float[dimension];
        this.node = new float[dimension];
    }

    /**
     * {@inheritDoc} {@code targets[0]} is the predicted word; {@code count} must be 1 (the path, not
     * sampled words, picks the output rows).
     */
    @Override
    public double apply(FloatMatrix inputs, FloatMatrix outputs, int inputRow, int[] targets, int count,
            float learningRate) {
        inputs.getRow(inputRow, input);
        Arrays.fill(inputUpdate, 0f);
        double loss = step(outputs, input, inputUpdate, targets[0], learningRate);
        inputs.addToRow(inputRow, inputUpdate, node);
        return loss;
    }

    /**
     * The step on a hidden vector: for each inner node n_j on {@code word}'s path, s = u_{n_j}ᵀ h,
     * g = η·((1 − b_j) − σ(s)); {@code hUpdate} += g·u_{n_j}; u_{n_j} += g·h (in {@code outputs}).
     * {@code h} is read, never written.
     *
     * @param outputs the inner nodes' rows, updated in place
     * @param h the hidden vector, d floats
     * @param hUpdate accumulates −η ∂J/∂h, d floats (not cleared first)
     * @param word the predicted word, in {@code [0, V)}
     * @param learningRate η
     * @return the pair's loss J at the parameters as they were before the step
     */
    public double step(FloatMatrix outputs, float[] h, float[] hUpdate, int word, float learningRate) {
        return path(outputs, 0, null, h, hUpdate, word, learningRate);
    }

    /**
     * The gradient form, for an objective that hands the step to an optimiser (the CS224n recipe):
     * adds {@code scale} times the pair's gradient to {@code gradient}, the parameters read-only. Both
     * halves live in one [2V, d] matrix there, so the inner node n's row is {@code nodeOffset + n}.
     *
     * <pre>
     *   gradient[centerRow]           += scale · Σ_j (σ(s_j) − (1 − b_j)) u_{n_j}
     *   gradient[nodeOffset + n_j]    += scale · (σ(s_j) − (1 − b_j)) v_c
     * </pre>
     *
     * @param parameters the matrix holding v_c and the inner nodes' rows; not modified
     * @param gradient a matrix of the same shape, accumulated into
     * @param centerRow the row of v_c
     * @param nodeOffset the row of inner node 0
     * @param word the predicted word o
     * @param scale the factor on the gradient (1 / windows per step)
     * @return the pair's loss J
     */
    public double addGradient(FloatMatrix parameters, FloatMatrix gradient, int centerRow, int nodeOffset, int word,
            float scale) {
        parameters.getRow(centerRow, input);
        Arrays.fill(inputUpdate, 0f);
        double loss = path(parameters, nodeOffset, gradient, input, inputUpdate, word, -scale);
        gradient.addToRow(centerRow, 1f, inputUpdate);
        return loss;
    }

    /**
     * The loop over one path. With {@code gradient} null, the SGD step in place at learning rate
     * {@code rate}; otherwise −{@code rate} times the gradient added to {@code gradient}.
     */
    private double path(FloatMatrix outputs, int nodeOffset, FloatMatrix gradient, float[] h, float[] e, int word,
            float rate) {
        int d = dimension;
        float[] u = node;
        int[] nodes = tree.nodes;
        byte[] bits = tree.bits;
        double loss = 0.0;
        for (int i = tree.start(word), end = i + tree.length(word); i < end; i++) {
            int row = nodeOffset + nodes[i];
            outputs.getRow(row, u);
            float score = FloatKernels.dot(h, u, d);
            // J_j = softplus(z) with z = (2b − 1) s; ∂J_j/∂s = (2b − 1) σ(z) = σ(s) − (1 − b)
            boolean one = bits[i] != 0;
            float z = one ? score : -score;
            float ez = FloatKernels.exp(-Math.abs(z)); // e^(−|z|) ∈ (0, 1]
            float sigmoidZ = FloatKernels.sigmoid(z, ez);
            loss += FloatKernels.softplus(z, ez);
            float g = one ? -rate * sigmoidZ : rate * sigmoidZ; // −rate · ∂J_j/∂s
            if (gradient == null) {
                for (int j = 0; j < d; j++) {
                    e[j] += g * u[j];
                    u[j] += g * h[j];
                }
                outputs.putRow(row, u);
            } else {
                for (int j = 0; j < d; j++) {
                    e[j] += g * u[j];
                }
                gradient.addToRow(row, g, h);
            }
        }
        return loss;
    }
}
