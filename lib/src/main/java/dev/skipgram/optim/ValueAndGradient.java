package dev.skipgram.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The value of an {@link Objective} and its gradient.
 *
 * <p>Immutable as a record, but the gradient is a mutable array the record holds, not a copy, and
 * {@link #gradient()} returns it as it is: it may be a buffer the objective overwrites at its next
 * evaluation. Copy it to keep it, and do not share an instance between threads. The gradient is never
 * null.
 *
 * @param value the function's value (may be NaN or infinite if the objective diverged; {@link Sgd}
 *     refuses such values with an exception)
 * @param gradient ∂value/∂x, same shape and data type as x; possibly a buffer the objective reuses
 *     (a live view of it, not a copy)
 */
public record ValueAndGradient(double value, INDArray gradient) {

    /**
     * Checks that the gradient is present.
     *
     * @param value the function's value, any double
     * @param gradient ∂value/∂x, not null; kept, not copied
     * @throws NullPointerException if {@code gradient} is null
     */
    public ValueAndGradient {
        Objects.requireNonNull(gradient, "gradient");
    }
}
