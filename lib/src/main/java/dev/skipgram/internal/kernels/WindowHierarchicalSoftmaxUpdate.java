package dev.skipgram.internal.kernels;

import java.util.Arrays;
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
 * first order in η. The window reads and writes the L path rows once instead of n times, and computes
 * ΔO by the path (each node's row once) where the per-pair kernel writes it n times. The arithmetic
 * follows {@link WindowNegativeSamplingUpdate}, with the labels taken from the code bits and the dots
 * from {@link FloatKernels#dot}.
 */
public final class WindowHierarchicalSoftmaxUpdate implements SharedTargetsUpdate {

    private final HuffmanTree tree;
    private final int dimension;
    private final int maxInputs;
    private final float[][] c; // C [maxInputs][d]
    private final float[][] o; // O [maxLength][d]
    private final float[][] dc; // ΔC [maxInputs][d]
    private final float[] dO; // one row of ΔO at a time
    private final float[] g; // G [maxInputs, maxLength], row-major
    private final float[] row; // scratch for the scatter-add

    /**
     * @param tree the tree of the vocabulary; shared, read-only
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize), ≥ 1
     * @throws IllegalArgumentException naming a value below 1
     */
    public WindowHierarchicalSoftmaxUpdate(HuffmanTree tree, int dimension, int maxInputs) {
        if (dimension < 1 || maxInputs < 1) {
            throw new IllegalArgumentException("dimension and maxInputs must be >= 1, got " + dimension + ", "
                    + maxInputs);
        }
        this.tree = Objects.requireNonNull(tree, "tree");
        this.dimension = dimension;
        this.maxInputs = maxInputs;
        int maxLength = Math.max(1, tree.maxLength());
        this.c = new float[maxInputs][dimension];
        this.o = new float[maxLength][dimension];
        this.dc = new float[maxInputs][dimension];
        this.dO = new float[dimension];
        this.g = new float[maxInputs * maxLength];
        this.row = new float[dimension];
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
        int d = dimension;
        int n = inputCount;
        int start = tree.start(targets[0]);
        int length = tree.length(targets[0]);
        int[] nodes = tree.nodes;
        byte[] bits = tree.bits;
        for (int i = 0; i < n; i++) {
            inputs.getRow(inputRows[i], c[i]);
            Arrays.fill(dc[i], 0f);
        }
        for (int j = 0; j < length; j++) {
            outputs.getRow(nodes[start + j], o[j]);
        }
        // S, then G = −η ∂J/∂S and J; ΔC = G O as it goes
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            float[] ci = c[i];
            float[] dci = dc[i];
            for (int j = 0; j < length; j++) {
                float score = FloatKernels.dot(ci, o[j], d);
                // J_ij = softplus(z) with z = (2b − 1) s; ∂J_ij/∂s = (2b − 1) σ(z)
                boolean one = bits[start + j] != 0;
                float z = one ? score : -score;
                float ez = FloatKernels.exp(-Math.abs(z)); // e^(−|z|) ∈ (0, 1]
                float sigmoidZ = FloatKernels.sigmoid(z, ez);
                loss += FloatKernels.softplus(z, ez);
                float gij = one ? -learningRate * sigmoidZ : learningRate * sigmoidZ;
                g[i * length + j] = gij;
                FloatKernels.axpy(gij, o[j], dci, d);
            }
        }
        // ΔO row by row (Gᵀ C), added to its node at once; then ΔC
        for (int j = 0; j < length; j++) {
            Arrays.fill(dO, 0f);
            for (int i = 0; i < n; i++) {
                FloatKernels.axpy(g[i * length + j], c[i], dO, d);
            }
            outputs.addToRow(nodes[start + j], dO, row);
        }
        for (int i = 0; i < n; i++) {
            inputs.addToRow(inputRows[i], dc[i], row);
        }
        return loss;
    }
}
