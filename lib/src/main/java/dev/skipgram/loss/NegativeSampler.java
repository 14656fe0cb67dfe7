package dev.skipgram.loss;

import java.util.random.RandomGenerator;

/**
 * Draws one word index from a noise distribution. Implementations hold no random state of their own:
 * all randomness comes from the generator passed in, so one sampler can be shared by many threads,
 * each with its own generator, and should therefore be thread-safe ({@link NoiseDistribution} is
 * immutable).
 *
 * <p>Nullness: the losses pass the generator on unchecked; a sampler that uses it may assume it is
 * not null.
 */
@FunctionalInterface
public interface NegativeSampler {

    /**
     * Draws one word.
     *
     * @param rng the source of randomness; advanced by the draw
     * @return a word index in {@code [0, V)}; an index outside it makes {@link NegativeSamplingLoss}
     *     throw an {@link IllegalStateException}
     */
    int sample(RandomGenerator rng);
}
