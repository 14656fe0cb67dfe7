package dev.skipgram.internal.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

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
 *   SoftmaxStep with x = the rows' input vectors:
 *     S = x Uᵀ; G = n·softmax(S) − counts; dx = G U (U before this step); U += −η Gᵀ x (beta = 1)
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
    private final int dimension;
    private final SoftmaxStep step;
    private final int[] rowInput; // input word of row r
    private final int[] rowStart; // row r's pairs are [rowStart[r], rowStart[r + 1])
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
        this.inputs = inputVectors;
        this.outputVectors = outputVectors.array();
        this.dimension = inputVectors.columns();
        this.step = new SoftmaxStep(maxRows, inputVectors.rows(), dimension);
        this.rowInput = new int[maxRows];
        this.rowStart = new int[maxRows + 1];
        this.gradientRow = new float[dimension];
        this.inputRow = new float[dimension];
    }

    @Override
    public int maxRows() {
        return step.maxRows();
    }

    @Override
    public double apply(int[] inputWords, int[] predictedWords, int count, float learningRate) {
        if (count == 0) {
            return 0.0;
        }
        int rows = groupRuns(inputWords, count);
        for (int r = 0; r < rows; r++) {
            step.gather(r, inputs, rowInput[r]);
        }
        double loss = step.forward(outputVectors, rows, rowStart, predictedWords);
        // dx ← G U (U before the step's own update); U ← U − η Gᵀ x
        step.backward(outputVectors, rows, 1.0, outputVectors, -learningRate, 1.0);
        // X[input_r] ← X[input_r] − η dx_r
        int d = dimension;
        for (int r = 0; r < rows; r++) {
            step.inputGradient(r, gradientRow);
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
        int maxRows = step.maxRows();
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
}
