package dev.skipgram.internal.kernels;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A c-order FLOAT matrix [rows, columns] held as an ND4J {@link INDArray} together with live float
 * views of its native storage, for kernels that must not create INDArrays per word pair.
 *
 * <p>Why this class exists: {@code INDArray.data().asNioFloat()} returns a view that does not keep
 * its array alive, so once the array is unreachable the garbage collector may free the native memory
 * under a view still in use. A {@code FloatMatrix} holds both, and every method that touches a
 * view keeps {@code this} (and so the array) reachable until it returns. Callers work through rows
 * (copied to and from their own {@code float[]} scratch, where loops vectorise) and never see the
 * views, so no caller places a {@link Reference#reachabilityFence} by hand.
 *
 * <p>{@link #direct} makes the one kind without an INDArray: direct NIO memory of its own, for a
 * process that runs only the Java kernels and should not load ND4J's native backend.
 *
 * <p>One NIO view addresses at most 2^31 − 1 bytes, so a matrix of more than
 * {@link #MAX_VIEW_FLOATS} values (a GoogleNews model: 3,000,000 × 300) is seen through several
 * views, each a whole number of rows. Rows, columns and the offset inside a view stay ints; only
 * offsets into the whole matrix are longs. The first view is tested first, so a matrix that fits one
 * view pays one well-predicted comparison per row.
 *
 * <pre>
 * Layout: row r lies in view r / rowsPerView, at [(r mod rowsPerView)·columns, … + columns)
 * </pre>
 *
 * <p>Not thread-safe in the usual sense: concurrent reads and writes of the same rows race, which
 * the lock-free (Hogwild) trainers accept by design, as word2vec.c and gensim do. Internal: no
 * compatibility promise.
 */
public final class FloatMatrix {

    /**
     * Most values one view holds: one NIO buffer addresses at most 2^31 − 1 bytes. It is also the
     * most columns a matrix may have, since a row lies in one view.
     */
    public static final int MAX_VIEW_FLOATS = (Integer.MAX_VALUE - 8) / Float.BYTES;

    private final INDArray array; // null for a direct matrix
    private final FloatBuffer first; // views[0], the fast path
    private final FloatBuffer[] views;
    private final int rowsPerView;
    private final int rows;
    private final int columns;

    /** A matrix over {@code array}'s storage, once the array is checked to be a c-order FLOAT one. */
    private static FloatMatrix over(INDArray array, boolean flat, int maxViewFloats) {
        if (array.dataType() != DataType.FLOAT || (!flat && array.rank() != 2) || array.ordering() != 'c'
                || array.isView()) {
            throw new IllegalArgumentException("a FloatMatrix needs a FLOAT " + (flat ? "" : "[rows, columns] ")
                    + "array in c order that is not a view; got " + array.dataType() + " "
                    + Arrays.toString(array.shape()) + " order " + array.ordering() + (array.isView() ? " (a view)" : ""));
        }
        requireViewSize(maxViewFloats);
        long columnCount = array.rank() == 0 ? 1 : array.size(array.rank() - 1);
        long rowCount = array.length() / Math.max(1, columnCount);
        requireFits(rowCount, columnCount, maxViewFloats);
        return new FloatMatrix(array, (int) rowCount, (int) columnCount, maxViewFloats);
    }

    /**
     * rows × columns through views of at most {@code maxViewFloats} values, each a whole number of
     * rows: views of {@code array}'s storage, or, when {@code array} is null ({@link #direct}), of
     * direct NIO memory of their own (zeroed by {@code allocateDirect}, native order as ND4J's).
     */
    private FloatMatrix(INDArray array, int rows, int columns, int maxViewFloats) {
        this.array = array;
        this.rows = rows;
        this.columns = columns;
        long values = (long) rows * columns;
        this.rowsPerView = values <= maxViewFloats ? Math.max(1, rows) : maxViewFloats / columns;
        this.views = new FloatBuffer[values == 0 ? 1 : (int) ((rows + (long) rowsPerView - 1) / rowsPerView)];
        Pointer base = array == null || views.length == 1 ? null : array.data().addressPointer();
        for (int k = 0; k < views.length; k++) {
            long firstRow = (long) k * rowsPerView;
            int n = (int) (Math.min(rowsPerView, rows - firstRow) * columns);
            if (array == null) {
                views[k] = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            } else if (base == null) {
                views[k] = values == 0 ? FloatBuffer.allocate(0) : array.data().asNioFloat();
            } else {
                FloatPointer p = new FloatPointer(base).getPointer(firstRow * columns); // shares, frees nothing
                views[k] = p.capacity(n).limit(n).asBuffer();
            }
        }
        this.first = views[0];
    }

    /**
     * A matrix of zeros in direct NIO memory instead of an ND4J array, for a process that only runs
     * the Java kernels over rows (a Spark executor's copies of X and U): it never loads ND4J's native
     * backend, which costs 0.8 s of CPU (0.45 s of wall time on 2 cores) in a fresh JVM. It has no
     * {@link #array()}, so the full softmax's GEMMs cannot use it. The memory is freed when the
     * matrix is collected.
     *
     * @param rows ≥ 0
     * @param columns in [1, {@link #MAX_VIEW_FLOATS}]
     * @return a new matrix
     * @throws IllegalArgumentException if a size is out of range
     */
    public static FloatMatrix direct(int rows, int columns) {
        return direct(rows, columns, MAX_VIEW_FLOATS);
    }

    /**
     * {@link #direct(int, int)} seen through views of at most {@code maxViewFloats} values: tests force
     * many small views with it.
     *
     * @param rows ≥ 0
     * @param columns in [1, maxViewFloats]
     * @param maxViewFloats in [1, {@link #MAX_VIEW_FLOATS}]
     * @return a new matrix
     * @throws IllegalArgumentException if a size is out of range
     */
    static FloatMatrix direct(int rows, int columns, int maxViewFloats) {
        requireViewSize(maxViewFloats);
        requireFits(rows, columns, maxViewFloats);
        return new FloatMatrix(null, rows, columns, maxViewFloats);
    }

    /**
     * A matrix of zeros.
     *
     * @param rows ≥ 0
     * @param columns in [1, {@link #MAX_VIEW_FLOATS}]
     * @return a new matrix owning a new array
     * @throws IllegalArgumentException if a size is out of range
     */
    public static FloatMatrix zeros(int rows, int columns) {
        return zeros(rows, columns, MAX_VIEW_FLOATS);
    }

    /**
     * A matrix of zeros seen through views of at most {@code maxViewFloats} values: tests force many
     * small views with it.
     *
     * @param rows ≥ 0
     * @param columns in [1, maxViewFloats]
     * @param maxViewFloats in [1, {@link #MAX_VIEW_FLOATS}]
     * @return a new matrix owning a new array
     * @throws IllegalArgumentException if a size is out of range
     */
    public static FloatMatrix zeros(int rows, int columns, int maxViewFloats) {
        requireViewSize(maxViewFloats);
        requireFits(rows, columns, maxViewFloats);
        return over(Nd4j.zeros(DataType.FLOAT, rows, columns), false, maxViewFloats);
    }

    /**
     * Wraps an existing array: the matrix and the array share their storage.
     *
     * @param array FLOAT, rank 2, c order, not a view of another array
     * @return a matrix over {@code array}'s storage
     * @throws IllegalArgumentException if the array is not of that kind
     */
    public static FloatMatrix wrap(INDArray array) {
        return over(array, false, MAX_VIEW_FLOATS);
    }

    /**
     * Wraps an existing array through views of at most {@code maxViewFloats} values.
     *
     * @param array FLOAT, rank 2, c order, not a view of another array
     * @param maxViewFloats in [columns, {@link #MAX_VIEW_FLOATS}]
     * @return a matrix over {@code array}'s storage
     * @throws IllegalArgumentException if the array is not of that kind
     */
    public static FloatMatrix wrap(INDArray array, int maxViewFloats) {
        return over(array, false, maxViewFloats);
    }

    /**
     * Wraps an array of any shape for access by row-major offset (a checkpoint's parameters, whatever
     * the objective's shape): as rows of its last dimension, or one row if it has rank 1.
     *
     * @param array FLOAT, c order, not a view of another array; its last dimension at most
     *     {@link #MAX_VIEW_FLOATS}
     * @return a matrix over {@code array}'s storage
     * @throws IllegalArgumentException if the array is not of that kind
     */
    public static FloatMatrix flat(INDArray array) {
        return over(array, true, MAX_VIEW_FLOATS);
    }

    /**
     * Refuses a model whose rows cannot be indexed: both [V, d] matrices in one [2V, d] array, as
     * checkpoints and the CS224n recipe hold them, need 2V rows of d columns, each row in one view.
     * What memory allows is checked separately, by {@code internal.MemoryBudget}.
     *
     * @param vocabularySize V
     * @param dimension d
     * @throws IllegalArgumentException naming V or d and the limit
     */
    public static void requireIndexable(int vocabularySize, int dimension) {
        if (dimension > MAX_VIEW_FLOATS) {
            throw new IllegalArgumentException("d = " + dimension + " dimensions: a vector of more than "
                    + MAX_VIEW_FLOATS + " floats (2 GB) is not supported");
        }
        if (2L * vocabularySize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("V = " + vocabularySize + " words: the parameters' 2·V rows are more"
                    + " than " + (Integer.MAX_VALUE - 8) + ", the most an int indexes");
        }
    }

    private static void requireViewSize(int maxViewFloats) {
        if (maxViewFloats < 1 || maxViewFloats > MAX_VIEW_FLOATS) {
            throw new IllegalArgumentException("maxViewFloats must be in [1, " + MAX_VIEW_FLOATS + "], got "
                    + maxViewFloats);
        }
    }

    private static void requireFits(long rows, long columns, int maxViewFloats) {
        if (rows < 0 || rows > Integer.MAX_VALUE - 8 || columns < 1 || columns > maxViewFloats) {
            throw new IllegalArgumentException("a FloatMatrix of " + rows + " x " + columns + " is not supported:"
                    + " rows must be in [0, " + (Integer.MAX_VALUE - 8) + "] and columns in [1, " + maxViewFloats
                    + "] (a row lies in one float view)");
        }
    }

    /**
     * @return the array, sharing this matrix's storage
     * @throws IllegalStateException if the matrix is {@link #direct} (it has no array)
     */
    public INDArray array() {
        if (array == null) {
            throw new IllegalStateException("a FloatMatrix.direct matrix (" + rows + " x " + columns + ") lives in"
                    + " direct NIO memory and has no INDArray; make it with FloatMatrix.zeros or wrap");
        }
        return array;
    }

    /** @return true unless the matrix is {@link #direct}: whether {@link #array()} has an array to give */
    public boolean hasArray() {
        return array != null;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int columns() {
        return columns;
    }

    /** @return rows × columns */
    public long length() {
        return (long) rows * columns;
    }

    /** @return how many views the storage is seen through (1 unless it holds more than one view's floats) */
    int viewCount() {
        return views.length;
    }

    /**
     * Copies row {@code r} into {@code out[0, columns)}.
     *
     * @param r the row
     * @param out receives the row
     */
    public void getRow(int r, float[] out) {
        if (r < rowsPerView) {
            first.get(r * columns, out, 0, columns);
        } else {
            views[r / rowsPerView].get(r % rowsPerView * columns, out, 0, columns);
        }
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
        FloatBuffer view = first;
        int o = r * n;
        if (r >= rowsPerView) {
            view = views[r / rowsPerView];
            o = r % rowsPerView * n;
        }
        view.get(o, scratch, 0, n);
        for (int j = 0; j < n; j++) {
            scratch[j] += x[j];
        }
        view.put(o, scratch, 0, n);
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code in[0, columns)} into row {@code r}.
     *
     * @param r the row
     * @param in the new row
     */
    public void putRow(int r, float[] in) {
        if (r < rowsPerView) {
            first.put(r * columns, in, 0, columns);
        } else {
            views[r / rowsPerView].put(r % rowsPerView * columns, in, 0, columns);
        }
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code n} values from {@code offset} (row-major) into {@code out[0, n)}; they may span
     * rows and views.
     *
     * @param offset the first value, row·columns + column
     * @param out receives the values
     * @param n how many
     */
    public void get(long offset, float[] out, int n) {
        for (int done = 0; done < n; ) {
            long at = offset + done;
            int r = (int) (at / columns);
            int inView = (int) (at - (long) (r - r % rowsPerView) * columns);
            int count = (int) Math.min(n - done, (long) rowsPerView * columns - inView);
            views[r / rowsPerView].get(inView, out, done, count);
            done += count;
        }
        Reference.reachabilityFence(this);
    }

    /**
     * Copies {@code in[0, n)} into the values from {@code offset} (row-major); they may span rows and
     * views.
     *
     * @param offset the first value, row·columns + column
     * @param in the values
     * @param n how many
     */
    public void put(long offset, float[] in, int n) {
        for (int done = 0; done < n; ) {
            long at = offset + done;
            int r = (int) (at / columns);
            int inView = (int) (at - (long) (r - r % rowsPerView) * columns);
            int count = (int) Math.min(n - done, (long) rowsPerView * columns - inView);
            views[r / rowsPerView].put(inView, in, done, count);
            done += count;
        }
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
        FloatBuffer view = first;
        int o = r * columns;
        if (r >= rowsPerView) {
            view = views[r / rowsPerView];
            o = r % rowsPerView * columns;
        }
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
        FloatBuffer view = first;
        int o = r * columns;
        if (r >= rowsPerView) {
            view = views[r / rowsPerView];
            o = r % rowsPerView * columns;
        }
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
    public float get(long offset) {
        int r = (int) (offset / columns);
        float value = views[r / rowsPerView].get((int) (offset - (long) (r - r % rowsPerView) * columns));
        Reference.reachabilityFence(this);
        return value;
    }

    /**
     * Fills the first {@code n} rows uniformly in [−0.5/columns, 0.5/columns), the initialisation of
     * word2vec.c and CS224n for the centre vectors, drawing one double per value in row-major order.
     *
     * @param n how many rows, from the first
     * @param rng the generator
     */
    public void fillUniformRows(int n, RandomGenerator rng) {
        fillUniformRows(n, 1.0, rng);
    }

    /**
     * Fills the first {@code n} rows uniformly in [−width/(2·columns), width/(2·columns)): value =
     * width·(u − 0.5)/columns for one double u per value, in row-major order. Width 1 is word2vec.c's
     * initialisation, width 2 gensim 4's ({@code prep_vectors}: (2u − 1)/columns).
     *
     * @param n how many rows, from the first
     * @param width the interval's length times columns, finite and &gt; 0
     * @param rng the generator
     * @throws IllegalArgumentException if {@code width} is not finite and &gt; 0
     */
    public void fillUniformRows(int n, double width, RandomGenerator rng) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be finite and > 0, got " + width);
        }
        float[] row = new float[columns];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns; j++) {
                row[j] = (float) (width * (rng.nextDouble() - 0.5) / columns);
            }
            putRow(r, row);
        }
    }

    /**
     * The offset of the first value that is NaN or infinite, or −1 if all are finite.
     *
     * @return a row-major offset, or −1
     */
    public long firstNonFinite() {
        long before = 0;
        for (FloatBuffer view : views) {
            for (int i = 0, n = view.capacity(); i < n; i++) {
                if (!Float.isFinite(view.get(i))) {
                    Reference.reachabilityFence(this);
                    return before + i;
                }
            }
            before += view.capacity();
        }
        Reference.reachabilityFence(this);
        return -1;
    }
}
