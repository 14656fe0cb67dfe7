package dev.skipgram.loss;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The naive softmax loss: the cross-entropy of the full softmax over the vocabulary.
 *
 * <pre>
 *   ŷ = softmax(U v_c)             J = −log ŷ_o = logsumexp(U v_c) − u_oᵀ v_c
 *   ∂J/∂v_c = Uᵀ (ŷ − y)           ∂J/∂U = (ŷ − y) v_cᵀ        (y = one-hot of o)
 * </pre>
 *
 * <p>The maximum score is subtracted before exponentiating, so J is finite and exact for scores of
 * any magnitude. Every row of ∂J/∂U is non-zero, and one evaluation costs O(V·d): this loss is the
 * exact reference that negative sampling approximates.
 *
 * <p>Stateless and thread-safe; makes no random choice, so the generator is ignored and may be null.
 * The vectors must not be null.
 */
public final class NaiveSoftmaxLoss implements Loss {

    /** Creates the loss. */
    public NaiveSoftmaxLoss() {}

    @Override
    public LossAndGradient lossAndGradient(
            INDArray centerVector, int outsideIndex, INDArray outsideVectors, RandomGenerator rng) {
        LossArguments.check(centerVector, outsideIndex, outsideVectors);
        long vocabularySize = outsideVectors.rows();
        long dimension = centerVector.length();
        INDArray centerColumn = centerVector.reshape(dimension, 1);

        INDArray scores = outsideVectors.mmul(centerColumn).reshape(vocabularySize); // [V]
        double maxScore = scores.maxNumber().doubleValue();
        INDArray probabilities = Transforms.exp(scores.sub(maxScore), false); // [V], unnormalised
        double sum = probabilities.sumNumber().doubleValue(); // ≥ 1: the max term is e^0
        double loss = maxScore + Math.log(sum) - scores.getDouble(outsideIndex);

        INDArray delta = probabilities.divi(sum); // ŷ, then ŷ − y
        delta.putScalar(outsideIndex, delta.getDouble(outsideIndex) - 1.0);
        INDArray centerGradient = outsideVectors.transpose().mmul(delta.reshape(vocabularySize, 1))
                .reshape(dimension); // [d]
        INDArray outsideGradient = delta.reshape(vocabularySize, 1).mmul(centerColumn.transpose()); // [V, d]
        return new LossAndGradient(loss, centerGradient, outsideGradient);
    }

    @Override
    public String toString() {
        return "NaiveSoftmaxLoss";
    }
}
