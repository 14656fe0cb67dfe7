package dev.skipgram;

import dev.skipgram.optim.ValueAndGradient;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The CS224n objective with the full softmax, batched over the step's windows.
 *
 * <p>All outside words of one window share the centre vector, so they share ŷ = softmax(U v_c): the
 * window's loss is Σ_j (logsumexp(U v_c) − u_{o_j}ᵀ v_c) and its gradients are Uᵀ g and g v_cᵀ with
 * g = n·ŷ − Σ_j y_j (n outside words). One step is three GEMMs and one softmax over
 * preallocated buffers:
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, B = windows in the step
 *   C      [B, d]  centre vectors of the windows (gathered)
 *   S      [B, V]  S = C Uᵀ; then ŷ row by row (softmax in place); then G = n·ŷ − counts
 *   gradC  [B, d]  = G U / B          → added to the centre rows of the gradient
 *   gradU  [V, d]  = Gᵀ C / B         → written straight into the outside half of the gradient
 * </pre>
 * Cost O(B·V·d) per step, independent of the number of outside words per window.
 */
final class Cs224nSoftmaxObjective extends Cs224nObjective {

    /** Below this probability −log ŷ_o is recomputed from the scores in double (float underflow). */
    private static final float SMALLEST_TRUSTED_PROBABILITY = 1e-30f;

    private final INDArray centers; // C [B, d]
    private final INDArray scores; // S [B, V]
    private final INDArray windowSizes; // n [B, 1]
    private final INDArray centerGradients; // gradC [B, d]
    private final INDArray outsideGradient; // view of gradient rows V..2V−1
    private final float[] outsideScores; // u_oᵀ v_c of every pair of the step
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

        // S ← C Uᵀ; keep each pair's score, then S ← softmax(S) row by row
        Nd4j.gemm(centers, outsideVectors, scores, false, true, 1.0, 0.0);
        FloatBuffer s = scores.data().asNioFloat();
        for (int b = 0; b < windows; b++) {
            for (int i = batch.start(b); i < batch.end(b); i++) {
                outsideScores[i] = s.get(b * v + batch.outside(i));
            }
        }
        Nd4j.exec(new SoftMax(scores, scores, 1));

        // loss = Σ −log ŷ_o; G ← n·ŷ − counts
        double loss = 0.0;
        for (int b = 0; b < windows; b++) {
            double logSumExp = Double.NaN;
            for (int i = batch.start(b); i < batch.end(b); i++) {
                float p = s.get(b * v + batch.outside(i));
                if (p >= SMALLEST_TRUSTED_PROBABILITY) {
                    loss -= Math.log(p);
                } else {
                    if (Double.isNaN(logSumExp)) {
                        logSumExp = logSumExpOfScores(params, batch.center(b));
                    }
                    loss += logSumExp - outsideScores[i];
                }
            }
        }
        scores.muliColumnVector(windowSizes);
        for (int b = 0; b < windows; b++) {
            for (int i = batch.start(b); i < batch.end(b); i++) {
                int at = b * v + batch.outside(i);
                s.put(at, s.get(at) - 1f);
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
        return new ValueAndGradient(loss * scale, gradient);
    }

    /** logsumexp(U v_c) in double, from the parameters (the rare path when ŷ_o underflows in float). */
    private double logSumExpOfScores(FloatBuffer params, int center) {
        int d = dimension;
        int v = vocabularySize;
        double[] z = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < v; w++) {
            z[w] = FloatKernels.dot(params, center * d, params, (v + w) * d, d);
            max = Math.max(max, z[w]);
        }
        double sum = 0.0;
        for (int w = 0; w < v; w++) {
            sum += Math.exp(z[w] - max);
        }
        return max + Math.log(sum);
    }
}
