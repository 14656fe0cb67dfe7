package dev.skipgram.loss;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss J of one (centre, outside) pair and its gradients, as returned by {@link Loss}.
 *
 * <p>The gradients are new arrays owned by the caller, in the data type of the loss's inputs.
 *
 * @param loss J, finite for finite inputs
 * @param centerGradient ∂J/∂v_c, shape {@code [d]}
 * @param outsideGradient ∂J/∂U, shape {@code [V, d]} (row w is ∂J/∂u_w)
 */
public record LossAndGradient(double loss, INDArray centerGradient, INDArray outsideGradient) {

    /** Checks that both gradients are present and the loss is a number. */
    public LossAndGradient {
        Objects.requireNonNull(centerGradient, "centerGradient");
        Objects.requireNonNull(outsideGradient, "outsideGradient");
        if (Double.isNaN(loss)) {
            throw new IllegalArgumentException("loss is NaN");
        }
    }
}
