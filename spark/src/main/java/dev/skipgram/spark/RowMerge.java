package dev.skipgram.spark;

/**
 * How the driver merges the rows that several partitions changed in one round. A row that one
 * partition changed takes that partition's value exactly; for a row changed by n ≥ 2 partitions,
 * with Δ_p = (the row partition p returned) − (the row the round started from):
 * <pre>
 *   SUM:      row ← row + Σ_p Δ_p
 *   AVERAGE:  row ← row + (1/n) Σ_p Δ_p        (Spark MLlib's Word2Vec since SPARK-24666)
 * </pre>
 * Summing keeps each partition's full step, as Hogwild threads on one machine would; averaging damps
 * frequent rows that every partition touched. Measured on gut8 (2 partitions in separate executors,
 * 16 rounds per epoch): summing scored 12.7% on analogies and 0.367 on WS-353, averaging 4.7% and
 * 0.297, so {@link #SUM} is the default (docs/distributed.md).
 */
public enum RowMerge {
    /** Adds every partition's change. */
    SUM,
    /** Adds the mean of the partitions' changes. */
    AVERAGE,
    /** Sums the changes of X's rows, averages those of U's. */
    SUM_CENTER_AVERAGE_OUTSIDE,
    /** Scales the summed change by 1 / (1 + (n − 1)·c), c the changes' mean alignment in [0, 1]. */
    ALIGNED
}
