package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.RunIdentity;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resume and checkpoints of a word2vec-recipe run: restores the newest checkpoint of the run's
 * directory (refusing one of another run, naming the differences), and saves the parameters, the
 * workers' generators and the position while no worker trains. Refuses to save parameters that are
 * not finite, so the last good checkpoint stays the newest.
 *
 * <p>Used by the calling thread only.
 */
final class Checkpointing {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);

    /** Where a restored run continues. */
    record Position(int epoch, long chunksDone, long wordsProcessed, long chunksTrained) {}

    private final SkipGramConfig config;
    private final CheckpointStore store; // null without checkpoints
    private final RunSettings settings;
    private final int vocabularySize;

    Checkpointing(SkipGramConfig config, Vocabulary vocabulary) {
        this.config = config;
        this.store = config.checkpoints().map(dir -> new CheckpointStore(dir, 2)).orElse(null);
        this.settings = RunIdentity.of(config, vocabulary);
        this.vocabularySize = vocabulary.size();
    }

    /** Whether the run checkpoints at all. */
    boolean enabled() {
        return store != null;
    }

    /**
     * Restores the newest checkpoint into the parameters and generators, if there is one.
     *
     * @return where the run continues, or empty for a fresh run
     * @throws IllegalStateException if the checkpoint belongs to another run or cannot be decoded
     */
    Optional<Position> resume(FloatMatrix centerVectors, FloatMatrix outsideVectors, RestorableRandom[] workers,
            long wordsTotal) {
        if (store == null) {
            return Optional.empty();
        }
        store.requireWritable(); // fail now, not at the first checkpoint, minutes into training
        Optional<Checkpoint> newest = store.loadNewest();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint c = newest.get();
        Path dir = store.directory();
        Word2VecCheckpoint state;
        try {
            state = Word2VecCheckpoint.decode(c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot resume from the checkpoint in " + dir + ": "
                    + e.getMessage() + "; use another checkpoint directory");
        }
        String mismatch = state.mismatch(settings);
        long v = vocabularySize;
        long d = config.dimension();
        if (mismatch.isEmpty() && (c.parameters().dataType() != DataType.FLOAT
                || !Arrays.equals(c.parameters().shape(), new long[] {2 * v, d}))) {
            mismatch = "parameters " + c.parameters().dataType() + Arrays.toString(c.parameters().shape())
                    + ", expected FLOAT[" + 2 * v + ", " + d + "]";
        }
        if (!mismatch.isEmpty()) {
            throw new IllegalStateException("cannot resume from the checkpoint in " + dir
                    + ": it belongs to a different run: " + mismatch
                    + "; train with the same corpus and settings, or use another checkpoint directory");
        }
        centerVectors.array().assign(c.parameters().get(NDArrayIndex.interval(0, v), NDArrayIndex.all()));
        outsideVectors.array().assign(c.parameters().get(NDArrayIndex.interval(v, 2 * v), NDArrayIndex.all()));
        state.restoreWorkers(workers);
        LOG.info("resuming from the checkpoint in {}: epoch {} of {}, {} words done ({}%)", dir,
                Math.min(state.epoch(), config.epochs()), config.epochs(), state.wordsProcessed(),
                String.format(Locale.ROOT, "%.1f", 100.0 * state.wordsProcessed() / Math.max(1, wordsTotal)));
        return Optional.of(new Position(state.epoch(), state.chunksDone(), state.wordsProcessed(), c.step()));
    }

    /**
     * Saves a checkpoint; call only while no worker trains. Chunk {@code chunksDone} of {@code epoch}
     * is the next to train.
     *
     * @throws IllegalStateException if a parameter is not finite (training diverged)
     */
    void save(FloatMatrix centerVectors, FloatMatrix outsideVectors, RestorableRandom[] workers, int epoch,
            long chunksDone, Progress progress) {
        FloatMatrix parameters = FloatMatrix.wrap(Nd4j.concat(0, centerVectors.array(), outsideVectors.array()));
        requireFinite(parameters, epoch); // [2V, d], a copy
        List<byte[]> states = new ArrayList<>();
        for (RestorableRandom r : workers) {
            states.add(r.saveState());
        }
        Word2VecCheckpoint state = new Word2VecCheckpoint(settings, epoch, chunksDone, progress.words(), states);
        store.save(state.toCheckpoint(progress.chunks(), parameters.array()));
        LOG.debug("checkpoint at epoch {}, chunk {}, {} words", epoch, chunksDone, progress.words());
    }

    /** Throws if a parameter is NaN or infinite (the loss may stay finite a little longer). */
    void requireFinite(FloatMatrix values, int epoch) {
        if (values.firstNonFinite() >= 0) {
            throw new IllegalStateException("the parameters are no longer finite in epoch "
                    + Math.min(epoch, config.epochs()) + ": training diverged (learning rate "
                    + config.learningRate() + " too high?)" + note());
        }
    }

    /** What a divergence leaves behind, for its error message. */
    String note() {
        if (store == null) {
            return "";
        }
        return store.listNewestFirst().isEmpty()
                ? "; no checkpoint had been written yet in " + store.directory()
                : "; the last good checkpoint in " + store.directory() + " is kept";
    }
}
