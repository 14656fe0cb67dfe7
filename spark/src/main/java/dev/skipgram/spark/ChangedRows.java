package dev.skipgram.spark;

import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.Arrays;

/**
 * The rows of a [V, d] matrix that one partition's round changed, with their new values: what a task
 * sends back for X and for U, whichever exchange carries it.
 *
 * @param rows the changed rows' indices, increasing
 * @param values their values, d per row, in the same order
 */
record ChangedRows(int[] rows, float[] values) {

    /** The rows of {@code m} that differ from {@code base} (bit for bit), with their values. */
    static ChangedRows of(FloatMatrix m, float[] base) {
        int v = m.rows();
        int d = m.columns();
        float[] row = new float[d];
        int[] rows = new int[v];
        float[] values = new float[v * d];
        int n = 0;
        for (int r = 0; r < v; r++) {
            m.getRow(r, row);
            int at = r * d;
            if (!Arrays.equals(row, 0, d, base, at, at + d)) {
                System.arraycopy(row, 0, values, n * d, d);
                rows[n++] = r;
            }
        }
        return new ChangedRows(Arrays.copyOf(rows, n), Arrays.copyOf(values, n * d));
    }

    /** Writes these rows into the [V, d] row-major {@code m}. */
    void copyInto(float[] m, int d) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, i * d, m, rows[i] * d, d);
        }
    }
}
