package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.internal.cs224n.Cs224nTrainer;
import dev.skipgram.internal.word2vec.Word2VecTrainer;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.LossAndGradient;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two word2vec models' losses of a window, skip-gram (SPEC §3) and CBOW (SPEC §10), and training
 * of word vectors on a corpus.
 *
 * <p>For a centre word c with outside words o_1..o_n (a window; repeats count each time):
 * <pre>
 *   J = Σ_j J(v_c, o_j, U)      ∂J/∂v_c = Σ_j ∂J(v_c, o_j, U)/∂v_c      ∂J/∂U = Σ_j ∂J(v_c, o_j, U)/∂U
 *   ∂J/∂v_w = 0 for every w ≠ c
 * </pre>
 * with v_c held fixed across the window. CBOW turns the window round: the mean h of the context
 * words' centre vectors predicts the word at the window's centre, {@link #cbowLossAndGradient}.
 *
 * <p>Stateless and thread-safe: concurrent calls share nothing, provided each call has its own
 * generator (a {@link RandomGenerator} is not thread-safe) and concurrent {@code train} calls use
 * different checkpoint directories. Arguments must not be null ({@link NullPointerException}); no
 * method returns null.
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
     * @param rng passed to every pair's loss, in order (a loss that samples advances it)
     * @return the summed loss; ∂J/∂(centre vectors) {@code [V, d]}, zero except row c; ∂J/∂U
     *     {@code [V, d]}; both new arrays, in the data type of the inputs, owned by the caller
     * @throws IllegalArgumentException if shapes differ or an index is out of range
     */
    public static WindowLossAndGradient windowLossAndGradient(int centerIndex, int[] outsideIndices,
            INDArray centerVectors, INDArray outsideVectors, Loss loss, RandomGenerator rng) {
        Objects.requireNonNull(outsideIndices, "outsideIndices");
        Objects.requireNonNull(loss, "loss");
        requireSameShape(centerVectors, outsideVectors);
        requireRow("centerIndex", centerIndex, centerVectors);
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
     * The CBOW loss of one window and its gradients with respect to both embedding matrices (SPEC
     * §10): the mean of the n context words' centre vectors predicts the word at the window's centre
     * through {@code loss}, evaluated once at that mean.
     *
     * <pre>
     *   h = (1/n) Σ_i v_{c_i}         J = J(h, o, U)
     *   ∂J/∂v_w = (m_w / n) ∂J(h, o, U)/∂h     (m_w: how many of c_1..c_n are w)
     *   ∂J/∂U   = ∂J(h, o, U)/∂U
     * </pre>
     * This is the exact gradient, the one a finite-difference check sees. Training (word2vec.c,
     * gensim, and this library's {@link Model#CBOW}) adds the whole −η ∂J/∂h to each context row,
     * n times this gradient's step (docs/math.md).
     *
     * @param contextIndices c_1..c_n, each in {@code [0, V)}; may repeat; may be empty (loss 0 and
     *     zero gradients: a window without context predicts nothing)
     * @param predictedIndex o, the word at the window's centre, in {@code [0, V)}
     * @param centerVectors {@code [V, d]}, row w = v_w; not modified
     * @param outsideVectors {@code [V, d]}, row w = u_w; not modified
     * @param loss the loss of one prediction, given h as its centre vector
     * @param rng passed to the loss once (a loss that samples advances it)
     * @return the loss; ∂J/∂(centre vectors) {@code [V, d]}, zero except the context rows; ∂J/∂U
     *     {@code [V, d]}; both new arrays, in the data type of the inputs, owned by the caller
     * @throws IllegalArgumentException if shapes differ or an index is out of range
     * @since 0.1.0
     */
    public static WindowLossAndGradient cbowLossAndGradient(int[] contextIndices, int predictedIndex,
            INDArray centerVectors, INDArray outsideVectors, Loss loss, RandomGenerator rng) {
        Objects.requireNonNull(contextIndices, "contextIndices");
        Objects.requireNonNull(loss, "loss");
        requireSameShape(centerVectors, outsideVectors);
        for (int c : contextIndices) {
            requireRow("contextIndices element", c, centerVectors);
        }
        requireRow("predictedIndex", predictedIndex, centerVectors);
        INDArray centerVectorsGradient = Nd4j.zeros(centerVectors.dataType(), centerVectors.shape()); // [V, d]
        int n = contextIndices.length;
        if (n == 0) {
            return new WindowLossAndGradient(0.0,
                    centerVectorsGradient, Nd4j.zeros(outsideVectors.dataType(), outsideVectors.shape()));
        }
        INDArray h = Nd4j.zeros(centerVectors.dataType(), centerVectors.columns()); // [d]
        for (int c : contextIndices) {
            h.addi(centerVectors.getRow(c));
        }
        h.divi(n);
        LossAndGradient at = loss.lossAndGradient(h, predictedIndex, outsideVectors, rng);
        INDArray share = at.centerGradient().div(n); // ∂J/∂v_{c_i} = (1/n) ∂J/∂h, once per occurrence
        for (int c : contextIndices) {
            centerVectorsGradient.getRow(c).addi(share);
        }
        return new WindowLossAndGradient(at.loss(), centerVectorsGradient, at.outsideGradient());
    }

    private static void requireSameShape(INDArray centerVectors, INDArray outsideVectors) {
        if (centerVectors.rank() != 2 || !Arrays.equals(centerVectors.shape(), outsideVectors.shape())) {
            throw new IllegalArgumentException("centerVectors and outsideVectors must both be [V, d]; got "
                    + Arrays.toString(centerVectors.shape()) + " and " + Arrays.toString(outsideVectors.shape()));
        }
    }

    private static void requireRow(String name, int index, INDArray matrix) {
        if (index < 0 || index >= matrix.rows()) {
            throw new IllegalArgumentException(name + " " + index + " is outside [0, " + matrix.rows() + ")");
        }
    }

    /**
     * Trains word vectors on {@code corpus} with the recipe {@code config} names:
     * {@link Recipe#CS224N} (SPEC §6) or {@link Recipe#WORD2VEC} (SPEC §7).
     *
     * @param corpus the training sentences; read once for the vocabulary, then once (CS224n) or once
     *     per epoch (word2vec)
     * @param config the settings
     * @return the trained vectors (the centre vectors are the embeddings), with their outside vectors
     * @throws IllegalArgumentException if the corpus cannot train anything (empty, no word frequent
     *     enough, a single word, no window with a context), has a token with whitespace in it (which
     *     no word2vec file can store), or the config does not fit it (K ≥ V with
     *     the word2vec recipe, 2·V·d ≥ 2^31)
     * @throws IllegalStateException if training diverges (a non-finite loss or parameter; the last
     *     good checkpoint, if any, stays the newest), or the checkpoint directory holds another run's
     *     checkpoint or one in another version of the checkpoint format
     * @throws java.io.UncheckedIOException if the corpus cannot be read, or a checkpoint cannot be
     *     written; the message names the file
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
     *     {@code reportEvery} steps (CS224n), and at each epoch's end; {@link TrainingListener#NONE} for
     *     none
     * @return the trained vectors, with their outside vectors
     * @throws IllegalArgumentException as {@link #train(Corpus, SkipGramConfig)} does
     * @throws IllegalStateException as {@link #train(Corpus, SkipGramConfig)} does
     * @throws java.io.UncheckedIOException as {@link #train(Corpus, SkipGramConfig)} does
     * @throws RuntimeException whatever the listener throws, which stops training
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
