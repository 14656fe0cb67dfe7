package dev.skipgram.loss;

import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.internal.kernels.LogisticMath;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hierarchical softmax loss: the outside word's probability as a product of binary decisions
 * along its path in word2vec.c's Huffman tree over the word counts.
 *
 * <pre>
 *   path of o: inner nodes n_1..n_L (root first), code bits b_1..b_L;  s_j = u_{n_j}ᵀ v_c
 *   J = −Σ_j log σ((1 − 2 b_j) s_j)
 *   ∂J/∂v_c = Σ_j (σ(s_j) − (1 − b_j)) u_{n_j}      ∂J/∂u_{n_j} = (σ(s_j) − (1 − b_j)) v_c
 * </pre>
 * Every other row of ∂J/∂U is zero. U keeps the shape [V, d] of the other losses, as word2vec.c's
 * {@code syn1}, but its rows mean something else: row n is inner node n (0..V−2, the root V−2), and
 * row V−1 is unused (its gradient is always zero). The leaf probabilities Π_j σ((1 − 2 b_j) s_j) sum
 * to 1 over the vocabulary for any v_c, so this is a normalised model at O(L·d) ≈ O(d log V) a pair.
 *
 * <p>The tree (SPEC §8): the words in order of descending count, ties by the lower index, merged by
 * word2vec.c's two-queue {@code CreateBinaryTree}; the second-smallest child of each merge gets bit 1,
 * and inner nodes are numbered in merge order. log σ is computed as −softplus(−x), so J is finite and
 * exact for scores of any magnitude.
 *
 * <p>Immutable, stateless between calls and thread-safe; makes no random choice, so the generator is
 * ignored and may be null. The vectors must not be null.
 */
public final class HierarchicalSoftmaxLoss implements Loss {

    private final HuffmanTree tree;

    /**
     * Builds the tree of these counts.
     *
     * @param counts the count of each word (index = word index), each ≥ 0, at least one; not kept
     * @throws IllegalArgumentException if {@code counts} is empty or a count is negative (the message
     *     names it)
     * @throws NullPointerException if {@code counts} is null
     */
    public HierarchicalSoftmaxLoss(long[] counts) {
        this.tree = HuffmanTree.of(Objects.requireNonNull(counts, "counts"));
    }

    /**
     * The vocabulary size the tree was built for: {@code outsideVectors} must have this many rows.
     *
     * @return V
     */
    public int vocabularySize() {
        return tree.size();
    }

    /**
     * The length of a word's code: the number of inner nodes on its path, the O(L·d) of a pair.
     *
     * @param word the word, in {@code [0, V)}
     * @return L ≥ 1 (0 only for a vocabulary of one word)
     * @throws IllegalArgumentException if {@code word} is out of range
     */
    public int codeLength(int word) {
        checkWord(word);
        return tree.length(word);
    }

    /**
     * A word's code bits from the root, as a string such as {@code "0110"}.
     *
     * @param word the word, in {@code [0, V)}
     * @return b_1..b_L
     * @throws IllegalArgumentException if {@code word} is out of range
     */
    public String code(int word) {
        checkWord(word);
        return tree.code(word);
    }

    /**
     * The inner nodes on a word's path from the root: the rows of U its loss reads.
     *
     * @param word the word, in {@code [0, V)}
     * @return n_1..n_L, a new array (n_1 = V − 2, the root)
     * @throws IllegalArgumentException if {@code word} is out of range
     */
    public int[] path(int word) {
        checkWord(word);
        int[] path = new int[tree.length(word)];
        for (int j = 0; j < path.length; j++) {
            path[j] = tree.node(tree.start(word) + j);
        }
        return path;
    }

    private void checkWord(int word) {
        if (word < 0 || word >= tree.size()) {
            throw new IllegalArgumentException("word " + word + " is outside [0, " + tree.size() + ")");
        }
    }

    @Override
    public LossAndGradient lossAndGradient(
            INDArray centerVector, int outsideIndex, INDArray outsideVectors, RandomGenerator rng) {
        LossArguments.check(centerVector, outsideIndex, outsideVectors);
        if (outsideVectors.rows() != tree.size()) {
            throw new IllegalArgumentException("outsideVectors must have one row per word of the tree (V = "
                    + tree.size() + "), got " + outsideVectors.rows());
        }
        long dimension = centerVector.length();
        INDArray outsideGradient = Nd4j.zeros(centerVector.dataType(), tree.size(), dimension); // [V, d]
        int[] nodes = path(outsideIndex);
        if (nodes.length == 0) { // V = 1: the only word has probability 1
            return new LossAndGradient(0.0, Nd4j.zeros(centerVector.dataType(), dimension), outsideGradient);
        }
        INDArray rows = outsideVectors.getRows(nodes); // [L, d], a copy
        INDArray scores = rows.mmul(centerVector.reshape(dimension, 1)); // [L, 1]
        double loss = 0.0;
        double[] coefficient = new double[nodes.length]; // ∂J/∂s_j = σ(s_j) − (1 − b_j)
        for (int j = 0; j < nodes.length; j++) {
            double score = scores.getDouble(j, 0);
            int bit = tree.bit(tree.start(outsideIndex) + j);
            loss -= LogisticMath.logSigmoid((1 - 2 * bit) * score);
            // σ(s) − 1 = −σ(−s) for bit 0, kept exact where σ(s) rounds to 1
            coefficient[j] = bit == 1 ? LogisticMath.sigmoid(score) : -LogisticMath.sigmoid(-score);
        }
        INDArray coefficients = Nd4j.createFromArray(coefficient).castTo(centerVector.dataType())
                .reshape(nodes.length, 1);
        INDArray centerGradient = rows.transpose().mmul(coefficients).reshape(dimension); // [d]
        for (int j = 0; j < nodes.length; j++) { // the nodes of a path are distinct
            outsideGradient.getRow(nodes[j]).assign(centerVector.mul(coefficient[j]));
        }
        return new LossAndGradient(loss, centerGradient, outsideGradient);
    }

    @Override
    public String toString() {
        return "HierarchicalSoftmaxLoss[" + tree + "]";
    }
}
