package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.loss.NegativeSampler;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.optim.ValueAndGradient;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CS224n objective with negative sampling, computed by the fused float kernel: O(B·m·K·d) per
 * evaluation plus clearing the gradient rows written last time; no INDArray is created.
 */
final class Cs224nNegativeSamplingObjective extends Cs224nObjective {

    private final NegativeSampler sampler;
    private final int negatives;
    private final int[] rows;

    Cs224nNegativeSamplingObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep, NegativeSampler sampler, int negatives) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        this.sampler = sampler;
        this.negatives = negatives;
        this.rows = new int[negatives + 1];
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        FloatBuffer params = parameters(x);
        batch.draw(contexts, windowsPerStep, windowSize, rng);
        clearTouchedRows();
        int v = vocabularySize;
        int d = dimension;
        float scale = 1f / windowsPerStep;
        double loss = 0.0;
        for (int b = 0; b < batch.windows(); b++) {
            int center = batch.center(b);
            touch(center);
            for (int i = batch.start(b); i < batch.end(b); i++) {
                int o = batch.outside(i);
                rows[0] = (v + o) * d;
                touch(v + o);
                for (int k = 1; k <= negatives; k++) {
                    int w = NegativeSamplingLoss.drawNegative(sampler, o, v, rng);
                    rows[k] = (v + w) * d;
                    touch(v + w);
                }
                loss += FloatKernels.negativeSamplingPair(params, grad, center * d, rows, negatives + 1, d, scale);
            }
        }
        record(loss, batch.end(batch.windows() - 1));
        return new ValueAndGradient(loss / windowsPerStep, gradient);
    }
}
