package dev.skipgram.optim;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A scalar function of a parameter array with its gradient, possibly stochastic (a mini-batch, or
 * negative samples): all randomness must come from {@code rng}, so that evaluating twice with
 * identically seeded generators gives the same answer. {@link dev.skipgram.check.GradientCheck}
 * relies on this.
 */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates the function and its gradient at {@code x}.
     *
     * <p>{@code x} must not be modified. The returned gradient has the shape and data type of
     * {@code x}; an implementation may reuse one gradient buffer across calls, so callers that keep a
     * gradient past the next call must copy it.
     *
     * @param x the parameters
     * @param rng the source of every random choice of this evaluation
     * @return the value and ∂value/∂x
     */
    ValueAndGradient evaluate(INDArray x, RandomGenerator rng);
}
