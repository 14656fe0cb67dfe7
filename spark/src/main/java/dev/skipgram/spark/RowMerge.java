package dev.skipgram.spark;

import dev.skipgram.LossType;

/**
 * How the driver merges the rows that several partitions changed in one round. A row that one
 * partition changed takes that partition's value exactly; for a row changed by n ≥ 2 partitions,
 * with Δ_p = (the row partition p returned) − (the row the round started from), S = Σ_p Δ_p and
 * Q = Σ_p |Δ_p|²:
 * <pre>
 *   SUM:      row ← row + S
 *   AVERAGE:  row ← row + S / n                 (Spark MLlib's Word2Vec since SPARK-24666)
 *   ALIGNED:  row ← row + S / (1 + (n − 1)·c),  c = clip((|S|² − Q) / ((n − 1)·Q), 0, 1)
 * </pre>
 * c is the mean cosine between the partitions' changes when their norms are equal: n copies of one
 * change (c = 1) are averaged, as one step the partitions each took from the same row; orthogonal
 * or opposed changes (c ≤ 0) are summed, as the unrelated steps of Hogwild threads; in between the
 * weight falls from 1 to 1/n. Summing overshoots on rows every partition steps in the same direction
 * all round, as hierarchical softmax's nodes near the root of its tree; averaging halves the steps
 * of every frequent word. Measured on gut8 with 2 partitions in separate executors, 32 rounds
 * (docs/distributed.md, "Merge"): with hierarchical softmax, ALIGNED scored 18.03% on analogies and
 * 0.439 on WS-353 (mean of 2 seeds) against SUM's 15.51% and 0.436 (Spark MLlib: 17.06% and 0.325);
 * with negative sampling SUM scored 13.06% and 0.441 on seed 1, ALIGNED 8.65% and 0.379. So the
 * default, {@link #BY_LOSS}, is ALIGNED for hierarchical softmax and SUM for the other losses.
 */
public enum RowMerge {
    /** Adds every partition's change. */
    SUM,
    /** Adds the mean of the partitions' changes. */
    AVERAGE,
    /** Adds the sum of the partitions' changes, divided by 1 + (n − 1)·(their alignment in [0, 1]). */
    ALIGNED,
    /** {@link #ALIGNED} for hierarchical softmax, {@link #SUM} for the other losses (the default). */
    BY_LOSS;

    /**
     * The rule this one is for a loss.
     *
     * @param loss the run's loss, not null
     * @return for {@link #BY_LOSS}: {@link #ALIGNED} if {@code loss} is hierarchical softmax, otherwise
     *     {@link #SUM}; any other rule is itself
     */
    public RowMerge resolve(LossType loss) {
        if (this != BY_LOSS) {
            return this;
        }
        return loss == LossType.HIERARCHICAL_SOFTMAX ? ALIGNED : SUM;
    }
}
