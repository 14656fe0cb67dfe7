package dev.skipgram.internal.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One batched SGD step of the full softmax (SPEC §1) over a batch of (input, predicted) pairs: the
 * softmax kernel of the word2vec recipe. Per-thread: it owns its buffers, so give each worker its
 * own instance.
 *
 * <p>Consecutive pairs with the same input word share one row: their scores U x are the same, so a
 * run of n pairs costs one row of every product, with g = n·softmax(U x) − counts (the sum of the
 * run's n pair gradients with respect to the scores). The word2vec recipe hands over a position's
 * window as such a run, which makes the softmax about 2·E[radius] times cheaper than one row per
 * pair.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, R = rows in the batch (runs of equal inputs), R ≤ maxRows
 *   inputVectors    [V, d]  X (the "centre" rows v), shared, updated in place
 *   outputVectors   [V, d]  U (the "outside" rows u), shared, updated in place
 *   x   [R, d]   gathered input rows
 *   S   [R, V]   S = x Uᵀ; then, row by row in one pass, G = n·softmax(S) − counts
 *   dx  [R, d]   dx = G U                (∂J/∂x, with U as it was before this step)
 *   U  += −η Gᵀ x                        (one GEMM with beta = 1, under the lock of U)
 *   X[input_r] += −η dx_r                (row by row)
 *   returns Σ_r (n_r·logsumexp(S_r) − Σ_j S_{r,o_j}) in double
 * </pre>
 * All gradients of the batch are taken at the parameters as they are when the step starts, then
 * summed: for a batch of one pair this is exactly −η times the gradient of the reference {@link
 * dev.skipgram.loss.NaiveSoftmaxLoss}. The loss is exact for scores of any size (the max is
 * subtracted before exponentiating; no −log of an underflowed probability).
 *
 * <p>Threads: the U update writes every entry of U, so unlike the sparse negative-sampling update it
 * would lose whole steps if two workers wrote U at once, and a worker reading U in the middle of
 * another's update would see a mixture of two steps in every row. So every GEMM that touches U holds
 * the monitor of {@code outputVectors}, and a step reads one consistent U; the softmax pass, the
 * gathers and the input-row updates run in parallel without locks (Hogwild, as in the
 * negative-sampling kernel). With the full softmax, a second thread therefore speeds up only the
 * work outside the GEMMs.
 */
public final class SoftmaxUpdate implements WindowUpdate {

    private final FloatMatrix inputs; // X [V, d]
    private final INDArray outputVectors; // U [V, d]
    private final int vocabularySize;
    private final int dimension;
    private final int maxRows;
    private final FloatMatrix gathered; // x [maxRows, d]
    private final FloatMatrix scores; // S [maxRows, V]
    private final FloatMatrix inputGradients; // dx [maxRows, d]
    private final INDArray[] gatheredRows; // first r rows of x, made when first needed
    private final INDArray[] scoreRows;
    private final INDArray[] inputGradientRows;
    private final int[] rowInput; // input word of row r
    private final int[] rowStart; // row r's pairs are [rowStart[r], rowStart[r + 1])
    private final float[] row; // one score row, in the core's cache for the softmax pass
    private final float[] gradientRow; // one row of dx
    private final float[] inputRow; // one row of X

    /**
     * @param inputVectors X, {@code [V, d]}
     * @param outputVectors U, {@code [V, d]}
     * @param maxRows the most rows (runs of equal inputs) one call may hand over, ≥ 1
     */
    public SoftmaxUpdate(FloatMatrix inputVectors, FloatMatrix outputVectors, int maxRows) {
        if (inputVectors.rows() != outputVectors.rows() || inputVectors.columns() != outputVectors.columns()) {
            throw new IllegalArgumentException("input and output vectors must both be [V, d], got ["
                    + inputVectors.rows() + ", " + inputVectors.columns() + "] and [" + outputVectors.rows() + ", "
                    + outputVectors.columns() + "]");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        this.inputs = inputVectors;
        this.outputVectors = outputVectors.array();
        this.vocabularySize = inputVectors.rows();
        this.dimension = inputVectors.columns();
        this.maxRows = maxRows;
        this.gathered = FloatMatrix.zeros(maxRows, dimension);
        this.scores = FloatMatrix.zeros(maxRows, vocabularySize);
        this.inputGradients = FloatMatrix.zeros(maxRows, dimension);
        this.gatheredRows = new INDArray[maxRows + 1];
        this.scoreRows = new INDArray[maxRows + 1];
        this.inputGradientRows = new INDArray[maxRows + 1];
        this.rowInput = new int[maxRows];
        this.rowStart = new int[maxRows + 1];
        this.row = new float[vocabularySize];
        this.gradientRow = new float[dimension];
        this.inputRow = new float[dimension];
    }

    @Override
    public int maxRows() {
        return maxRows;
    }

    @Override
    public double apply(int[] inputWords, int[] predictedWords, int count, float learningRate) {
        if (count == 0) {
            return 0.0;
        }
        int rows = groupRuns(inputWords, count);
        int d = dimension;

        // x ← the rows' input vectors
        for (int r = 0; r < rows; r++) {
            inputs.getRow(rowInput[r], inputRow);
            gathered.putRow(r, inputRow);
        }
        INDArray xr = rows(gatheredRows, gathered, rows);
        INDArray sr = rows(scoreRows, scores, rows);
        INDArray dxr = rows(inputGradientRows, inputGradients, rows);

        // S ← x Uᵀ; each row becomes g = n·softmax − counts; the loss from the same pass
        synchronized (outputVectors) {
            Nd4j.gemm(xr, outputVectors, sr, false, true, 1.0, 0.0);
        }
        double loss = 0.0;
        for (int r = 0; r < rows; r++) {
            loss += softmaxRow(r, predictedWords);
        }

        // dx ← G U (U before the step's own update); U ← U − η Gᵀ x
        synchronized (outputVectors) {
            Nd4j.gemm(sr, outputVectors, dxr, false, false, 1.0, 0.0);
            Nd4j.gemm(sr, xr, outputVectors, true, false, -learningRate, 1.0);
        }

        // X[input_r] ← X[input_r] − η dx_r
        for (int r = 0; r < rows; r++) {
            inputGradients.getRow(r, gradientRow);
            inputs.getRow(rowInput[r], inputRow);
            for (int j = 0; j < d; j++) {
                inputRow[j] -= learningRate * gradientRow[j];
            }
            inputs.putRow(rowInput[r], inputRow);
        }
        return loss;
    }

    /** Splits the pairs into runs of equal input words; returns the number of runs. */
    private int groupRuns(int[] inputWords, int count) {
        int rows = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || inputWords[i] != inputWords[i - 1]) {
                if (rows == maxRows) {
                    throw new IllegalArgumentException("the " + count + " pairs form more than maxRows = "
                            + maxRows + " runs of equal input words");
                }
                rowInput[rows] = inputWords[i];
                rowStart[rows++] = i;
            }
        }
        rowStart[rows] = count;
        return rows;
    }

    /**
     * Turns row r of S from scores into g = n·softmax − counts in one pass over a copy in {@link
     * #row}, and returns the row's loss n·logsumexp − Σ_j s_{o_j}.
     */
    private double softmaxRow(int r, int[] predictedWords) {
        int v = vocabularySize;
        float[] z = row;
        scores.getRow(r, z);
        double loss = 0.0;
        for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
            loss -= z[predictedWords[i]];
        }
        int n = rowStart[r + 1] - rowStart[r];
        loss += n * FloatKernels.scaledSoftmax(z, v, n);
        for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
            z[predictedWords[i]] -= 1f;
        }
        scores.putRow(r, z);
        return loss;
    }

    /** The view of the first {@code rows} rows of {@code matrix}, made once and kept. */
    private static INDArray rows(INDArray[] cache, FloatMatrix m, int rows) {
        INDArray view = cache[rows];
        if (view == null) {
            INDArray matrix = m.array();
            view = rows == matrix.rows() ? matrix : matrix.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            cache[rows] = view;
        }
        return view;
    }
}
