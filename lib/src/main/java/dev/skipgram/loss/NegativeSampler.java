package dev.skipgram.loss;

import java.util.random.RandomGenerator;

/**
 * Draws one word index from a noise distribution. Implementations hold no random state of their own:
 * all randomness comes from the generator passed in, so one sampler can be shared by many threads,
 * each with its own generator.
 */
@FunctionalInterface
public interface NegativeSampler {

    /**
     * Draws one word.
     *
     * @param rng the source of randomness
     * @return a word index in {@code [0, V)}
     */
    int sample(RandomGenerator rng);
}
