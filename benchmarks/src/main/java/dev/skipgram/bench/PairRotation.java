package dev.skipgram.bench;

/**
 * A fixed cycle of pre-generated (centre, outside) pairs that a benchmark steps through, one pair a
 * call. Consecutive calls see different words, so the JIT cannot fold a constant input, and the
 * cost of the rotation is an increment, a mask and two array reads (measured by {@link
 * BaselineBenchmark}).
 *
 * <p>Mutable and not thread-safe: one rotation per benchmark thread ({@code Scope.Thread} state).
 */
public final class PairRotation {

    private final int[] centers;
    private final int[] outsides;
    private final int mask;
    private int position;

    /**
     * Creates a rotation over the pairs {@code (centers[i], outsides[i])}, starting at pair 0. The
     * arrays are used as they are, not copied.
     *
     * @param centers the centre words
     * @param outsides the outside words, as many as {@code centers}
     * @throws IllegalArgumentException if the lengths differ or are not a power of two
     */
    public PairRotation(int[] centers, int[] outsides) {
        if (centers.length != outsides.length) {
            throw new IllegalArgumentException("centers has " + centers.length + " words but outsides has "
                    + outsides.length);
        }
        if (Integer.bitCount(centers.length) != 1) {
            throw new IllegalArgumentException("the number of pairs must be a power of two, got " + centers.length);
        }
        this.centers = centers;
        this.outsides = outsides;
        this.mask = centers.length - 1;
    }

    /**
     * Moves to the next pair.
     *
     * @return the index of the pair to use now, in {@code [0, size())}
     */
    public int next() {
        int i = position;
        position = (i + 1) & mask;
        return i;
    }

    /** Returns the centre word of pair {@code i}. */
    public int center(int i) {
        return centers[i];
    }

    /** Returns the outside word of pair {@code i}. */
    public int outside(int i) {
        return outsides[i];
    }

    /** Returns the number of pairs in the cycle. */
    public int size() {
        return centers.length;
    }
}
