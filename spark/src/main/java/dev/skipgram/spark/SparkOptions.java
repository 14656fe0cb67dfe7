package dev.skipgram.spark;

import java.util.Objects;

/**
 * How {@link SparkSkipGram} spreads training over a cluster, validated when constructed: partitions,
 * synchronous rounds per epoch, how rows are merged and the broadcast budget. The model's settings
 * stay in {@link dev.skipgram.SkipGramConfig}.
 *
 * <p>Immutable and thread-safe. {@code merge} must not be null.
 *
 * @param partitions the partitions that train in parallel, ≥ 1; the sentences are split into this
 *     many contiguous ranges, in order (an RDD that already has this many partitions is used as it is)
 * @param roundsPerEpoch synchronous rounds per pass over the corpus, ≥ 1: each round broadcasts the
 *     parameters, every partition trains its next share and returns the rows it changed, and the
 *     driver merges them
 * @param merge how rows changed by several partitions are merged
 * @param maxBroadcastBytes the most bytes of parameters (2·V·d floats, 4 bytes each) a round may
 *     broadcast, ≥ 1 and at most {@link #MAX_BROADCAST_BYTES}; a larger vocabulary is refused before
 *     any round starts
 */
public record SparkOptions(int partitions, int roundsPerEpoch, RowMerge merge, long maxBroadcastBytes) {

    /** The largest broadcast: two float arrays of at most 2^31 − 9 values each (Java's array limit). */
    public static final long MAX_BROADCAST_BYTES = 2L * (Integer.MAX_VALUE - 8) * Float.BYTES;

    /**
     * The default rounds per epoch: on gut8 with 2 partitions in separate executors, 32 rounds
     * matched the single machine on analogies and WS-353, where 16 lost 0.7 and 4 points and 4 lost
     * 7 and 5 (docs/distributed.md).
     */
    public static final int DEFAULT_ROUNDS_PER_EPOCH = 32;

    /** The default broadcast budget: 2 GiB of parameters (V·d up to 2^28). */
    public static final long DEFAULT_MAX_BROADCAST_BYTES = 1L << 31;

    /**
     * Validates every field; the message names the field and its bad value.
     *
     * @param partitions ≥ 1
     * @param roundsPerEpoch ≥ 1
     * @param merge not null
     * @param maxBroadcastBytes in [1, {@link #MAX_BROADCAST_BYTES}]
     * @throws IllegalArgumentException naming the first field out of range
     * @throws NullPointerException if {@code merge} is null
     */
    public SparkOptions {
        Objects.requireNonNull(merge, "merge");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (roundsPerEpoch < 1) {
            throw new IllegalArgumentException("roundsPerEpoch must be >= 1, got " + roundsPerEpoch);
        }
        if (maxBroadcastBytes < 1 || maxBroadcastBytes > MAX_BROADCAST_BYTES) {
            throw new IllegalArgumentException("maxBroadcastBytes must be in [1, " + MAX_BROADCAST_BYTES + "], got "
                    + maxBroadcastBytes);
        }
    }

    /**
     * The defaults for {@code partitions} partitions: {@value #DEFAULT_ROUNDS_PER_EPOCH} rounds per
     * epoch, rows summed, a 2 GiB broadcast budget.
     *
     * @param partitions ≥ 1
     * @return the options
     * @throws IllegalArgumentException if {@code partitions} is below 1
     */
    public static SparkOptions of(int partitions) {
        return new SparkOptions(partitions, DEFAULT_ROUNDS_PER_EPOCH, RowMerge.SUM, DEFAULT_MAX_BROADCAST_BYTES);
    }

    /**
     * These options with other rounds per epoch.
     *
     * @param rounds ≥ 1
     * @return new options
     * @throws IllegalArgumentException if {@code rounds} is below 1
     */
    public SparkOptions withRoundsPerEpoch(int rounds) {
        return new SparkOptions(partitions, rounds, merge, maxBroadcastBytes);
    }

    /**
     * These options with another merge.
     *
     * @param m not null
     * @return new options
     */
    public SparkOptions withMerge(RowMerge m) {
        return new SparkOptions(partitions, roundsPerEpoch, m, maxBroadcastBytes);
    }

    /**
     * These options with another broadcast budget.
     *
     * @param bytes in [1, {@link #MAX_BROADCAST_BYTES}]
     * @return new options
     * @throws IllegalArgumentException if {@code bytes} is out of range
     */
    public SparkOptions withMaxBroadcastBytes(long bytes) {
        return new SparkOptions(partitions, roundsPerEpoch, merge, bytes);
    }
}
