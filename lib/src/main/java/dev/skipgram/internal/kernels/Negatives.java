package dev.skipgram.internal.kernels;

import dev.skipgram.loss.NegativeSampler;
import java.util.random.RandomGenerator;

/**
 * The rule every negative-sampling kernel and the reference loss share for drawing a negative: draw
 * from the sampler until the word differs from the predicted one (at most {@value #MAX_REDRAWS}
 * draws). Stateless.
 */
public final class Negatives {

    /** Draws of the predicted word in a row after which the sampler is taken to be degenerate. */
    public static final int MAX_REDRAWS = 1_000_000;

    private Negatives() {}

    /**
     * One negative for {@code predicted}.
     *
     * @param sampler the noise distribution
     * @param predicted the word the pair predicts, which a negative must differ from
     * @param vocabularySize V: the sampler's words must be in {@code [0, V)}
     * @param rng the generator
     * @return a word in {@code [0, V)} other than {@code predicted}
     * @throws IllegalStateException if the sampler returns an index outside {@code [0, V)}, or only
     *     the predicted word {@value #MAX_REDRAWS} times in a row
     */
    public static int draw(NegativeSampler sampler, int predicted, int vocabularySize, RandomGenerator rng) {
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            int word = sampler.sample(rng);
            if (word < 0 || word >= vocabularySize) {
                throw new IllegalStateException(
                        "sampler returned word " + word + ", outside [0, " + vocabularySize + ")");
            }
            if (word != predicted) {
                return word;
            }
        }
        throw new IllegalStateException("sampler returned the outside word " + predicted + " "
                + MAX_REDRAWS + " times in a row: the noise distribution gives it (almost) all its mass");
    }
}
