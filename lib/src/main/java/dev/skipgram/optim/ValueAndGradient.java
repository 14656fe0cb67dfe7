package dev.skipgram.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The value of an {@link Objective} and its gradient.
 *
 * @param value the function's value (may be NaN or infinite if the objective diverged; {@link Sgd}
 *     refuses such values with an exception)
 * @param gradient ∂value/∂x, same shape and data type as x; possibly a buffer the objective reuses
 */
public record ValueAndGradient(double value, INDArray gradient) {

    /** Checks that the gradient is present. */
    public ValueAndGradient {
        Objects.requireNonNull(gradient, "gradient");
    }
}
