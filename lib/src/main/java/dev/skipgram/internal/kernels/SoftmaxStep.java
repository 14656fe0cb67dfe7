package dev.skipgram.internal.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The batched full-softmax step both recipes run, over buffers allocated once: R rows of inputs, each
 * predicting a run of words, become two GEMMs around one fused pass per row of scores. The word2vec
 * recipe applies it in place ({@link SoftmaxUpdate}); the CS224n objective turns it into a gradient.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, R = rows in use ≤ maxRows
 *   X   [R, d]   the rows' input vectors, gathered by the caller ({@link #gather})
 *   U   [V, d]   the output vectors
 *   S   [R, V]   forward:  S = X Uᵀ; then row by row, G_r = n_r·softmax(S_r) − counts_r
 *                          loss = Σ_r (n_r·logsumexp(S_r) − Σ_{o in run r} S_{r,o})
 *   dX  [R, d]   backward: dX = a·G U                       (U as it is before the target update)
 *   T   [V, d]            T = b·Gᵀ X + β·T                  (T = U itself for an SGD step, or a gradient)
 * </pre>
 * The loss is exact for scores of any size (the max is subtracted before exponentiating; no −log
 * of an underflowed probability). Every GEMM that reads or writes U holds U's monitor, so that a
 * step of one thread never reads U in the middle of another thread's update of it.
 *
 * <p>Confined to one thread: it owns its buffers.
 */
public final class SoftmaxStep {

    private final int maxRows;
    private final int vocabularySize;
    private final FloatMatrix inputs; // X [maxRows, d]
    private final FloatMatrix scores; // S [maxRows, V]
    private final FloatMatrix inputGradients; // dX [maxRows, d]
    private final INDArray[] inputRows; // first r rows of X, made when first needed
    private final INDArray[] scoreRows;
    private final INDArray[] inputGradientRows;
    private final float[] row; // one score row, in the core's cache for the softmax pass
    private final float[] vector; // one row of X

    /**
     * @param maxRows the most rows one step may use, ≥ 1
     * @param vocabularySize V
     * @param dimension d
     */
    public SoftmaxStep(int maxRows, int vocabularySize, int dimension) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        this.maxRows = maxRows;
        this.vocabularySize = vocabularySize;
        this.inputs = FloatMatrix.zeros(maxRows, dimension);
        this.scores = FloatMatrix.zeros(maxRows, vocabularySize);
        this.inputGradients = FloatMatrix.zeros(maxRows, dimension);
        this.inputRows = new INDArray[maxRows + 1];
        this.scoreRows = new INDArray[maxRows + 1];
        this.inputGradientRows = new INDArray[maxRows + 1];
        this.row = new float[vocabularySize];
        this.vector = new float[dimension];
    }

    /** @return the most rows one step may use */
    public int maxRows() {
        return maxRows;
    }

    /**
     * X[r] ← {@code from}[fromRow].
     *
     * @param r the row of X
     * @param from the matrix to copy from
     * @param fromRow its row
     */
    public void gather(int r, FloatMatrix from, int fromRow) {
        from.getRow(fromRow, vector);
        inputs.putRow(r, vector);
    }

    /**
     * S = X Uᵀ over the first {@code rows} rows, then each row of S becomes its G; returns the loss.
     *
     * @param outputs U, {@code [V, d]}
     * @param rows R
     * @param rowStart row r predicts {@code predicted[rowStart[r], rowStart[r + 1])}
     * @param predicted the predicted words
     * @return Σ_r (n_r·logsumexp(S_r) − Σ S_{r,o}), in double
     */
    public double forward(INDArray outputs, int rows, int[] rowStart, int[] predicted) {
        synchronized (outputs) {
            Nd4j.gemm(rows(inputRows, inputs, rows), outputs, rows(scoreRows, scores, rows), false, true, 1.0, 0.0);
        }
        double loss = 0.0;
        for (int r = 0; r < rows; r++) {
            loss += gradientRow(r, predicted, rowStart[r], rowStart[r + 1]);
        }
        return loss;
    }

    /**
     * dX = {@code inputScale}·G U, then T = {@code targetScale}·Gᵀ X + {@code targetBeta}·T, over the
     * first {@code rows} rows (those of the last {@link #forward}).
     *
     * @param outputs U, {@code [V, d]}
     * @param rows R
     * @param inputScale a
     * @param target T, {@code [V, d]}: U itself for an SGD step, or a gradient
     * @param targetScale b
     * @param targetBeta β
     */
    public void backward(INDArray outputs, int rows, double inputScale, INDArray target, double targetScale,
            double targetBeta) {
        INDArray s = rows(scoreRows, scores, rows);
        synchronized (outputs) {
            Nd4j.gemm(s, outputs, rows(inputGradientRows, inputGradients, rows), false, false, inputScale, 0.0);
            Nd4j.gemm(s, rows(inputRows, inputs, rows), target, true, false, targetScale, targetBeta);
        }
    }

    /**
     * Copies row {@code r} of dX into {@code out}.
     *
     * @param r the row
     * @param out receives d values
     */
    public void inputGradient(int r, float[] out) {
        inputGradients.getRow(r, out);
    }

    /**
     * Turns row r of S from scores into G_r = n·softmax − counts in one pass over a copy in
     * {@link #row}, and returns the row's loss n·logsumexp − Σ_j s_{o_j}.
     */
    private double gradientRow(int r, int[] predicted, int from, int to) {
        int v = vocabularySize;
        float[] z = row;
        scores.getRow(r, z);
        double loss = 0.0;
        for (int i = from; i < to; i++) {
            loss -= z[predicted[i]];
        }
        int n = to - from;
        loss += n * FloatKernels.scaledSoftmax(z, v, n);
        for (int i = from; i < to; i++) {
            z[predicted[i]] -= 1f;
        }
        scores.putRow(r, z);
        return loss;
    }

    /** The view of the first {@code rows} rows of {@code m}, made once and kept. */
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
