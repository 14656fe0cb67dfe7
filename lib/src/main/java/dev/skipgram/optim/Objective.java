package dev.skipgram.optim;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A scalar function of a parameter array with its gradient, possibly stochastic (a mini-batch, or
 * negative samples): all randomness must come from {@code rng}, so that evaluating twice with
 * identically seeded generators gives the same answer. {@link dev.skipgram.check.GradientCheck}
 * relies on this.
 *
 * <p>Thread-safety is up to the implementation: {@link Sgd} and {@code GradientCheck} call an
 * objective from one thread; share one between concurrent runs only if it is thread-safe (an
 * implementation that reuses its gradient buffer is not). Nullness: the arguments are never null
 * when {@code Sgd} or {@code GradientCheck} calls; the result must not be null.
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
     * @param x the parameters; read, not modified
     * @param rng the source of every random choice of this evaluation
     * @return the value and ∂value/∂x, not null
     */
    ValueAndGradient evaluate(INDArray x, RandomGenerator rng);
}
