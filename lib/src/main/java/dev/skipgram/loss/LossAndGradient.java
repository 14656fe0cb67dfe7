package dev.skipgram.loss;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss J of one (centre, outside) pair and its gradients, as returned by {@link Loss}.
 *
 * <p>The gradients are new arrays owned by the caller, in the data type of the loss's inputs. The
 * record holds them, not copies, and its accessors return them as they are: immutable as a record,
 * but the arrays are mutable, so share an instance between threads only if nobody modifies them.
 *
 * @param loss J, never NaN; finite for finite inputs, and ≥ 0 for both losses of this package
 *     (they are cross-entropies)
 * @param centerGradient ∂J/∂v_c, shape {@code [d]}
 * @param outsideGradient ∂J/∂U, shape {@code [V, d]} (row w is ∂J/∂u_w)
 */
public record LossAndGradient(double loss, INDArray centerGradient, INDArray outsideGradient) {

    /**
     * Checks that both gradients are present and the loss is a number.
     *
     * @param loss J, not NaN
     * @param centerGradient ∂J/∂v_c, not null; kept, not copied
     * @param outsideGradient ∂J/∂U, not null; kept, not copied
     * @throws IllegalArgumentException if {@code loss} is NaN
     * @throws NullPointerException if a gradient is null
     */
    public LossAndGradient {
        Objects.requireNonNull(centerGradient, "centerGradient");
        Objects.requireNonNull(outsideGradient, "outsideGradient");
        if (Double.isNaN(loss)) {
            throw new IllegalArgumentException("loss is NaN");
        }
    }
}
