package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.Negatives;
import dev.skipgram.loss.NegativeSampler;
import dev.skipgram.optim.ValueAndGradient;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CS224n objective with negative sampling, computed by the word2vec recipe's fused kernel in its
 * gradient form ({@link NegativeSamplingUpdate#addGradient}): O(B·m·K·d) per evaluation plus
 * clearing the gradient rows written last time; no INDArray is created.
 */
final class Cs224nNegativeSamplingObjective extends Cs224nObjective {

    private final NegativeSampler sampler;
    private final int negatives;
    private final int[] rows;
    private final NegativeSamplingUpdate kernel;

    Cs224nNegativeSamplingObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep, NegativeSampler sampler, int negatives) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        this.sampler = sampler;
        this.negatives = negatives;
        this.rows = new int[negatives + 1];
        this.kernel = new NegativeSamplingUpdate(dimension);
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        return evaluatePairs(x, rng, (params, center, o, scale, random) -> {
            int v = vocabularySize;
            rows[0] = v + o;
            touch(v + o);
            for (int k = 1; k <= negatives; k++) {
                int w = Negatives.draw(sampler, o, v, random);
                rows[k] = v + w;
                touch(v + w);
            }
            return kernel.addGradient(params, grad, center, rows, negatives + 1, scale);
        });
    }
}
