package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link FloatMatrix}: rows through the live view, the array shared, what it refuses. */
class FloatMatrixTest {

    @Test
    void rowsReadAndWriteTheArraysStorage() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        FloatMatrix m = FloatMatrix.wrap(a);
        assertSame(a, m.array());
        assertEquals(2, m.rows());
        assertEquals(3, m.columns());
        float[] row = new float[3];
        m.getRow(1, row);
        assertArrayEquals(new float[] {4, 5, 6}, row);
        m.putRow(0, new float[] {7, 8, 9});
        assertEquals(8f, a.getFloat(0, 1));
        assertEquals(6f, m.get(5));
        assertEquals(-1, m.firstNonFinite());
        a.putScalar(1, 1, Float.NaN);
        assertEquals(4, m.firstNonFinite());
    }

    @Test
    void uniformRowsAreWord2vecsInitialisation() {
        FloatMatrix m = FloatMatrix.zeros(6, 4);
        m.fillUniformRows(3, RestorableRandom.seeded(1));
        RestorableRandom same = RestorableRandom.seeded(1);
        for (int i = 0; i < 3 * 4; i++) {
            assertEquals((float) ((same.nextDouble() - 0.5) / 4), m.get(i));
        }
        for (int i = 3 * 4; i < 6 * 4; i++) {
            assertEquals(0f, m.get(i), "rows after the first n stay zero");
        }
    }

    @Test
    void onlyContiguousFloatMatricesAreWrapped() {
        INDArray doubles = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(doubles));
        assertTrue(e.getMessage().contains("DOUBLE"), e.getMessage());
        INDArray floats = Nd4j.zeros(DataType.FLOAT, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(floats.getRow(1)));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.wrap(Nd4j.zeros(DataType.FLOAT, 2, 3, 4)));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.zeros(1 << 20, 1 << 10));
        // one limit: what one float view addresses, for the [2V, d] parameters
        e = assertThrows(IllegalArgumentException.class, () -> FloatMatrix.requireIndexable(1_000_000, 300));
        assertTrue(e.getMessage().contains("V = 1000000") && e.getMessage().contains("d = 300")
                && e.getMessage().contains(Long.toString(FloatMatrix.MAX_VALUES)), e.getMessage());
        FloatMatrix.requireIndexable(800_000, 300);
    }
}
