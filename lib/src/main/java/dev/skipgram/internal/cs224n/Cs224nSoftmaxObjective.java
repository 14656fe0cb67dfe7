package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.optim.ValueAndGradient;
import java.util.Arrays;
import java.util.random.RandomGenerator;
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
 * −log of an underflowed probability). The softmax rows are split over the available processors.
 * Cost O(B·V·d) per step, independent of the number of outside words per window.
 */
final class Cs224nSoftmaxObjective extends Cs224nObjective {

    private final FloatMatrix centers; // C [B, d]
    private final FloatMatrix scores; // S [B, V]
    private final FloatMatrix centerGradients; // gradC [B, d]
    private final float[] centerRow; // one row of C or gradC
    private final INDArray outsideGradient; // view of gradient rows V..2V−1
    private final float[] outsideScores; // u_oᵀ v_c of every pair of the step
    private final double[] logSumExp; // logsumexp(U v_c) of every window of the step
    private final Runnable[] rowTasks; // the softmax rows, split over the available processors
    private INDArray lastX;
    private INDArray outsideVectors; // view of x rows V..2V−1

    Cs224nSoftmaxObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        centers = FloatMatrix.zeros(windowsPerStep, dimension);
        scores = FloatMatrix.zeros(windowsPerStep, vocabularySize);
        centerGradients = FloatMatrix.zeros(windowsPerStep, dimension);
        centerRow = new float[dimension];
        outsideGradient = gradient.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
        outsideScores = new float[windowsPerStep * 2 * windowSize];
        logSumExp = new double[windowsPerStep];
        int parts = Math.max(1, Math.min(windowsPerStep, Runtime.getRuntime().availableProcessors()));
        rowTasks = new Runnable[parts];
        for (int p = 0; p < parts; p++) {
            int from = p * windowsPerStep / parts;
            int to = (p + 1) * windowsPerStep / parts;
            float[] row = new float[vocabularySize];
            rowTasks[p] = () -> softmaxRows(from, to, row);
        }
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        FloatMatrix params = parameters(x);
        if (x != lastX) {
            outsideVectors = x.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
            lastX = x;
        }
        batch.draw(contexts, windowsPerStep, windowSize, rng);
        int v = vocabularySize;
        int windows = batch.windows(); // == windowsPerStep

        // C ← centre rows
        for (int b = 0; b < windows; b++) {
            params.getRow(batch.center(b), centerRow);
            centers.putRow(b, centerRow);
        }

        // S ← C Uᵀ; keep each pair's score (the loss needs them), then each row of S becomes its
        // window's g = n·softmax(row) − counts, and lse[b] = logsumexp(row b)
        Nd4j.gemm(centers.array(), outsideVectors, scores.array(), false, true, 1.0, 0.0);
        for (int b = 0; b < windows; b++) {
            for (int i = batch.start(b); i < batch.end(b); i++) {
                outsideScores[i] = scores.get(b * v + batch.outside(i));
            }
        }
        if (rowTasks.length == 1) {
            rowTasks[0].run();
        } else {
            Arrays.stream(rowTasks).parallel().forEach(Runnable::run);
        }
        double loss = 0.0;
        for (int b = 0; b < windows; b++) {
            loss += (batch.end(b) - batch.start(b)) * logSumExp[b];
            for (int i = batch.start(b); i < batch.end(b); i++) {
                loss -= outsideScores[i];
            }
        }

        // gradU ← Gᵀ C / B (overwrites the outside half); gradC ← G U / B, added to the centre rows
        double scale = 1.0 / windowsPerStep;
        Nd4j.gemm(scores.array(), centers.array(), outsideGradient, true, false, scale, 0.0);
        Nd4j.gemm(scores.array(), outsideVectors, centerGradients.array(), false, false, scale, 0.0);
        clearTouchedRows();
        for (int b = 0; b < windows; b++) {
            int center = batch.center(b);
            touch(center);
            centerGradients.getRow(b, centerRow);
            grad.addToRow(center, 1f, centerRow);
        }
        record(loss, batch.end(windows - 1));
        return new ValueAndGradient(loss * scale, gradient);
    }

    /**
     * Turns rows {@code [from, to)} of S from scores into g = n·softmax − counts, in one pass over a
     * row copied to {@code row} (78 KB for V = 19,539: it stays in the core's cache), and records each
     * row's logsumexp. Rows are independent, so disjoint ranges may run on different threads.
     */
    private void softmaxRows(int from, int to, float[] row) {
        int v = vocabularySize;
        for (int b = from; b < to; b++) {
            scores.getRow(b, row);
            logSumExp[b] = FloatKernels.scaledSoftmax(row, v, batch.end(b) - batch.start(b));
            for (int i = batch.start(b); i < batch.end(b); i++) {
                row[batch.outside(i)] -= 1f;
            }
            scores.putRow(b, row);
        }
    }
}
