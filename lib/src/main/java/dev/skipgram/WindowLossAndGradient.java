package dev.skipgram;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The skip-gram loss of one window and its gradients with respect to both embedding matrices, as
 * returned by {@link SkipGram#windowLossAndGradient}.
 *
 * @param loss the sum of the pair losses over the window's outside words
 * @param centerVectorsGradient ∂J/∂(centre vectors), shape {@code [V, d]}; only the centre word's
 *     row is non-zero
 * @param outsideVectorsGradient ∂J/∂(outside vectors), shape {@code [V, d]}
 */
public record WindowLossAndGradient(double loss, INDArray centerVectorsGradient, INDArray outsideVectorsGradient) {

    /** Checks that both gradients are present. */
    public WindowLossAndGradient {
        Objects.requireNonNull(centerVectorsGradient, "centerVectorsGradient");
        Objects.requireNonNull(outsideVectorsGradient, "outsideVectorsGradient");
    }
}
