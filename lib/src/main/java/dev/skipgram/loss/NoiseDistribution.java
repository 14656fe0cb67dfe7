package dev.skipgram.loss;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * The noise distribution of negative sampling, P_n(w) ∝ count(w)^α (α = 0.75 by default), sampled
 * exactly in O(1) per draw by Walker's alias method (Vose's construction).
 *
 * <p>word2vec.c and the CS224n code approximate P_n with a table of 10^8 or 10^6 word slots, which
 * rounds each probability to a multiple of the slot size; the alias method needs 2·V entries and
 * has no such rounding. Words with count 0 are never drawn.
 *
 * <p>Immutable and thread-safe: all randomness comes from the generator passed to {@link #sample}.
 */
public final class NoiseDistribution implements NegativeSampler {

    /** The exponent of word2vec and CS224n. */
    public static final double DEFAULT_EXPONENT = 0.75;

    private final double[] probability; // exact P_n(w), for callers and tests
    private final double[] keep; // alias method: keep column i with probability keep[i] ...
    private final int[] alias; // ... otherwise answer alias[i]

    /**
     * Builds P_n(w) ∝ count(w)^0.75.
     *
     * @param counts the count of every word, each ≥ 0, at least one > 0
     */
    public NoiseDistribution(long[] counts) {
        this(counts, DEFAULT_EXPONENT);
    }

    /**
     * Builds P_n(w) ∝ count(w)^0.75 from {@code int} counts.
     *
     * @param counts the count of every word, each ≥ 0, at least one > 0
     */
    public NoiseDistribution(int[] counts) {
        this(counts, DEFAULT_EXPONENT);
    }

    /**
     * Builds P_n(w) ∝ count(w)^exponent from {@code int} counts.
     *
     * @param counts the count of every word, each ≥ 0, at least one > 0
     * @param exponent α, finite and ≥ 0
     */
    public NoiseDistribution(int[] counts, double exponent) {
        this(Arrays.stream(counts).asLongStream().toArray(), exponent);
    }

    /**
     * Builds P_n(w) ∝ count(w)^exponent.
     *
     * @param counts the count of every word, each ≥ 0, at least one > 0
     * @param exponent α, finite and ≥ 0 (0 gives the uniform distribution over words seen)
     * @throws IllegalArgumentException if a count is negative, all are zero, or the exponent is
     *     negative or not finite
     */
    public NoiseDistribution(long[] counts, double exponent) {
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("exponent must be finite and >= 0, got " + exponent);
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts must not be empty");
        }
        int n = counts.length;
        double[] weight = new double[n];
        double total = 0.0;
        for (int w = 0; w < n; w++) {
            if (counts[w] < 0) {
                throw new IllegalArgumentException("counts[" + w + "] is negative: " + counts[w]);
            }
            weight[w] = counts[w] == 0 ? 0.0 : Math.pow(counts[w], exponent);
            total += weight[w];
        }
        if (total == 0.0) {
            throw new IllegalArgumentException("all " + n + " counts are zero");
        }
        probability = new double[n];
        for (int w = 0; w < n; w++) {
            probability[w] = weight[w] / total;
        }
        keep = new double[n];
        alias = new int[n];
        buildAliasTable(n);
    }

    private void buildAliasTable(int n) {
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int w = 0; w < n; w++) {
            scaled[w] = probability[w] * n;
            (scaled[w] < 1.0 ? small : large).push(w);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int less = small.pop();
            int more = large.pop();
            keep[less] = scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1.0;
            (scaled[more] < 1.0 ? small : large).push(more);
        }
        // What is left has scaled weight 1 up to rounding: always keep it.
        for (Deque<Integer> rest : Arrays.asList(small, large)) {
            while (!rest.isEmpty()) {
                int w = rest.pop();
                keep[w] = 1.0;
                alias[w] = w;
            }
        }
    }

    /** Returns V, the number of words. */
    public int size() {
        return probability.length;
    }

    /**
     * Returns P_n(word), the exact probability that {@link #sample} returns {@code word}.
     *
     * @param word an index in {@code [0, V)}
     */
    public double probability(int word) {
        return probability[word];
    }

    @Override
    public int sample(RandomGenerator rng) {
        int column = rng.nextInt(keep.length);
        return rng.nextDouble() < keep[column] ? column : alias[column];
    }

    @Override
    public String toString() {
        return "NoiseDistribution[V=" + probability.length + "]";
    }
}
