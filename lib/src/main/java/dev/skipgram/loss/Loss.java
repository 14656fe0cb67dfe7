package dev.skipgram.loss;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss J(v_c, o, U) of predicting one outside word o from one centre word c, and its
 * gradients with respect to the centre vector v_c and to every outside vector (the rows of U).
 *
 * <p>Shapes: {@code d} is the embedding dimension, {@code V} the vocabulary size. Outside vectors are
 * stored as the <em>rows</em> of U, so the scores of every word are {@code U v_c}, a V-vector.
 *
 * <p>Contract shared by every implementation (and tested for each one by the same contract test):
 * <ul>
 *   <li>the arguments are never modified;
 *   <li>FLOAT and DOUBLE inputs are accepted and the gradients come back in the inputs' data type;
 *   <li>the loss and the gradients are finite for finite inputs, however large the scores;
 *   <li>all randomness (negative samples) comes from {@code rng}, so two calls with identically
 *       seeded generators give identical answers.
 * </ul>
 *
 * <p>The implementations in this package are the <em>reference</em> kernels: clear, any precision,
 * and checked against finite differences. Training uses fused float kernels that are tested against
 * these.
 *
 * <p>Thread-safety: the implementations here keep no state between calls and may be shared by threads
 * that each pass their own generator ({@link NegativeSamplingLoss} as far as its sampler allows).
 * Nullness: {@code centerVector} and {@code outsideVectors} must not be null; {@code rng} is passed
 * on unchecked, so it may be null only for a loss (or sampler) that draws nothing, such as
 * {@link NaiveSoftmaxLoss}. The result is never null.
 */
public interface Loss {

    /**
     * Computes the loss of one (centre, outside) pair and its gradients.
     *
     * @param centerVector v_c, shape {@code [d]}, FLOAT or DOUBLE
     * @param outsideIndex o, the index of the outside word, in {@code [0, V)}
     * @param outsideVectors U, shape {@code [V, d]}, same data type as {@code centerVector}
     * @param rng the source of any random choice the loss makes; advanced by each draw
     * @return the loss, ∂J/∂v_c of shape {@code [d]} and ∂J/∂U of shape {@code [V, d]}, the gradients
     *     new arrays owned by the caller
     * @throws IllegalArgumentException if the shapes or data types do not match or {@code outsideIndex}
     *     is out of range
     */
    LossAndGradient lossAndGradient(
            INDArray centerVector, int outsideIndex, INDArray outsideVectors, RandomGenerator rng);
}
