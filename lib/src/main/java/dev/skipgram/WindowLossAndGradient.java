package dev.skipgram;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss of one window and its gradients with respect to both embedding matrices, as returned by
 * {@link SkipGram#windowLossAndGradient} (skip-gram) and {@link SkipGram#cbowLossAndGradient} (CBOW).
 *
 * <p>Immutable as a record, but the gradients are mutable arrays that the record holds, not copies:
 * those from {@code SkipGram} are new arrays that belong to the caller, who may modify
 * them. Share an instance between threads only if nobody modifies its arrays. Neither gradient is
 * null.
 *
 * @param loss skip-gram: the sum of the pair losses over the window's outside words; CBOW: the loss
 *     of the one prediction from the context's mean; ≥ 0; 0 for a window without outside (context)
 *     words
 * @param centerVectorsGradient ∂J/∂(centre vectors), shape {@code [V, d]}; skip-gram: only the centre
 *     word's row is non-zero; CBOW: only the context words' rows; the accessor returns this array
 *     itself, not a copy
 * @param outsideVectorsGradient ∂J/∂(outside vectors), shape {@code [V, d]}; the accessor returns
 *     this array itself, not a copy
 */
public record WindowLossAndGradient(double loss, INDArray centerVectorsGradient, INDArray outsideVectorsGradient) {

    /**
     * Checks that both gradients are present.
     *
     * @param loss the window's loss
     * @param centerVectorsGradient ∂J/∂(centre vectors), not null; kept, not copied
     * @param outsideVectorsGradient ∂J/∂(outside vectors), not null; kept, not copied
     * @throws NullPointerException if a gradient is null
     */
    public WindowLossAndGradient {
        Objects.requireNonNull(centerVectorsGradient, "centerVectorsGradient");
        Objects.requireNonNull(outsideVectorsGradient, "outsideVectorsGradient");
    }
}
