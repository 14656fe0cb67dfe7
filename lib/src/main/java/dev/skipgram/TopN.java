package dev.skipgram;

/**
 * The {@code n} best-scoring word indices of one scan, kept in a bounded min-heap: O(V log n) for a
 * scan of V scores, with no object per word. Higher scores are better; among equal scores the lower
 * index (the more frequent word) is better, so a scan's answer is deterministic.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class TopN {

    private final int[] index; // heap of candidates, the worst at 0
    private final double[] score;
    private int size;

    /**
     * An empty selection.
     *
     * @param n how many to keep, ≥ 0
     */
    TopN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        index = new int[n];
        score = new double[n];
    }

    /**
     * A score below which nothing enters now: −∞ until n are kept, then the worst kept score (a
     * score equal to it may still enter, with a lower index).
     */
    double threshold() {
        return size < index.length ? Double.NEGATIVE_INFINITY
                : index.length == 0 ? Double.POSITIVE_INFINITY : score[0];
    }

    /** Whether (s, w) would enter the selection now: a cheap test before any other check of w. */
    boolean admits(double s, int w) {
        return size < index.length || (index.length > 0 && better(s, w, score[0], index[0]));
    }

    /** Offers word w with score s; keeps it if it is among the best n so far. NaN scores are ignored. */
    void offer(double s, int w) {
        if (Double.isNaN(s) || !admits(s, w)) {
            return;
        }
        if (size < index.length) {
            index[size] = w;
            score[size] = s;
            siftUp(size++);
        } else {
            index[0] = w;
            score[0] = s;
            siftDown(0);
        }
    }

    /**
     * The kept indices, best first.
     *
     * @return a new array of at most n indices
     */
    int[] indicesBestFirst() {
        int[] heap = index.clone();
        double[] scores = score.clone();
        int[] out = new int[size];
        for (int k = size - 1, m = size; k >= 0; k--, m--) {
            // pop the worst into the last free slot
            out[k] = heap[0];
            heap[0] = heap[m - 1];
            scores[0] = scores[m - 1];
            siftDown(heap, scores, 0, m - 1);
        }
        return out;
    }

    /** Whether (s, w) ranks above (t, v). */
    static boolean better(double s, int w, double t, int v) {
        return s > t || (s == t && w < v);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(score[parent], index[parent], score[i], index[i])) {
                break;
            }
            swap(index, score, i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        siftDown(index, score, i, size);
    }

    private static void siftDown(int[] index, double[] score, int i, int size) {
        while (true) {
            int worst = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (better(score[worst], index[worst], score[c], index[c])) {
                    worst = c;
                }
            }
            if (worst == i) {
                return;
            }
            swap(index, score, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] index, double[] score, int i, int j) {
        int w = index[i];
        index[i] = index[j];
        index[j] = w;
        double s = score[i];
        score[i] = score[j];
        score[j] = s;
    }
}
