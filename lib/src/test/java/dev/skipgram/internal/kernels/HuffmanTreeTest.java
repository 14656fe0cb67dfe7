package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.random.RestorableRandom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree's properties: a prefix-free code of optimal expected length, and word2vec.c's node numbering. */
class HuffmanTreeTest {

    /** Counts of one of several shapes: Zipf-like, many ties, zeros, a single huge count. */
    private static long[] counts(long seed, int v) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        long[] counts = new long[v];
        for (int w = 0; w < v; w++) {
            counts[w] = switch ((int) (seed % 4)) {
                case 0 -> 1 + 100_000 / (w + 1);
                case 1 -> 1 + rng.nextInt(3); // ties everywhere
                case 2 -> rng.nextInt(5); // zeros
                default -> w == 0 ? 1_000_000_000_000L : 1 + rng.nextInt(1000);
            };
        }
        return counts;
    }

    /** The optimal Huffman cost Σ count·L, independently: the sum of every merge's weight. */
    private static long optimalCost(long[] counts) {
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (long c : counts) {
            queue.add(c);
        }
        long cost = 0;
        while (queue.size() > 1) {
            long merged = queue.poll() + queue.poll();
            cost += merged;
            queue.add(merged);
        }
        return cost;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 257, 2000})
    void theCodeIsPrefixFreeAndOfOptimalExpectedLength(int v) {
        for (long seed = 0; seed < 8; seed++) {
            long[] counts = counts(seed, v);
            HuffmanTree tree = HuffmanTree.of(counts);
            long cost = 0;
            for (int w = 0; w < v; w++) {
                cost += counts[w] * tree.length(w);
            }
            assertEquals(optimalCost(counts), cost, "seed " + seed);
            if (v <= 257) {
                for (int a = 0; a < v; a++) {
                    for (int b = 0; b < v; b++) {
                        assertFalse(a != b && tree.code(b).startsWith(tree.code(a)),
                                tree.code(a) + " is a prefix of " + tree.code(b));
                    }
                }
            }
        }
    }

    @Test
    void pathsStartAtTheRootAndTheirNodesAreTheParentsOfEachOther() {
        int v = 300;
        HuffmanTree tree = HuffmanTree.of(counts(4, v));
        int[] parentOf = new int[v - 1]; // parentOf[n] = n's parent, −1 for the root
        java.util.Arrays.fill(parentOf, -2);
        for (int w = 0; w < v; w++) {
            int start = tree.start(w);
            assertEquals(v - 2, tree.node(start), "the root is V − 2");
            int longest = 0;
            for (int j = 0; j < tree.length(w); j++) {
                int n = tree.node(start + j);
                int parent = j == 0 ? -1 : tree.node(start + j - 1);
                assertTrue(parentOf[n] == -2 || parentOf[n] == parent, "node " + n + " has two parents");
                parentOf[n] = parent;
                assertTrue(j == 0 || n < parent, "a node is made before its parent");
                longest = Math.max(longest, j + 1);
            }
            assertTrue(longest <= tree.maxLength());
        }
        for (int n = 0; n < v - 1; n++) {
            assertTrue(parentOf[n] != -2, "inner node " + n + " is on no path");
        }
    }

    @Test
    void theCodesOfTheRankedWordsFollowTheCounts() {
        // A more frequent word never has a longer code.
        long[] counts = counts(0, 500);
        HuffmanTree tree = HuffmanTree.of(counts);
        for (int w = 1; w < counts.length; w++) {
            assertTrue(counts[w - 1] < counts[w] || tree.length(w - 1) <= tree.length(w), "word " + w);
        }
    }

    /**
     * gensim's tree (its heapq merge, {@code _assign_binary_codes}) on a vocabulary whose merge never
     * ties, where the Huffman tree is unique: the same code bits and the same inner nodes, numbered in
     * merge order, as word2vec.c's two-queue merge gives. Golden lines from
     * {@code scripts/huffman_gensim_golden.py}.
     */
    @Test
    void theCodesAndNodesAreGensims() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = HuffmanTreeTest.class.getResourceAsStream("/golden/huffman-gensim.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    lines.add(line.trim().split(" "));
                }
            }
        }
        long[] counts = new long[lines.size()];
        for (String[] fields : lines) {
            counts[Integer.parseInt(fields[0])] = Long.parseLong(fields[1]);
        }
        HuffmanTree tree = HuffmanTree.of(counts);
        for (String[] fields : lines) {
            int w = Integer.parseInt(fields[0]);
            assertEquals(fields[2], tree.code(w), "code of word " + w);
            StringBuilder nodes = new StringBuilder();
            for (int j = 0; j < tree.length(w); j++) {
                nodes.append(j == 0 ? "" : ",").append(tree.node(tree.start(w) + j));
            }
            assertEquals(fields[3], nodes.toString(), "path of word " + w);
        }
    }
}
