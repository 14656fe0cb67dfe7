package dev.skipgram.internal.kernels;

import java.util.Objects;

/**
 * One SGD step of hierarchical softmax on a whole window whose n context words all predict the same
 * word w_t, so that they share its path (HogBatch applied to the tree), fused and in place. Per-thread:
 * it owns scratch rows, so give each worker its own instance (they may share the tree).
 *
 * <pre>
 * Shapes: d = dimension, n = the window's inputs (n ≤ 2·windowSize), L = w_t's path length
 *   inputVectors    [V, d]  row w = v_w;  C [n, d] = the rows of inputRows, gathered
 *   outputVectors   [V, d]  row m = u_m, inner node m;  O [L, d] = the rows of w_t's path n_1..n_L
 *   targets[0] = w_t, targetCount = 1 (the path, not sampled words, picks O); labels ℓ_j = 1 − b_j
 *
 *   S  = C Oᵀ                                    [n, L]
 *   J  = Σ_i Σ_j softplus((2 b_j − 1) S_ij)       (each row: one pair's loss, SPEC §8)
 *   G  = −η ∂J/∂S = η (ℓ − σ(S))                  [n, L]
 *   ΔC = G O,  ΔO = Gᵀ C  (both from the rows before the step), then scatter-added
 * </pre>
 * This is exactly −η times the gradient of the window's loss (the sum of the reference {@link
 * dev.skipgram.loss.HierarchicalSoftmaxLoss} over its n pairs). word2vec.c's per-pair update ({@link
 * HierarchicalSoftmaxUpdate}) instead lets each pair see the previous pair's step; the two agree to
 * first order in η. The window reads and writes the L path rows once instead of n times. The
 * arithmetic is {@link WindowNegativeSamplingUpdate}'s (its {@code applyLabelled}, with this JVM's
 * {@link RowOps}), the path's rows as its targets and the labels taken from the code bits.
 */
public final class WindowHierarchicalSoftmaxUpdate implements SharedTargetsUpdate {

    private final HuffmanTree tree;
    private final int maxInputs;
    private final WindowNegativeSamplingUpdate window; // the S = C Oᵀ, ΔC = G O, ΔO = Gᵀ C step, L targets
    private final int[] path; // the predicted word's inner nodes
    private final boolean[] label; // ℓ_j = 1 − b_j

    /**
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize), ≥ 1
     * @throws IllegalArgumentException naming a value below 1
     */
    public WindowHierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, int maxInputs) {
        this(tree, dimension, maxInputs, RowOps.fastest());
    }

    /**
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize), ≥ 1
     * @param ops the row arithmetic (scalar or Vector API)
     * @throws IllegalArgumentException naming a value below 1
     */
    public WindowHierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, int maxInputs, RowOps ops) {
        this(tree, dimension, maxInputs, ops, false);
    }

    /**
     * With {@code mean}, the CBOW form: the n inputs' mean follows the path ({@link
     * WindowNegativeSamplingUpdate.Form#MEAN}), and {@code apply} returns that one prediction's loss.
     */
    WindowHierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, int maxInputs, RowOps ops, boolean mean) {
        this(tree, dimension, maxInputs, ops, mean ? WindowNegativeSamplingUpdate.Form.MEAN
                : WindowNegativeSamplingUpdate.Form.BATCHED);
    }

    /**
     * The word2vec.c order on rows gathered once per window: the window's pairs follow the path one
     * after the other, each seeing the path's rows as the earlier pairs left them ({@link
     * WindowNegativeSamplingUpdate.Form#SEQUENTIAL}); what {@code negativeSharing = PAIR} trains with
     * hierarchical softmax.
     *
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize), ≥ 1
     * @param ops the row arithmetic (scalar or Vector API)
     * @return the kernel
     * @throws IllegalArgumentException naming a value below 1
     */
    public static WindowHierarchicalSoftmaxUpdate sequential(HuffmanTree tree, int dimension, int maxInputs,
            RowOps ops) {
        return new WindowHierarchicalSoftmaxUpdate(tree, dimension, maxInputs, ops,
                WindowNegativeSamplingUpdate.Form.SEQUENTIAL);
    }

    private WindowHierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, int maxInputs, RowOps ops,
            WindowNegativeSamplingUpdate.Form form) {
        if (dimension < 1 || maxInputs < 1) {
            throw new IllegalArgumentException("dimension and maxInputs must be >= 1, got " + dimension + ", "
                    + maxInputs);
        }
        this.tree = Objects.requireNonNull(tree, "tree");
        this.maxInputs = maxInputs;
        int maxLength = Math.max(1, tree.maxLength());
        this.window = WindowNegativeSamplingUpdate.of(form, dimension, maxInputs, maxLength, ops);
        this.path = new int[maxLength];
        this.label = new boolean[maxLength];
    }

    @Override
    public int maxInputs() {
        return maxInputs;
    }

    /** @return 1: the predicted word, whose path gives the output rows */
    @Override
    public int maxTargets() {
        return 1;
    }

    @Override
    public double apply(FloatMatrix inputs, FloatMatrix outputs, int[] inputRows, int inputCount, int[] targets,
            int targetCount, float learningRate) {
        if (targetCount != 1 || inputCount < 0 || inputCount > maxInputs) {
            throw new IllegalArgumentException("a window of " + inputCount + " inputs and " + targetCount
                    + " targets: hierarchical softmax takes [0, " + maxInputs + "] inputs and the predicted word"
                    + " alone as its target");
        }
        int start = tree.start(targets[0]);
        int length = tree.length(targets[0]);
        if (length == 0) {
            return 0.0; // a vocabulary of one word: the root is its leaf, there is nothing to predict
        }
        for (int j = 0; j < length; j++) {
            path[j] = tree.nodes[start + j];
            label[j] = tree.bits[start + j] == 0;
        }
        return window.applyLabelled(inputs, outputs, inputRows, inputCount, path, length, label, learningRate);
    }
}
