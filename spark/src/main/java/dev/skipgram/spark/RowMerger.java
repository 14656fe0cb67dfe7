package dev.skipgram.spark;

import java.util.List;

/**
 * The driver's merge of one round's changed rows into a matrix (see {@link RowMerge} for the rules).
 * Deterministic: the results are taken in partition order and the arithmetic is done in that order
 * (float for the rows, double for the alignment's sums).
 */
final class RowMerger {

    private RowMerger() {}

    /**
     * The matrix after the round, as a new array ({@link #mergeInPlace} on a copy).
     *
     * @param merge the rule for rows changed by several partitions, resolved ({@link RowMerge#resolve}):
     *     not {@link RowMerge#BY_LOSS}
     * @param base the matrix the round started from, [V, d] row-major; not modified
     * @param d the columns
     * @param results the partitions' results, in partition order
     * @param center true for X (the centre rows), false for U
     * @return a new matrix
     */
    static float[] merge(RowMerge merge, float[] base, int d, List<ShareResult> results, boolean center) {
        float[] next = base.clone();
        mergeInPlace(merge, next, d, results, center);
        return next;
    }

    /**
     * Brings the matrix the round started from to the matrix after it, in place: a row one partition
     * changed takes its value; a row several changed is only written once all their changes are
     * summed (against its value at the round's start), so the arithmetic is {@link #merge}'s.
     *
     * @param merge the rule for rows changed by several partitions, resolved: not {@link RowMerge#BY_LOSS}
     * @param m the matrix the round started from, [V, d] row-major; overwritten with the merged one
     * @param d the columns
     * @param results the partitions' results, in partition order
     * @param center true for X (the centre rows), false for U
     */
    static void mergeInPlace(RowMerge merge, float[] m, int d, List<ShareResult> results, boolean center) {
        if (merge == RowMerge.BY_LOSS) {
            throw new IllegalArgumentException("merge must be resolved for the run's loss, got " + merge);
        }
        int v = m.length / d;
        int[] touched = new int[v]; // how many partitions changed each row
        for (ShareResult s : results) {
            for (int r : center ? s.centerRows() : s.outsideRows()) {
                touched[r]++;
            }
        }
        int[] slot = new int[v]; // for a row several partitions changed: its place in sum and squares
        int shared = 0;
        for (int r = 0; r < v; r++) {
            slot[r] = touched[r] > 1 ? shared++ : -1;
        }
        float[] sum = new float[shared * d]; // [shared, d]: Σ_p Δ_p of the rows several partitions changed
        double[] squares = new double[shared]; // [shared]: Σ_p |Δ_p|² of those rows
        for (ShareResult s : results) {
            int[] rows = center ? s.centerRows() : s.outsideRows();
            float[] values = center ? s.centerValues() : s.outsideValues();
            for (int i = 0; i < rows.length; i++) {
                int at = rows[i] * d;
                if (touched[rows[i]] == 1) {
                    System.arraycopy(values, i * d, m, at, d); // the one change, exactly
                    continue;
                }
                int to = slot[rows[i]] * d;
                double square = 0;
                for (int k = 0; k < d; k++) {
                    float delta = values[i * d + k] - m[at + k]; // m's row is still the round's start
                    sum[to + k] += delta;
                    square += (double) delta * delta;
                }
                squares[slot[rows[i]]] += square;
            }
        }
        for (int r = 0; r < v; r++) {
            int n = touched[r];
            if (n < 2) {
                continue;
            }
            int at = r * d;
            int from = slot[r] * d;
            float weight = switch (merge) {
                case SUM -> 1f;
                case AVERAGE -> 1f / n;
                case ALIGNED -> (float) (1 / (1 + (n - 1) * alignment(sum, from, d, squares[slot[r]], n)));
                case BY_LOSS -> throw new AssertionError("refused above");
            };
            for (int k = 0; k < d; k++) {
                m[at + k] += weight * sum[from + k];
            }
        }
    }

    /**
     * How alike n changes of one row are, from their sum S and the sum of their squared norms Q:
     * (|S|² − Q) / ((n − 1)·Q), which is the mean cosine of the pairs of changes when their norms
     * are equal (1 for n copies of one change, 0 for orthogonal changes), clipped to [0, 1].
     */
    private static double alignment(float[] sum, int at, int d, double squares, int n) {
        if (squares == 0) {
            return 0;
        }
        double total = 0;
        for (int k = 0; k < d; k++) {
            total += (double) sum[at + k] * sum[at + k];
        }
        return Math.min(1, Math.max(0, (total - squares) / ((n - 1) * squares)));
    }
}
