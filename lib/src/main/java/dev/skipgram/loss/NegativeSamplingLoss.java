package dev.skipgram.loss;

import dev.skipgram.internal.kernels.LogisticMath;
import dev.skipgram.internal.kernels.Negatives;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The negative-sampling loss: the outside word against K words drawn from a noise distribution.
 *
 * <pre>
 *   J = −log σ(u_oᵀ v_c) − Σ_k log σ(−u_kᵀ v_c)
 *   ∂J/∂v_c = −σ(−u_oᵀ v_c) u_o + Σ_k σ(u_kᵀ v_c) u_k
 *   ∂J/∂u_o = −σ(−u_oᵀ v_c) v_c          ∂J/∂u_w = Σ_{k: w_k = w} σ(u_kᵀ v_c) v_c
 * </pre>
 * (using 1 − σ(x) = σ(−x)). All other rows of ∂J/∂U are zero.
 *
 * <p>Sampling: for each of the K negatives the sampler is called, and called again while it returns
 * the outside word o. Draws equal to the centre word are kept, and a word drawn twice counts twice.
 * log σ is computed as −softplus(−x), so J is finite and exact for scores of any magnitude. One
 * evaluation costs O(K·d) arithmetic (this reference implementation also allocates the dense
 * {@code [V, d]} gradient the {@link Loss} contract asks for).
 *
 * <p>Immutable, and thread-safe if the sampler is: concurrent calls share nothing else, provided
 * each thread passes its own generator. The sampler must not be null; see {@link Loss} for the other
 * arguments.
 */
public final class NegativeSamplingLoss implements Loss {

    private final NegativeSampler sampler;
    private final int negatives;

    /**
     * Creates the loss.
     *
     * @param sampler draws the negative words; kept, and called by every evaluation
     * @param negatives K, the number of negative words per pair, at least 1
     * @throws IllegalArgumentException if {@code negatives < 1}
     * @throws NullPointerException if {@code sampler} is null
     */
    public NegativeSamplingLoss(NegativeSampler sampler, int negatives) {
        if (sampler == null) {
            throw new NullPointerException("sampler");
        }
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be at least 1, got " + negatives);
        }
        this.sampler = sampler;
        this.negatives = negatives;
    }

    /**
     * The number of negative words drawn for every pair.
     *
     * @return K, ≥ 1
     */
    public int negatives() {
        return negatives;
    }

    @Override
    public LossAndGradient lossAndGradient(
            INDArray centerVector, int outsideIndex, INDArray outsideVectors, RandomGenerator rng) {
        LossArguments.check(centerVector, outsideIndex, outsideVectors);
        int vocabularySize = (int) outsideVectors.rows();
        if (vocabularySize < 2) {
            throw new IllegalArgumentException(
                    "negative sampling needs at least 2 words (one outside, one negative), got V = 1");
        }
        // words[0] = o, words[1..K] = the negatives
        int[] words = new int[negatives + 1];
        words[0] = outsideIndex;
        for (int k = 1; k <= negatives; k++) {
            words[k] = Negatives.draw(sampler, outsideIndex, vocabularySize, rng);
        }
        long dimension = centerVector.length();
        INDArray centerColumn = centerVector.reshape(dimension, 1);
        INDArray rows = outsideVectors.getRows(words); // [K+1, d], a copy
        INDArray scores = rows.mmul(centerColumn); // [K+1, 1]

        // coefficient[i] = ∂J/∂score_i: −σ(−s_o) for the outside word, σ(s_k) for a negative
        double loss = 0.0;
        double[] coefficient = new double[negatives + 1];
        for (int i = 0; i <= negatives; i++) {
            double score = scores.getDouble(i, 0);
            double sign = i == 0 ? 1.0 : -1.0;
            loss -= LogisticMath.logSigmoid(sign * score);
            coefficient[i] = -sign * LogisticMath.sigmoid(-sign * score);
        }
        INDArray coefficients = Nd4j.createFromArray(coefficient).castTo(centerVector.dataType())
                .reshape(negatives + 1, 1);
        INDArray centerGradient = rows.transpose().mmul(coefficients).reshape(dimension); // [d]
        INDArray outsideGradient = Nd4j.zeros(centerVector.dataType(), vocabularySize, dimension); // [V, d]
        for (int i = 0; i <= negatives; i++) {
            outsideGradient.getRow(words[i]).addi(centerVector.mul(coefficient[i]));
        }
        return new LossAndGradient(loss, centerGradient, outsideGradient);
    }

    /**
     * Draws one negative word, redrawing while the draw equals {@code outsideIndex}. This is the
     * sampling rule every implementation (reference and fast) shares, so that equal generators give
     * equal negatives.
     *
     * @param sampler the noise distribution
     * @param outsideIndex o, the word that must not be drawn
     * @param vocabularySize V: every draw must be in {@code [0, V)}
     * @param rng passed to the sampler; advanced by every draw, redraws included
     * @return a word index in {@code [0, V)} other than {@code outsideIndex}
     * @throws IllegalStateException if the sampler returns an index outside {@code [0, V)}, or only
     *     the outside word 1,000,000 times in a row
     * @deprecated the rule is an implementation detail the kernels share; it will stop being public
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static int drawNegative(NegativeSampler sampler, int outsideIndex, int vocabularySize,
            RandomGenerator rng) {
        return Negatives.draw(sampler, outsideIndex, vocabularySize, rng);
    }

    @Override
    public String toString() {
        return "NegativeSamplingLoss[negatives=" + negatives + ", sampler=" + sampler + "]";
    }
}
