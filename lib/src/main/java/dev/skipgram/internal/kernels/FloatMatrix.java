package dev.skipgram.internal.kernels;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A c-order FLOAT matrix [rows, columns] held as an ND4J {@link INDArray} together with a live
 * float view of its native storage, for kernels that must not create INDArrays per word pair.
 *
 * <p>Why this class exists: {@code INDArray.data().asNioFloat()} returns a view that does not keep
 * its array alive, so once the array is unreachable the garbage collector may free the native memory
 * under a view still in use. A {@code FloatMatrix} holds both, and every method that touches the
 * view keeps {@code this} (and so the array) reachable until it returns. Callers work through rows
 * (copied to and from their own {@code float[]} scratch, where loops vectorise) and never see the
 * view, so no caller places a {@link Reference#reachabilityFence} by hand.
 *
 * <pre>
 * Layout: row r occupies view[r·columns, (r + 1)·columns)
 * </pre>
 *
 * <p>Not thread-safe in the usual sense: concurrent reads and writes of the same rows race, which
 * the lock-free (Hogwild) trainers accept by design, as word2vec.c and gensim do. Internal: no
 * compatibility promise.
 */
public final class FloatMatrix {

    /**
     * Largest number of values a matrix may hold: one NIO view addresses at most 2^31 − 1 bytes, and
     * Java arrays and buffers index with an int.
     */
    public static final long MAX_VALUES = (Integer.MAX_VALUE - 8) / Float.BYTES;

    private final INDArray array;
    private final FloatBuffer view;
    private final int rows;
    private final int columns;

    private FloatMatrix(INDArray array, boolean flat) {
        if (array.dataType() != DataType.FLOAT || (!flat && array.rank() != 2) || array.ordering() != 'c'
                || array.isView()) {
            throw new IllegalArgumentException("a FloatMatrix needs a FLOAT " + (flat ? "" : "[rows, columns] ")
                    + "array in c order that is not a view; got " + array.dataType() + " "
                    + Arrays.toString(array.shape()) + " order " + array.ordering() + (array.isView() ? " (a view)" : ""));
        }
        if (array.length() > MAX_VALUES) {
            throw new IllegalArgumentException(array.length() + " values are more than one float view holds ("
                    + MAX_VALUES + ")");
        }
        this.array = array;
        this.view = array.data().asNioFloat();
        this.rows = flat ? 1 : (int) array.rows();
        this.columns = flat ? (int) array.length() : (int) array.columns();
    }

    /**
     * A matrix of zeros.
     *
     * @param rows ≥ 0
     * @param columns ≥ 1
     * @return a new matrix owning a new array
     * @throws IllegalArgumentException if rows × columns exceeds {@link #MAX_VALUES}
     */
    public static FloatMatrix zeros(int rows, int columns) {
        requireFits(rows, columns);
        return new FloatMatrix(Nd4j.zeros(DataType.FLOAT, rows, columns), false);
    }

    /**
     * Wraps an existing array: the matrix and the array share their storage.
     *
     * @param array FLOAT, rank 2, c order, not a view of another array
     * @return a matrix over {@code array}'s storage
     * @throws IllegalArgumentException if the array is not of that kind
     */
    public static FloatMatrix wrap(INDArray array) {
        return new FloatMatrix(array, false);
    }

    /**
     * Wraps an array of any shape as one row of all its values in c order (a checkpoint's parameters,
     * whatever the objective's shape).
     *
     * @param array FLOAT, c order, not a view of another array, at most {@link #MAX_VALUES} values
     * @return a [1, length] matrix over {@code array}'s storage
     * @throws IllegalArgumentException if the array is not of that kind
     */
    public static FloatMatrix flat(INDArray array) {
        return new FloatMatrix(array, true);
    }

    /**
     * Refuses a model whose parameters, both [V, d] matrices in one [2V, d] array as checkpoints and
     * the CS224n recipe hold them, would not fit one float view: the one limit every matrix here has,
     * checked once the vocabulary is known and before anything is allocated.
     *
     * @param vocabularySize V
     * @param dimension d
     * @throws IllegalArgumentException naming V, d and the limit
     */
    public static void requireIndexable(int vocabularySize, int dimension) {
        long values = 2L * vocabularySize * dimension;
        if (values > MAX_VALUES) {
            throw new IllegalArgumentException("V = " + vocabularySize + " words of d = " + dimension
                    + " dimensions need 2·V·d = " + values + " parameters, more than the " + MAX_VALUES
                    + " one float array can hold: lower dimension, minCount or maxVocabularySize");
        }
    }

    private static void requireFits(long rows, long columns) {
        if (rows < 0 || columns < 1 || rows * columns > MAX_VALUES) {
            throw new IllegalArgumentException("a FloatMatrix of " + rows + " x " + columns
                    + " does not fit one float view (at most " + MAX_VALUES + " values)");
        }
    }

    /** @return the array, sharing this matrix's storage */
    public INDArray array() {
        return array;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int columns() {
        return columns;
    }

    /**
     * Copies row {@code r} into {@code out[0, columns)}.
     *
     * @param r the row
     * @param out receives the row
     */
    public void getRow(int r, float[] out) {
        view.get(r * columns, out, 0, columns);
        Reference.reachabilityFence(this);
    }

    /**
     * Row {@code r} += {@code x[0, columns)}, through {@code scratch} (bulk copies around a loop the
     * JIT vectorises): the scatter-add of a batched kernel. A row another thread writes meanwhile
     * may lose an update (Hogwild).
     *
     * @param r the row
     * @param x the increment
     * @param scratch at least {@code columns} floats, overwritten
     */
    public void addToRow(int r, float[] x, float[] scratch) {
        int n = columns;
        view.get(r * n, scratch, 0, n);
        for (int j = 0; j < n; j++) {
            scratch[j] += x[j];
        }
        view.put(r * n, scratch, 0, n);
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code in[0, columns)} into row {@code r}.
     *
     * @param r the row
     * @param in the new row
     */
    public void putRow(int r, float[] in) {
        view.put(r * columns, in, 0, columns);
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code n} values from {@code offset} (row-major) into {@code out[0, n)}.
     *
     * @param offset the first value, row·columns + column
     * @param out receives the values
     * @param n how many
     */
    public void get(int offset, float[] out, int n) {
        view.get(offset, out, 0, n);
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code in[0, n)} into the values from {@code offset} (row-major).
     *
     * @param offset the first value, row·columns + column
     * @param in the values
     * @param n how many
     */
    public void put(int offset, float[] in, int n) {
        view.put(offset, in, 0, n);
        Reference.reachabilityFence(this);
    }

    /**
     * Row {@code r} += {@code alpha}·{@code x}.
     *
     * @param r the row
     * @param alpha the factor
     * @param x a vector of {@code columns} values
     */
    public void addToRow(int r, float alpha, float[] x) {
        int o = r * columns;
        for (int j = 0; j < columns; j++) {
            view.put(o + j, view.get(o + j) + alpha * x[j]);
        }
        Reference.reachabilityFence(this);
    }

    /**
     * Sets row {@code r} to zero.
     *
     * @param r the row
     */
    public void zeroRow(int r) {
        int o = r * columns;
        for (int j = 0; j < columns; j++) {
            view.put(o + j, 0f);
        }
        Reference.reachabilityFence(this);
    }

    /**
     * The value at {@code offset} (row-major): for the occasional single read, not for hot loops.
     *
     * @param offset row·columns + column
     * @return the value
     */
    public float get(int offset) {
        float value = view.get(offset);
        Reference.reachabilityFence(this);
        return value;
    }

    /**
     * Fills the first {@code n} rows uniformly in (−0.5/columns, 0.5/columns), the initialisation of
     * word2vec.c and CS224n for the centre vectors, drawing one double per value in row-major order.
     *
     * @param n how many rows, from the first
     * @param rng the generator
     */
    public void fillUniformRows(int n, RandomGenerator rng) {
        for (int i = 0, end = n * columns; i < end; i++) {
            view.put(i, (float) ((rng.nextDouble() - 0.5) / columns));
        }
        Reference.reachabilityFence(this);
    }

    /**
     * The index of the first value that is NaN or infinite, or −1 if all are finite.
     *
     * @return a row-major offset, or −1
     */
    public int firstNonFinite() {
        for (int i = 0, n = rows * columns; i < n; i++) {
            if (!Float.isFinite(view.get(i))) {
                Reference.reachabilityFence(this);
                return i;
            }
        }
        Reference.reachabilityFence(this);
        return -1;
    }
}
