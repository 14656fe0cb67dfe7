package dev.skipgram.internal;

import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the large matrices of a read or a training run come from: the {@link MemoryBudget} they are
 * checked against before they are allocated, and how many floats one view of a {@link FloatMatrix}
 * holds. The library's entry points use {@link #ofThisProcess()}; tests pass small figures through
 * the internal entry points to refuse a model without allocating it, or to see a small matrix
 * through many views, without gigabytes.
 *
 * @param budget what may be allocated off the heap
 * @param maxViewFloats the most floats one view holds, in [1, {@link FloatMatrix#MAX_VIEW_FLOATS}]
 */
public record MatrixMemory(MemoryBudget budget, int maxViewFloats) {

    /** Checks the arguments. */
    public MatrixMemory {
        Objects.requireNonNull(budget, "budget");
        if (maxViewFloats < 1 || maxViewFloats > FloatMatrix.MAX_VIEW_FLOATS) {
            throw new IllegalArgumentException("maxViewFloats must be in [1, " + FloatMatrix.MAX_VIEW_FLOATS
                    + "], got " + maxViewFloats);
        }
    }

    /**
     * This process's budget now, and views as large as NIO allows.
     *
     * @return what the library's entry points use
     */
    public static MatrixMemory ofThisProcess() {
        return new MatrixMemory(MemoryBudget.ofThisProcess(), FloatMatrix.MAX_VIEW_FLOATS);
    }

    /**
     * See {@link MemoryBudget#shortfall}.
     *
     * @param bytes what the work will allocate off the heap
     * @param what what needs them, for the message
     * @return why they cannot be allocated, or empty
     */
    public Optional<String> shortfall(long bytes, String what) {
        return budget.shortfall(bytes, what);
    }

    /**
     * A matrix of zeros through views of at most {@link #maxViewFloats} floats.
     *
     * @param rows ≥ 0
     * @param columns in [1, maxViewFloats]
     * @return the matrix
     */
    public FloatMatrix zeros(int rows, int columns) {
        return FloatMatrix.zeros(rows, columns, maxViewFloats);
    }

    /**
     * An array's storage through views of at most {@link #maxViewFloats} floats.
     *
     * @param array FLOAT, rank 2, c order, not a view
     * @return the matrix
     */
    public FloatMatrix wrap(INDArray array) {
        return FloatMatrix.wrap(array, maxViewFloats);
    }
}
