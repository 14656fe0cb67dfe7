package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.LossAndGradient;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The skip-gram model: the loss of a window (SPEC §3) and training of word vectors on a corpus.
 *
 * <p>For a centre word c with outside words o_1..o_n (a window; repeats count each time):
 * <pre>
 *   J = Σ_j J(v_c, o_j, U)      ∂J/∂v_c = Σ_j ∂J(v_c, o_j, U)/∂v_c      ∂J/∂U = Σ_j ∂J(v_c, o_j, U)/∂U
 *   ∂J/∂v_w = 0 for every w ≠ c
 * </pre>
 * with v_c held fixed across the window.
 *
 * <p>Stateless; all methods are thread-safe given separate generators.
 */
public final class SkipGram {

    private SkipGram() {}

    /**
     * The skip-gram loss of one window and its gradients with respect to both embedding matrices.
     *
     * @param centerIndex c, in {@code [0, V)}
     * @param outsideIndices o_1..o_n, each in {@code [0, V)}; may repeat; may be empty (loss 0)
     * @param centerVectors {@code [V, d]}, row w = v_w; not modified
     * @param outsideVectors {@code [V, d]}, row w = u_w; not modified
     * @param loss the pair loss
     * @param rng passed to every pair's loss, in order
     * @return the summed loss; ∂J/∂(centre vectors) {@code [V, d]}, zero except row c; ∂J/∂U {@code [V, d]}
     * @throws IllegalArgumentException if shapes differ or an index is out of range
     */
    public static WindowLossAndGradient windowLossAndGradient(int centerIndex, int[] outsideIndices,
            INDArray centerVectors, INDArray outsideVectors, Loss loss, RandomGenerator rng) {
        Objects.requireNonNull(outsideIndices, "outsideIndices");
        Objects.requireNonNull(loss, "loss");
        if (centerVectors.rank() != 2 || !Arrays.equals(centerVectors.shape(), outsideVectors.shape())) {
            throw new IllegalArgumentException("centerVectors and outsideVectors must both be [V, d]; got "
                    + Arrays.toString(centerVectors.shape()) + " and " + Arrays.toString(outsideVectors.shape()));
        }
        if (centerIndex < 0 || centerIndex >= centerVectors.rows()) {
            throw new IllegalArgumentException("centerIndex " + centerIndex + " is outside [0, "
                    + centerVectors.rows() + ")");
        }
        INDArray centerVector = centerVectors.getRow(centerIndex).dup().reshape(centerVectors.columns()); // [d]
        INDArray centerGradient = Nd4j.zeros(centerVector.dataType(), centerVector.length()); // [d]
        INDArray outsideGradient = Nd4j.zeros(outsideVectors.dataType(), outsideVectors.shape()); // [V, d]
        double total = 0.0;
        for (int o : outsideIndices) {
            LossAndGradient pair = loss.lossAndGradient(centerVector, o, outsideVectors, rng);
            total += pair.loss();
            centerGradient.addi(pair.centerGradient());
            outsideGradient.addi(pair.outsideGradient());
        }
        INDArray centerVectorsGradient = Nd4j.zeros(centerVectors.dataType(), centerVectors.shape());
        centerVectorsGradient.putRow(centerIndex, centerGradient);
        return new WindowLossAndGradient(total, centerVectorsGradient, outsideGradient);
    }

    /**
     * Trains word vectors on {@code corpus} with the recipe {@code config} names:
     * {@link Recipe#CS224N} (SPEC §6) or {@link Recipe#WORD2VEC} (SPEC §7).
     *
     * @param corpus the training sentences; read once for the vocabulary, then once (CS224n) or once
     *     per epoch (word2vec)
     * @param config the settings
     * @return the trained vectors (the centre vectors are the embeddings)
     * @throws IllegalArgumentException if the corpus cannot train anything (empty, no word frequent
     *     enough, no window with a context) or the config does not fit it (K ≥ V)
     * @throws IllegalStateException if training diverges (non-finite loss)
     */
    public static WordVectors train(Corpus corpus, SkipGramConfig config) {
        return train(corpus, config, TrainingListener.NONE);
    }

    /**
     * Trains word vectors as {@link #train(Corpus, SkipGramConfig)} does, sending progress reports to
     * {@code listener} on the calling thread.
     *
     * @param corpus the training sentences
     * @param config the settings
     * @param listener receives a {@link TrainingReport} every few seconds (word2vec) or every
     *     {@code reportEvery} steps (CS224n), and at each epoch's end
     * @return the trained vectors
     */
    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        return switch (config.recipe()) {
            case CS224N -> Cs224nTrainer.train(corpus, config, listener);
            case WORD2VEC -> Word2VecTrainer.train(corpus, config, listener);
        };
    }
}
