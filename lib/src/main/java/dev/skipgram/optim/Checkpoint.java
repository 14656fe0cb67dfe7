package dev.skipgram.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a trainer needs to continue a run exactly where it stopped: the parameters, a step
 * counter, and the trainer's own state as bytes. {@link Sgd} stores its generator's state there; the
 * word2vec recipe stores its position in the corpus and its workers' generators.
 *
 * <p>Immutable as a record, but {@code state} and {@code parameters} are the caller's own arrays,
 * not copies, and the accessors return them as they are: do not modify them while a
 * {@link CheckpointStore} writes them, and share a checkpoint between threads only if nobody
 * modifies them. A checkpoint from {@link CheckpointStore#loadNewest()} holds new arrays that belong
 * to the caller. Neither array is null.
 *
 * @param step the number of steps (or units of work) done, ≥ 0; it names and orders the files
 * @param smoothedLoss the smoothed loss reported so far, NaN before the first report
 * @param state the trainer's state after {@code step} steps, at most 65,536 bytes (for {@link Sgd},
 *     {@link dev.skipgram.random.RestorableRandom#saveState()}); the caller's array, not a copy
 * @param parameters the parameters after {@code step} steps, FLOAT or DOUBLE; the caller's array,
 *     not a copy
 */
public record Checkpoint(int step, double smoothedLoss, byte[] state, INDArray parameters) {

    /**
     * Checks the arguments; the arrays are kept, not copied.
     *
     * @param step ≥ 0
     * @param smoothedLoss any value (NaN before the first report)
     * @param state not null, at most 65,536 bytes
     * @param parameters not null
     * @throws IllegalArgumentException if {@code step} is negative or {@code state} too long
     * @throws NullPointerException if {@code state} or {@code parameters} is null
     */
    public Checkpoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(parameters, "parameters");
        if (state.length > CheckpointStore.MAX_STATE_BYTES) {
            throw new IllegalArgumentException("state holds " + state.length + " bytes; at most "
                    + CheckpointStore.MAX_STATE_BYTES + " fit in a checkpoint");
        }
    }
}
