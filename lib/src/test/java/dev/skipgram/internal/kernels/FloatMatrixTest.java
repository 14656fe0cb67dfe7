package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void uniformRowsOfWidthTwoAreGensimsInitialisation() {
        FloatMatrix m = FloatMatrix.zeros(3, 4);
        m.fillUniformRows(3, 2.0, RestorableRandom.seeded(1));
        RestorableRandom same = RestorableRandom.seeded(1);
        for (int i = 0; i < 3 * 4; i++) {
            assertEquals((float) ((2 * same.nextDouble() - 1) / 4), m.get(i)); // gensim: (2u − 1)/d
        }
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fillUniformRows(1, bad, RestorableRandom.seeded(1)));
            assertTrue(e.getMessage().contains("width must be finite and > 0, got " + bad), e.getMessage());
        }
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
        e = assertThrows(IllegalArgumentException.class, () -> FloatMatrix.zeros(2, 4, 3));
        assertTrue(e.getMessage().contains("2 x 4") && e.getMessage().contains("[1, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FloatMatrix.zeros(2, 4, 0));
        assertTrue(e.getMessage().contains("maxViewFloats") && e.getMessage().contains("got 0"), e.getMessage());
        // a row lies in one view, and 2V rows must be indexed by an int; V·d itself is not limited
        FloatMatrix.requireIndexable(3_000_000, 300);
        e = assertThrows(IllegalArgumentException.class,
                () -> FloatMatrix.requireIndexable(2, FloatMatrix.MAX_VIEW_FLOATS + 1));
        assertTrue(e.getMessage().contains("d = " + (FloatMatrix.MAX_VIEW_FLOATS + 1)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FloatMatrix.requireIndexable(1 << 30, 1));
        assertTrue(e.getMessage().contains("V = " + (1 << 30)), e.getMessage());
    }

    /** 7 floats a view with 3 columns: 2 rows a view, so 5 rows take 3 views, the last one holding one row. */
    @Test
    void manySmallViewsReadAndWriteWhatOneViewDoes() {
        INDArray a = Nd4j.arange(15).castTo(DataType.FLOAT).reshape('c', 5, 3).dup('c');
        FloatMatrix many = FloatMatrix.wrap(a, 7);
        FloatMatrix one = FloatMatrix.wrap(a.dup('c'));
        assertEquals(3, many.viewCount());
        assertEquals(1, one.viewCount());
        assertEquals(15, many.length());
        float[] x = new float[3];
        float[] y = new float[3];
        for (int r = 0; r < 5; r++) {
            many.getRow(r, x);
            one.getRow(r, y);
            assertArrayEquals(y, x, "row " + r);
            assertArrayEquals(new float[] {3 * r, 3 * r + 1, 3 * r + 2}, x, "row " + r);
        }
        for (long i = 0; i < 15; i++) {
            assertEquals((float) i, many.get(i), "value " + i);
        }
        // offsets that span rows and views
        float[] span = new float[11];
        many.get(2, span, 11);
        assertArrayEquals(new float[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, span);
        many.put(5, new float[] {-5, -6, -7, -8}, 4);
        assertEquals(-5f, a.getFloat(1, 2));
        assertEquals(-8f, a.getFloat(2, 2));
        // every row method on every view writes the array itself
        many.putRow(4, new float[] {40, 41, 42});
        many.addToRow(3, 2f, new float[] {1, 1, 1});
        many.zeroRow(0);
        assertEquals(42f, a.getFloat(4, 2));
        assertEquals(11f, a.getFloat(3, 0));
        assertEquals(0f, a.getFloat(0, 1));
        assertEquals(-1, many.firstNonFinite());
        a.putScalar(4, 1, Float.POSITIVE_INFINITY);
        assertEquals(13, many.firstNonFinite());
    }

    @Test
    void uniformRowsThroughManyViewsAreThoseOfOneView() {
        FloatMatrix one = FloatMatrix.zeros(6, 4);
        FloatMatrix many = FloatMatrix.zeros(6, 4, 9);
        assertEquals(3, many.viewCount());
        one.fillUniformRows(5, RestorableRandom.seeded(7));
        many.fillUniformRows(5, RestorableRandom.seeded(7));
        assertEquals(one.array(), many.array());
    }

    @Test
    void flatMatricesAreRowsOfTheLastDimension() {
        INDArray cube = Nd4j.arange(24).castTo(DataType.FLOAT).reshape('c', 2, 3, 4).dup('c');
        FloatMatrix m = FloatMatrix.flat(cube);
        assertEquals(6, m.rows());
        assertEquals(4, m.columns());
        assertEquals(23f, m.get(23));
        FloatMatrix vector = FloatMatrix.flat(Nd4j.arange(5).castTo(DataType.FLOAT));
        assertEquals(1, vector.rows());
        assertEquals(5, vector.columns());
    }

    /** Every row method of a direct matrix of {@code maxViewFloats}-value views, against an ND4J one. */
    private static void directMatchesArrayBacked(int maxViewFloats, int expectedViews) {
        FloatMatrix direct = FloatMatrix.direct(5, 3, maxViewFloats);
        FloatMatrix backed = FloatMatrix.zeros(5, 3);
        assertEquals(expectedViews, direct.viewCount());
        assertFalse(direct.hasArray());
        assertTrue(backed.hasArray());
        assertEquals(15, direct.length());
        float[] zeros = new float[15];
        float[] all = new float[15];
        direct.get(0, all, 15);
        assertArrayEquals(zeros, all, "a new direct matrix holds zeros");
        for (FloatMatrix m : new FloatMatrix[] {direct, backed}) {
            m.fillUniformRows(4, RestorableRandom.seeded(3));
            m.putRow(4, new float[] {40, 41, 42});
            m.addToRow(3, 2f, new float[] {1, 1, 1});
            m.addToRow(2, new float[] {0.5f, 0.5f, 0.5f}, new float[3]);
            m.zeroRow(0);
            m.put(5, new float[] {-5, -6, -7, -8}, 4);
        }
        float[] x = new float[3];
        float[] y = new float[3];
        for (int r = 0; r < 5; r++) {
            direct.getRow(r, x);
            backed.getRow(r, y);
            assertArrayEquals(y, x, "row " + r);
        }
        float[] span = new float[11];
        float[] expected = new float[11];
        direct.get(2, span, 11);
        backed.get(2, expected, 11);
        assertArrayEquals(expected, span);
        assertEquals(backed.get(13), direct.get(13));
        assertEquals(-1, direct.firstNonFinite());
        direct.putRow(4, new float[] {1, Float.NaN, 1});
        assertEquals(13, direct.firstNonFinite());
    }

    @Test
    void directMatricesHoldWhatArrayBackedOnesHold() {
        directMatchesArrayBacked(FloatMatrix.MAX_VIEW_FLOATS, 1);
    }

    @Test
    void directMatricesThroughManyViewsHoldWhatOneViewHolds() {
        directMatchesArrayBacked(7, 3);
    }

    @Test
    void aDirectMatrixHasNoArrayAndSaysSo() {
        FloatMatrix m = FloatMatrix.direct(4, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, m::array);
        assertTrue(e.getMessage().contains("4 x 2") && e.getMessage().contains("FloatMatrix.zeros"), e.getMessage());
        assertEquals(0, FloatMatrix.direct(0, 3).rows());
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.direct(2, 0));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.direct(-1, 3));
    }
}
