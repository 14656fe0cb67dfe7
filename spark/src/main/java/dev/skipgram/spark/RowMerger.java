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
        boolean average = merge == RowMerge.AVERAGE || merge == RowMerge.SUM_CENTER_AVERAGE_OUTSIDE && !center;
        float[] sum = merge == RowMerge.ALIGNED ? new float[base.length] : null; // Σ_p Δ_p of shared rows
        double[] squares = merge == RowMerge.ALIGNED ? new double[v] : null; // Σ_p |Δ_p|²
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
                if (sum != null) {
                    double sq = 0;
                    for (int k = 0; k < d; k++) {
                        float delta = values[i * d + k] - base[at + k];
                        sum[at + k] += delta;
                        sq += (double) delta * delta;
                    }
                    squares[rows[i]] += sq;
                    continue;
                }
                float weight = average ? 1f / n : 1f;
                for (int k = 0; k < d; k++) {
                    next[at + k] += weight * (values[i * d + k] - base[at + k]);
                }
            }
        }
        if (sum != null) {
            for (int r = 0; r < v; r++) {
                int n = touched[r];
                if (n < 2) {
                    continue;
                }
                int at = r * d;
                double total = 0;
                for (int k = 0; k < d; k++) {
                    total += (double) sum[at + k] * sum[at + k];
                }
                double c = squares[r] == 0 ? 0 : (total - squares[r]) / ((n - 1) * squares[r]);
                float weight = (float) (1 / (1 + (n - 1) * Math.min(1, Math.max(0, c))));
                for (int k = 0; k < d; k++) {
                    next[at + k] += weight * sum[at + k];
                }
            }
        }
        return next;
    }
}
