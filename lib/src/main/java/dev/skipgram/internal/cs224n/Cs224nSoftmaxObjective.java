package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.SoftmaxStep;
import dev.skipgram.optim.ValueAndGradient;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The CS224n objective with the full softmax, batched over the step's windows.
 *
 * <p>All outside words of one window share the centre vector, so they share ŷ = softmax(U v_c): the
 * window's loss is Σ_j (logsumexp(U v_c) − u_{o_j}ᵀ v_c) and its gradients are Uᵀ g and g v_cᵀ with
 * g = n·ŷ − Σ_j y_j (n outside words). One evaluation is the word2vec recipe's {@link SoftmaxStep}
 * with one row per window, turned into a gradient:
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, B = windows in the step
 *   C      [B, d]  centre vectors of the windows (gathered)
 *   S      [B, V]  S = C Uᵀ; then, row by row in one pass, G = n·softmax(S) − counts
 *   gradC  [B, d]  = G U / B          → added to the centre rows of the gradient
 *   gradU  [V, d]  = Gᵀ C / B         → written straight into the outside half of the gradient
 * </pre>
 * The loss is Σ_b (n_b·logsumexp(S_b) − Σ_j S_{b,o_j}) in double, exact for scores of any size. Runs
 * on the calling thread only (the GEMMs use ND4J's BLAS threads, {@code OMP_NUM_THREADS}). Cost
 * O(B·V·d) per step, independent of the number of outside words per window.
 */
final class Cs224nSoftmaxObjective extends Cs224nObjective {

    private final SoftmaxStep step;
    private final INDArray outsideGradient; // view of gradient rows V..2V−1
    private final int[] windowStart; // window b predicts predicted[windowStart[b], windowStart[b + 1])
    private final int[] predicted;
    private final float[] centerRow; // one row of gradC
    private INDArray lastX;
    private INDArray outsideVectors; // view of x rows V..2V−1

    Cs224nSoftmaxObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        step = new SoftmaxStep(windowsPerStep, vocabularySize, dimension);
        outsideGradient = gradient.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
        windowStart = new int[windowsPerStep + 1];
        predicted = new int[windowsPerStep * 2 * windowSize];
        centerRow = new float[dimension];
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        FloatMatrix params = parameters(x);
        if (x != lastX) {
            outsideVectors = x.get(NDArrayIndex.interval(vocabularySize, 2L * vocabularySize), NDArrayIndex.all());
            lastX = x;
        }
        batch.draw(contexts, windowsPerStep, windowSize, rng);
        int windows = batch.windows(); // == windowsPerStep

        // C ← centre rows; each window's outside words
        int pairs = 0;
        for (int b = 0; b < windows; b++) {
            step.gather(b, params, batch.center(b));
            windowStart[b] = pairs;
            for (int i = batch.start(b); i < batch.end(b); i++) {
                predicted[pairs++] = batch.outside(i);
            }
        }
        windowStart[windows] = pairs;

        // S ← C Uᵀ, G and the loss; then gradC ← G U / B, gradU ← Gᵀ C / B (overwrites the outside half)
        double loss = step.forward(outsideVectors, windows, windowStart, predicted);
        double scale = 1.0 / windowsPerStep;
        step.backward(outsideVectors, windows, scale, outsideGradient, scale, 0.0);
        clearTouchedRows();
        for (int b = 0; b < windows; b++) {
            int center = batch.center(b);
            touch(center);
            step.inputGradient(b, centerRow);
            grad.addToRow(center, 1f, centerRow);
        }
        record(loss, batch.end(windows - 1));
        return new ValueAndGradient(loss * scale, gradient);
    }
}
