package dev.skipgram.internal.cs224n;

import dev.skipgram.SkipGram;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.optim.Objective;
import dev.skipgram.optim.ValueAndGradient;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CS224n training objective: the mean skip-gram loss of {@code windowsPerStep} random windows.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, B = windows per step
 *   x         [2V, d] FLOAT   rows 0..V−1 centre vectors v_w, rows V..2V−1 outside vectors u_w
 *   gradient  [2V, d] FLOAT   one buffer, reused by every evaluation
 * </pre>
 *
 * <p>Every evaluation first draws the B windows (all of them, from the generator), then evaluates the
 * loss (which may draw more, for example negatives), so a reference computation that draws the same
 * batch and then calls {@link SkipGram#windowLossAndGradient} window by window sees the same random
 * numbers. Not thread-safe: one instance per training run.
 */
abstract sealed class Cs224nObjective implements Objective
        permits Cs224nNegativeSamplingObjective, Cs224nSoftmaxObjective, Cs224nHierarchicalSoftmaxObjective {

    final int vocabularySize;
    final int dimension;
    final int windowSize;
    final int windowsPerStep;
    final Cs224nContexts contexts;
    final WindowBatch batch;
    final INDArray gradient; // [2V, d]
    final FloatMatrix grad; // the same storage
    private double lossSinceDrain; // Σ pair losses of every evaluation since the last drain
    private long pairsSinceDrain;
    private long windowsEvaluated; // windows (one centre word each) of every evaluation of this instance
    private final boolean[] touched; // rows of gradient that may be non-zero
    private int[] touchedRows;
    private int touchedCount;

    Cs224nObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize, int windowsPerStep) {
        this.contexts = contexts;
        this.vocabularySize = vocabularySize;
        this.dimension = dimension;
        this.windowSize = windowSize;
        this.windowsPerStep = windowsPerStep;
        this.batch = new WindowBatch(windowsPerStep, windowSize);
        this.gradient = Nd4j.zeros(DataType.FLOAT, 2L * vocabularySize, dimension);
        this.grad = FloatMatrix.wrap(gradient);
        this.touched = new boolean[2 * vocabularySize];
        this.touchedRows = new int[64];
    }

    /** One pair's term of a per-pair objective: adds its scaled gradient, touching the rows it writes. */
    @FunctionalInterface
    interface PairTerm {
        /** Adds {@code scale} times the pair's gradient to {@code grad} and returns its loss. */
        double add(FloatMatrix parameters, int center, int outside, float scale, RandomGenerator rng);
    }

    /**
     * The objective of a loss evaluated pair by pair: draws the batch, clears the rows the last
     * evaluation wrote, then runs {@code term} on every (centre, outside) pair of the batch in order.
     */
    final ValueAndGradient evaluatePairs(INDArray x, RandomGenerator rng, PairTerm term) {
        FloatMatrix params = parameters(x);
        batch.draw(contexts, windowsPerStep, windowSize, rng);
        clearTouchedRows();
        float scale = 1f / windowsPerStep;
        double loss = 0.0;
        for (int b = 0; b < batch.windows(); b++) {
            int center = batch.center(b);
            touch(center);
            for (int i = batch.start(b); i < batch.end(b); i++) {
                loss += term.add(params, center, batch.outside(i), scale, rng);
            }
        }
        record(loss, batch.end(batch.windows() - 1));
        return new ValueAndGradient(loss / windowsPerStep, gradient);
    }

    /** Checks that x is the FLOAT {@code [2V, d]} c-order matrix the kernels index directly. */
    final FloatMatrix parameters(INDArray x) {
        if (x.dataType() != DataType.FLOAT || x.rank() != 2 || x.rows() != 2L * vocabularySize
                || x.columns() != dimension || x.ordering() != 'c' || x.offset() != 0 || x.isView()) {
            throw new IllegalArgumentException("parameters must be a FLOAT [" + 2 * vocabularySize + ", " + dimension
                    + "] c-order matrix, got " + x.dataType() + Arrays.toString(x.shape()) + " order " + x.ordering()
                    + (x.isView() ? " (a view)" : ""));
        }
        return FloatMatrix.wrap(x);
    }

    /** Adds one evaluation's summed pair loss and pair count to the running totals. */
    final void record(double pairLossSum, long pairs) {
        lossSinceDrain += pairLossSum;
        pairsSinceDrain += pairs;
        windowsEvaluated += windowsPerStep;
    }

    /**
     * The windows, one centre word each, that this instance has evaluated: those of this training call,
     * not those before a resume.
     */
    final long windowsEvaluated() {
        return windowsEvaluated;
    }

    /** The pairs evaluated and their summed loss since the previous call, as {@code {loss, pairs}}; resets both. */
    final double[] drain() {
        double[] totals = {lossSinceDrain, pairsSinceDrain};
        lossSinceDrain = 0;
        pairsSinceDrain = 0;
        return totals;
    }

    /** Zeroes the gradient rows the previous evaluation wrote. */
    final void clearTouchedRows() {
        for (int i = 0; i < touchedCount; i++) {
            int row = touchedRows[i];
            touched[row] = false;
            grad.zeroRow(row);
        }
        touchedCount = 0;
    }

    /** Records that gradient row {@code row} is about to be written. */
    final void touch(int row) {
        if (!touched[row]) {
            touched[row] = true;
            if (touchedCount == touchedRows.length) {
                touchedRows = Arrays.copyOf(touchedRows, 2 * touchedCount);
            }
            touchedRows[touchedCount++] = row;
        }
    }
}
