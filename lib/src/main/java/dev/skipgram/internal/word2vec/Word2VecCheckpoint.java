package dev.skipgram.internal.word2vec;

import dev.skipgram.Recipe;
import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.RecipeState;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.internal.RunIdentity;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a word2vec-recipe run stands at a checkpoint, beside the parameters: the epoch in progress,
 * how many of its chunks are trained, the words processed (which set the learning rate), and every
 * worker's generator. Together with the parameters this continues the run exactly: with one thread,
 * a resumed run ends with the same vectors as an uninterrupted one.
 *
 * <p>The checkpoint also records what the run was ({@link dev.skipgram.internal.RunIdentity}: the
 * config's run settings and a checksum of the vocabulary), so that a
 * checkpoint is never resumed by a different run.
 *
 * <p>Kept in the checkpoint's {@link RecipeState} as {@code epoch}, {@code chunksDone},
 * {@code wordsProcessed}, {@code workers} and {@code worker.0} .. {@code worker.<n-1>}.
 *
 * @param settings the settings of the run that wrote the checkpoint
 * @param epoch the epoch in progress, from 1; epochs + 1 once the last one is done
 * @param chunksDone chunks of that epoch already trained
 * @param wordsProcessed words processed over all epochs
 * @param workerStates the state of each worker's generator
 */
public record Word2VecCheckpoint(RunSettings settings, int epoch, long chunksDone, long wordsProcessed,
        List<byte[]> workerStates) {

    private static final Logger LOG = LoggerFactory.getLogger(Word2VecCheckpoint.class);
    private static final String EPOCH = "epoch";
    private static final String CHUNKS_DONE = "chunksDone";
    private static final String WORDS_PROCESSED = "wordsProcessed";
    private static final String WORKERS = "workers";
    private static final String WORKER = "worker.";
    public Word2VecCheckpoint {
        workerStates = List.copyOf(workerStates);
    }

    /**
     * Explains why a run with these settings cannot resume from this checkpoint, or returns the empty
     * string if it can. A setting newer than the checkpoint counts as the value its run used.
     */
    String mismatch(RunSettings runSettings) {
        return runSettings.differencesFrom(RunIdentity.asTrained(settings));
    }

    /** The checkpoint of this state after {@code step} chunks, with the parameters (not copied). */
    Checkpoint toCheckpoint(long step, INDArray parameters) {
        RecipeState.Builder state = RecipeState.builder().putLong(EPOCH, epoch).putLong(CHUNKS_DONE, chunksDone)
                .putLong(WORDS_PROCESSED, wordsProcessed).putLong(WORKERS, workerStates.size());
        for (int i = 0; i < workerStates.size(); i++) {
            state.putBytes(WORKER + i, workerStates.get(i));
        }
        return new Checkpoint(step, settings, state.build(), parameters);
    }

    /** @throws IOException if the checkpoint was not written by the word2vec recipe, or its state is corrupt */
    public static Word2VecCheckpoint decode(Checkpoint c) throws IOException {
        RecipeState s = c.state();
        if (!Recipe.WORD2VEC.name().equals(c.settings().pairs().get("recipe")) || !s.has(EPOCH)) {
            throw new IOException("not a word2vec-recipe checkpoint (it may have been written by the CS224n recipe)");
        }
        try {
            long epoch = s.getLong(EPOCH);
            long chunks = s.getLong(CHUNKS_DONE);
            long words = s.getLong(WORDS_PROCESSED);
            long workers = s.getLong(WORKERS);
            if (epoch < 1 || epoch > Integer.MAX_VALUE || chunks < 0 || words < 0 || workers < 1
                    || workers > s.names().size()) {
                throw new IOException("corrupt word2vec checkpoint state (epoch " + epoch + ", " + workers
                        + " workers)");
            }
            List<byte[]> states = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                states.add(s.getBytes(WORKER + i));
            }
            return new Word2VecCheckpoint(c.settings(), (int) epoch, chunks, words, states);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt word2vec checkpoint state: " + e.getMessage());
        }
    }

    /**
     * Restores the workers' generators. With as many workers as the checkpoint has states, each gets
     * its own back, and the run continues exactly. With another number (the thread count is not part
     * of a run's identity, so that a checkpoint made with the default thread count resumes on a machine
     * with another number of processors), the generators are split afresh, in order, from the first
     * worker's saved state: the run continues deterministically, though not as it would have with the
     * old thread count (which with several threads is not reproducible anyway).
     */
    void restoreWorkers(RestorableRandom[] workers) {
        if (workers.length == workerStates.size()) {
            for (int i = 0; i < workers.length; i++) {
                workers[i].restoreState(workerStates.get(i));
            }
            return;
        }
        LOG.info("the checkpoint was written by {} worker threads and this run has {}: their generators are"
                + " split afresh from the checkpoint's", workerStates.size(), workers.length);
        RestorableRandom source = RestorableRandom.seeded(0);
        source.restoreState(workerStates.get(0));
        for (RestorableRandom w : workers) {
            w.restoreState(source.split().saveState());
        }
    }
}
