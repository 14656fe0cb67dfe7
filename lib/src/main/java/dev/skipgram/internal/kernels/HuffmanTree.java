package dev.skipgram.internal.kernels;

import java.util.stream.IntStream;

/**
 * The binary tree of hierarchical softmax: word2vec.c's Huffman tree ({@code CreateBinaryTree})
 * over the word counts, with each word's path from the root as inner nodes and code bits (SPEC §8).
 *
 * <pre>
 * Shapes: V = vocabulary (the leaves), V − 1 inner nodes numbered 0..V−2 in merge order, root V−2
 *   path of word w:  nodes n_1..n_L (n_1 = the root), bits b_1..b_L (b_j: which child of n_j leads on)
 *   stored flat:     nodes[start(w) + j − 1] = n_j,  bits[start(w) + j − 1] = b_j,  L = length(w)
 * </pre>
 *
 * <p>Construction, as word2vec.c: the words are taken in order of descending count, ties by the lower
 * index (the word2vec recipe's vocabulary is already in that order, so the order is the identity
 * there). Two queues, the leaves from the smallest count up and the inner nodes in the order they are
 * made, are merged V − 1 times; each merge takes the smaller front twice (a leaf only if strictly
 * smaller than the inner node, as word2vec.c's {@code <}), makes inner node a from them, and gives
 * bit 1 to the second-taken child and bit 0 to the first. The code is prefix-free and minimises
 * Σ_w count_w · L_w. With V = 1 there is no inner node and the one path is empty.
 *
 * <p>Immutable and thread-safe once built; {@code O(V log V)} to build, Σ_w L_w ints and bytes to hold.
 */
public final class HuffmanTree {

    private final int size;
    private final int[] start; // [V + 1]: word w's path is [start[w], start[w + 1])
    final int[] nodes; // [Σ L] inner node indices, root first
    final byte[] bits; // [Σ L] code bits, 0 or 1
    private final int maxLength;

    private HuffmanTree(int size, int[] start, int[] nodes, byte[] bits, int maxLength) {
        this.size = size;
        this.start = start;
        this.nodes = nodes;
        this.bits = bits;
        this.maxLength = maxLength;
    }

    /**
     * Builds the tree of these counts.
     *
     * @param counts the count of each word (index = word), each ≥ 0, at least one word; not kept
     * @return the tree
     * @throws IllegalArgumentException if {@code counts} is empty, a count is negative, the counts sum
     *     past {@code Long.MAX_VALUE}, or the paths together exceed {@code Integer.MAX_VALUE} nodes
     *     (only possible with many zero counts)
     * @throws NullPointerException if {@code counts} is null
     */
    public static HuffmanTree of(long[] counts) {
        int v = counts.length;
        if (v == 0) {
            throw new IllegalArgumentException("the tree needs at least one word, got no counts");
        }
        long total = 0;
        for (int w = 0; w < v; w++) {
            if (counts[w] < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got " + counts[w] + " for word " + w);
            }
            total += counts[w];
            if (total < 0) {
                throw new IllegalArgumentException("the counts sum past " + Long.MAX_VALUE);
            }
        }
        int[] order = descendingByCount(counts); // order[k] = the word of rank k
        // word2vec.c's arrays over 2V − 1 tree positions: [0, V) the leaves by rank, V + a inner node a
        long[] count = new long[2 * v - 1];
        int[] parent = new int[2 * v - 1];
        byte[] binary = new byte[2 * v - 1];
        for (int k = 0; k < v; k++) {
            count[k] = counts[order[k]];
        }
        int leaf = v - 1; // the smallest leaf not yet merged (ranks descend in count)
        int inner = v; // the oldest inner node not yet merged
        for (int a = 0; a < v - 1; a++) {
            int made = v + a; // inner nodes made so far: [v, made)
            int first;
            if (leaf >= 0 && (inner == made || count[leaf] < count[inner])) {
                first = leaf--;
            } else {
                first = inner++;
            }
            int second;
            if (leaf >= 0 && (inner == made || count[leaf] < count[inner])) {
                second = leaf--;
            } else {
                second = inner++;
            }
            count[made] = count[first] + count[second];
            parent[first] = made;
            parent[second] = made;
            binary[second] = 1;
        }
        int[] length = new int[v];
        long sum = 0;
        int maxLength = 0;
        int root = 2 * v - 2;
        for (int k = 0; k < v; k++) {
            int l = 0;
            for (int p = k; p != root; p = parent[p]) {
                l++;
            }
            length[order[k]] = l;
            sum += l;
            maxLength = Math.max(maxLength, l);
        }
        if (sum > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the paths of " + v + " words hold " + sum
                    + " nodes, more than an int indexes (too many words with equal tiny counts)");
        }
        int[] start = new int[v + 1];
        for (int w = 0; w < v; w++) {
            start[w + 1] = start[w] + length[w];
        }
        int[] nodes = new int[(int) sum];
        byte[] bits = new byte[(int) sum];
        for (int k = 0; k < v; k++) {
            int w = order[k];
            int j = start[w + 1]; // filled leaf to root, so from the end of the path backwards
            for (int p = k; p != root; p = parent[p]) {
                j--;
                nodes[j] = parent[p] - v;
                bits[j] = binary[p];
            }
        }
        return new HuffmanTree(v, start, nodes, bits, maxLength);
    }

    /** The words sorted by descending count, ties by the lower index (a stable sort of the indices). */
    private static int[] descendingByCount(long[] counts) {
        return IntStream.range(0, counts.length).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /** @return V, the number of words (leaves) */
    public int size() {
        return size;
    }

    /**
     * Where word w's path starts in the flat arrays.
     *
     * @param word w, in {@code [0, V)}
     * @return the index of n_1 for {@link #node} and {@link #bit}
     */
    public int start(int word) {
        return start[word];
    }

    /**
     * The length of word w's path: its number of inner nodes and code bits.
     *
     * @param word w, in {@code [0, V)}
     * @return L_w, ≥ 1 when V ≥ 2
     */
    public int length(int word) {
        return start[word + 1] - start[word];
    }

    /** @return the longest path's length */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The inner node at flat index {@code i}.
     *
     * @param i {@code start(w) + j − 1} for the j-th node of w's path
     * @return n_j, in {@code [0, V − 2]}
     */
    public int node(int i) {
        return nodes[i];
    }

    /**
     * The code bit at flat index {@code i}.
     *
     * @param i {@code start(w) + j − 1} for the j-th bit of w's code
     * @return b_j, 0 or 1
     */
    public int bit(int i) {
        return bits[i];
    }

    /**
     * Word w's code as a string of bits from the root, for tests and messages.
     *
     * @param word w
     * @return for example {@code "0110"}
     */
    public String code(int word) {
        StringBuilder sb = new StringBuilder(length(word));
        for (int i = start[word]; i < start[word + 1]; i++) {
            sb.append(bits[i]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "HuffmanTree[V=" + size + ", longest path " + maxLength + ", " + start[size] + " nodes on all paths]";
    }
}
