package dev.skipgram.spark;

import java.util.List;

/**
 * The driver's merge of one round's changed rows into a matrix (see {@link RowMerge} for the rule).
 * Deterministic: the results are taken in partition order and the arithmetic is float, in that order.
 */
final class RowMerger {

    private RowMerger() {}

    /**
     * The matrix after the round.
     *
     * @param merge the rule for rows changed by several partitions
     * @param base the matrix the round started from, [V, d] row-major; not modified
     * @param d the columns
     * @param results the partitions' results, in partition order
     * @param center true for X (the centre rows), false for U
     * @return a new matrix
     */
    static float[] merge(RowMerge merge, float[] base, int d, List<ShareResult> results, boolean center) {
        int v = base.length / d;
        int[] touched = new int[v]; // how many partitions changed each row
        for (ShareResult s : results) {
            for (int r : center ? s.centerRows() : s.outsideRows()) {
                touched[r]++;
            }
        }
        float[] next = base.clone();
        for (ShareResult s : results) {
            int[] rows = center ? s.centerRows() : s.outsideRows();
            float[] values = center ? s.centerValues() : s.outsideValues();
            for (int i = 0; i < rows.length; i++) {
                int at = rows[i] * d;
                int n = touched[rows[i]];
                if (n == 1) {
                    System.arraycopy(values, i * d, next, at, d); // the one change, exactly
                    continue;
                }
                float weight = merge == RowMerge.SUM ? 1f : 1f / n;
                for (int k = 0; k < d; k++) {
                    next[at + k] += weight * (values[i * d + k] - base[at + k]);
                }
            }
        }
        return next;
    }
}
