package dev.skipgram.spark;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * How {@link SparkSkipGram} spreads training over a cluster, validated when constructed: partitions,
 * synchronous rounds per epoch, how rows are merged, the broadcast budget, and where the driver
 * checkpoints. The model's settings stay in {@link dev.skipgram.SkipGramConfig}.
 *
 * <p>Checkpoints follow {@code ./skipgram train}'s rules: without {@code resume} the directory must
 * hold no checkpoint (two runs are never mixed by accident), with {@code resume} it must hold one of
 * the same run (docs/distributed.md, "Checkpoints and resume").
 *
 * <p>Immutable and thread-safe. {@code merge} and {@code exchange} must not be null.
 *
 * @param partitions the partitions that train in parallel, ≥ 1; the sentences are split into this
 *     many contiguous ranges, in order (an RDD that already has this many partitions is used as it is)
 * @param roundsPerEpoch synchronous rounds per pass over the corpus, ≥ 1: in each round every
 *     partition trains its next share from the merged parameters and returns the rows it changed,
 *     and the driver merges them
 * @param merge how rows changed by several partitions are merged; {@link RowMerge#BY_LOSS} (the
 *     default) takes the rule measured best for the config's loss
 * @param maxBroadcastBytes the most bytes of parameters (2·V·d floats, 4 bytes each) the driver may
 *     send the executors whole (every round's broadcast, or the direct exchange's first round), ≥ 1
 *     and at most {@link #MAX_BROADCAST_BYTES}; a larger vocabulary is refused before any round starts
 * @param checkpointDirectory where the driver writes a checkpoint after every round, as a Hadoop
 *     {@code FileSystem} path ({@code /local/dir}, {@code file:/dir}, {@code hdfs://host/dir} ...), or
 *     null for no checkpoints; it is created if missing
 * @param resume whether to continue the run whose checkpoint is in {@code checkpointDirectory}
 *     (which must then be set)
 * @param exchange how each round's parameters and changed rows travel; {@link Exchange#AUTO} (the
 *     default) keeps X and U on the executors and exchanges only rows over a socket when the cluster
 *     can run every partition at once, and broadcasts every round otherwise
 */
public record SparkOptions(int partitions, int roundsPerEpoch, RowMerge merge, long maxBroadcastBytes,
        String checkpointDirectory, boolean resume, Exchange exchange) {

    /** The largest broadcast: two float arrays of at most 2^31 − 9 values each (Java's array limit). */
    public static final long MAX_BROADCAST_BYTES = 2L * (Integer.MAX_VALUE - 8) * Float.BYTES;

    /**
     * The default rounds per epoch: on gut8 with 2 partitions in separate executors, negative
     * sampling at 48 rounds came within 1 point of the single machine on analogies with the same
     * WS-353 (5 seeds: 0.89 points above 32 rounds on every seed), where 32 rounds were 1.1–1.3
     * points below it, 16 lost 0.7 more and 4 lost 7; 64 gained nothing over 48. Each round costs a
     * fixed part (the changed and merged rows, the merge; with the broadcast exchange also the
     * broadcast and a job: about 0.55 s on two idle cores, against about 0.1 s with the direct
     * one), so fewer rounds train faster with staler copies (docs/distributed.md).
     */
    public static final int DEFAULT_ROUNDS_PER_EPOCH = 48;

    /** The default broadcast budget: 2 GiB of parameters (V·d up to 2^28). */
    public static final long DEFAULT_MAX_BROADCAST_BYTES = 1L << 31;

    /**
     * Validates every field; the message names the field and its bad value.
     *
     * @param partitions ≥ 1
     * @param roundsPerEpoch ≥ 1
     * @param merge not null
     * @param maxBroadcastBytes in [1, {@link #MAX_BROADCAST_BYTES}]
     * @param checkpointDirectory a Hadoop path, not blank, or null
     * @param resume only with a {@code checkpointDirectory}
     * @param exchange not null
     * @throws IllegalArgumentException naming the first field out of range, a blank or malformed
     *     directory, or {@code resume} without a directory
     * @throws NullPointerException if {@code merge} or {@code exchange} is null
     */
    public SparkOptions {
        Objects.requireNonNull(merge, "merge");
        Objects.requireNonNull(exchange, "exchange");
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
        if (checkpointDirectory != null) {
            if (checkpointDirectory.isBlank()) {
                throw new IllegalArgumentException("checkpointDirectory must not be blank, got '" + checkpointDirectory
                        + "'");
            }
            try {
                new Path(checkpointDirectory);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpointDirectory '" + checkpointDirectory
                        + "' is not a Hadoop path: " + e.getMessage(), e);
            }
        }
        if (resume && checkpointDirectory == null) {
            throw new IllegalArgumentException("resume needs a checkpointDirectory to resume from; got none");
        }
    }

    /**
     * The defaults for {@code partitions} partitions: {@value #DEFAULT_ROUNDS_PER_EPOCH} rounds per
     * epoch, rows merged {@link RowMerge#BY_LOSS}, a 2 GiB broadcast budget, no checkpoints, the
     * {@link Exchange#AUTO} exchange.
     *
     * @param partitions ≥ 1
     * @return the options
     * @throws IllegalArgumentException if {@code partitions} is below 1
     */
    public static SparkOptions of(int partitions) {
        return new SparkOptions(partitions, DEFAULT_ROUNDS_PER_EPOCH, RowMerge.BY_LOSS, DEFAULT_MAX_BROADCAST_BYTES,
                null, false, Exchange.AUTO);
    }

    /**
     * These options with other rounds per epoch.
     *
     * @param rounds ≥ 1
     * @return new options
     * @throws IllegalArgumentException if {@code rounds} is below 1
     */
    public SparkOptions withRoundsPerEpoch(int rounds) {
        return new SparkOptions(partitions, rounds, merge, maxBroadcastBytes, checkpointDirectory, resume, exchange);
    }

    /**
     * These options with another merge.
     *
     * @param m not null
     * @return new options
     */
    public SparkOptions withMerge(RowMerge m) {
        return new SparkOptions(partitions, roundsPerEpoch, m, maxBroadcastBytes, checkpointDirectory, resume,
                exchange);
    }

    /**
     * These options with another broadcast budget.
     *
     * @param bytes in [1, {@link #MAX_BROADCAST_BYTES}]
     * @return new options
     * @throws IllegalArgumentException if {@code bytes} is out of range
     */
    public SparkOptions withMaxBroadcastBytes(long bytes) {
        return new SparkOptions(partitions, roundsPerEpoch, merge, bytes, checkpointDirectory, resume, exchange);
    }

    /**
     * These options with checkpoints after every round in {@code directory} (a fresh run: the
     * directory must hold no checkpoint), or with none.
     *
     * @param directory a Hadoop path, or null for no checkpoints (and then no resume)
     * @return new options, not resuming
     * @throws IllegalArgumentException if {@code directory} is blank or not a Hadoop path
     */
    public SparkOptions withCheckpointDirectory(String directory) {
        return new SparkOptions(partitions, roundsPerEpoch, merge, maxBroadcastBytes, directory, false, exchange);
    }

    /**
     * These options, resuming (or not) the run whose checkpoint is in the checkpoint directory.
     *
     * @param resuming whether to resume
     * @return new options
     * @throws IllegalArgumentException if {@code resuming} and there is no checkpoint directory
     */
    public SparkOptions withResume(boolean resuming) {
        return new SparkOptions(partitions, roundsPerEpoch, merge, maxBroadcastBytes, checkpointDirectory, resuming,
                exchange);
    }

    /**
     * These options with another exchange.
     *
     * @param e not null
     * @return new options
     */
    public SparkOptions withExchange(Exchange e) {
        return new SparkOptions(partitions, roundsPerEpoch, merge, maxBroadcastBytes, checkpointDirectory, resume, e);
    }
}
