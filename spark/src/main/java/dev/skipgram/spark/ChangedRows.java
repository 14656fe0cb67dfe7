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
        int d = m.columns();
        float[] row = new float[d];
        int[] rows = scan(m, base, row, false);
        float[] values = new float[rows.length * d]; // sized once the rows are known, not V·d
        for (int i = 0; i < rows.length; i++) {
            m.getRow(rows[i], row);
            System.arraycopy(row, 0, values, i * d, d);
        }
        return new ChangedRows(rows, values);
    }

    /**
     * The rows of {@code m} that differ from {@code base} (bit for bit), each copied into {@code base}
     * as it is found, so that base then equals m and holds the changed rows' values: what the direct
     * exchange sends ({@link Link#writeRows} from base, the wire form of {@link Link#readChanged}),
     * without an array of values.
     *
     * @param m [V, d]
     * @param base [V, d] row-major, brought to m
     * @param row scratch of at least d floats
     * @return the changed rows' indices, increasing
     */
    static int[] advance(FloatMatrix m, float[] base, float[] row) {
        return scan(m, base, row, true);
    }

    private static int[] scan(FloatMatrix m, float[] base, float[] row, boolean advance) {
        int v = m.rows();
        int d = m.columns();
        int[] rows = new int[v];
        int n = 0;
        for (int r = 0; r < v; r++) {
            m.getRow(r, row);
            int at = r * d;
            if (!Arrays.equals(row, 0, d, base, at, at + d)) {
                if (advance) {
                    System.arraycopy(row, 0, base, at, d);
                }
                rows[n++] = r;
            }
        }
        return Arrays.copyOf(rows, n);
    }
}
