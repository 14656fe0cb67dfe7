package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.optim.ValueAndGradient;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The CS224n objective with the full softmax, batched over the step's windows.
 *
 * <p>All outside words of one window share the centre vector, so they share ŷ = softmax(U v_c): the
 * window's loss is Σ_j (logsumexp(U v_c) − u_{o_j}ᵀ v_c) and its gradients are Uᵀ g and g v_cᵀ with
 * g = n·ŷ − Σ_j y_j (n outside words). One step is two GEMM-shaped products around one fused
 * softmax pass, over preallocated buffers:
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, B = windows in the step
 *   C      [B, d]  centre vectors of the windows (gathered)
 *   S      [B, V]  S = C Uᵀ; then, row by row in one pass, G = n·softmax(S) − counts
 *   gradC  [B, d]  = G U / B          → added to the centre rows of the gradient
 *   gradU  [V, d]  = Gᵀ C / B         → written straight into the outside half of the gradient
 * </pre>
 * The loss is Σ_b (n_b·logsumexp(S_b) − Σ_j S_{b,o_j}) in double, exact for scores of any size (no
 * −log of an underflowed probability). Everything runs on the calling thread (only ND4J's native
 * matrix products may use BLAS threads of their own): the CS224n recipe is single-threaded, and no
 * work goes to the common ForkJoinPool. Cost O(B·V·d) per step, independent of the number of outside words per window.
 */
final class Cs224nSoftmaxObjective extends Cs224nObjective {

    private final INDArray centers; // C [B, d]
    private final INDArray scores; // S [B, V]
    private final INDArray windowSizes; // n [B, 1]
    private final INDArray centerGradients; // gradC [B, d]
    private final INDArray outsideGradient; // view of gradient rows V..2V−1
    private final float[] outsideScores; // u_oᵀ v_c of every pair of the step
    private final double[] logSumExp; // logsumexp(U v_c) of every window of the step
    private final float[] row; // one row of S at a time, [V]
    private INDArray lastX;
    private INDArray outsideVectors; // view of x rows V..2V−1

    Cs224nSoftmaxObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        centers = Nd4j.zeros(DataType.FLOAT, windowsPerStep, dimension);
        scores = Nd4j.zeros(DataType.FLOAT, windowsPerStep, vocabularySize);
        windowSizes = Nd4j.zeros(DataType.FLOAT, windowsPerStep, 1);
        centerGradients = Nd4j.zeros(DataType.FLOAT, windowsPerStep, dimension);
        outsideGradient = gradient.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
        outsideScores = new float[windowsPerStep * 2 * windowSize];
        logSumExp = new double[windowsPerStep];
        row = new float[vocabularySize];
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        FloatBuffer params = parameters(x);
        if (x != lastX) {
            outsideVectors = x.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
            lastX = x;
        }
        batch.draw(contexts, windowsPerStep, windowSize, rng);
        int d = dimension;
        int v = vocabularySize;
        int windows = batch.windows(); // == windowsPerStep

        // C ← centre rows; n ← outside words per window
        FloatBuffer c = centers.data().asNioFloat();
        FloatBuffer n = windowSizes.data().asNioFloat();
        for (int b = 0; b < windows; b++) {
            int center = batch.center(b) * d;
            for (int j = 0; j < d; j++) {
                c.put(b * d + j, params.get(center + j));
            }
            n.put(b, batch.end(b) - batch.start(b));
        }

        // S ← C Uᵀ; keep each pair's score (the loss needs them), then each row of S becomes its
        // window's g = n·softmax(row) − counts, and lse[b] = logsumexp(row b)
        Nd4j.gemm(centers, outsideVectors, scores, false, true, 1.0, 0.0);
        FloatBuffer s = scores.data().asNioFloat();
        for (int b = 0; b < windows; b++) {
            for (int i = batch.start(b); i < batch.end(b); i++) {
                outsideScores[i] = s.get(b * v + batch.outside(i));
            }
        }
        softmaxRows(0, windows, row);
        double loss = 0.0;
        for (int b = 0; b < windows; b++) {
            loss += (batch.end(b) - batch.start(b)) * logSumExp[b];
            for (int i = batch.start(b); i < batch.end(b); i++) {
                loss -= outsideScores[i];
            }
        }

        // gradU ← Gᵀ C / B (overwrites the outside half); gradC ← G U / B, added to the centre rows
        double scale = 1.0 / windowsPerStep;
        Nd4j.gemm(scores, centers, outsideGradient, true, false, scale, 0.0);
        Nd4j.gemm(scores, outsideVectors, centerGradients, false, false, scale, 0.0);
        clearTouchedRows();
        FloatBuffer gc = centerGradients.data().asNioFloat();
        for (int b = 0; b < windows; b++) {
            int center = batch.center(b);
            touch(center);
            FloatKernels.axpy(1f, gc, b * d, grad, center * d, d);
        }
        record(loss, batch.end(windows - 1));
        return new ValueAndGradient(loss * scale, gradient);
    }

    /**
     * Turns rows {@code [from, to)} of S from scores into g = n·softmax − counts, in one pass over a
     * row copied to {@code row} (78 KB for V = 19,539: it stays in the core's cache), and records each
     * row's logsumexp. Rows are independent, so the order (and any split) does not change a bit.
     */
    private void softmaxRows(int from, int to, float[] row) {
        int v = vocabularySize;
        FloatBuffer s = scores.data().asNioFloat();
        for (int b = from; b < to; b++) {
            s.get(b * v, row, 0, v);
            logSumExp[b] = FloatKernels.scaledSoftmax(row, v, batch.end(b) - batch.start(b));
            for (int i = batch.start(b); i < batch.end(b); i++) {
                row[batch.outside(i)] -= 1f;
            }
            s.put(b * v, row, 0, v);
        }
    }
}
