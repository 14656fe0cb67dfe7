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
 *   h = v_input;  O [L, d] = the path's rows, gathered
 *   s = O h                                   [L]      (one dots call)
 *   g_j = −η ∂J/∂s_j = η ((1 − b_j) − σ(s_j))
 *   e = gᵀ O                                  [d];     ΔO = g hᵀ   [L, d]
 *   v_input += e;  u_{n_j} += ΔO_j
 *   returns J = Σ_j softplus((2 b_j − 1) s_j) = −Σ_j log σ((1 − 2 b_j) s_j)
 * </pre>
 * This is exactly −η times the gradient of SPEC §8 (the reference {@link
 * dev.skipgram.loss.HierarchicalSoftmaxLoss}), applied to both matrices: the nodes of a path are
 * distinct and every s_j is taken with h as it was when the pair started, so computing all the scores
 * first is word2vec.c's per-pair update. The step is {@link WindowHierarchicalSoftmaxUpdate}'s with
 * one input row (n = 1): the row arithmetic of {@link RowOps} over zero-padded scratch rows.
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
    private final WindowHierarchicalSoftmaxUpdate window; // the step with one input row
    private final int[] inputRows = new int[1];
    private final float[] input;
    private final float[] inputUpdate;
    private final float[] node;

    /**
     * The kernel with this JVM's fastest row arithmetic ({@link RowOps#fastest()}).
     *
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, the length of every row, ≥ 1
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public HierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension) {
        this(tree, dimension, RowOps.fastest());
    }

    /**
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, the length of every row, ≥ 1
     * @param ops the row arithmetic (scalar or Vector API)
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public HierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, RowOps ops) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.tree = Objects.requireNonNull(tree, "tree");
        this.dimension = dimension;
        this.window = new WindowHierarchicalSoftmaxUpdate(tree, dimension, 1, ops);
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
        inputRows[0] = inputRow;
        return window.apply(inputs, outputs, inputRows, 1, targets, count, learningRate);
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

    /** The loop over one path: −{@code rate} times the gradient of the pair, added to {@code gradient}. */
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
            FloatKernels.axpy(g, u, e, d);
            gradient.addToRow(row, g, h);
        }
        return loss;
    }
}
