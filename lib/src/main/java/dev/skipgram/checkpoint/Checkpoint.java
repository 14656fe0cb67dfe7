package dev.skipgram.checkpoint;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a trainer needs to continue a run exactly where it stopped, whatever the recipe: a
 * step counter, the identity of the run that wrote it, the recipe's own state, and the parameters.
 * {@link dev.skipgram.optim.Sgd} keeps its smoothed loss and generator in the state; the word2vec
 * recipe its position in the corpus and its workers' generators.
 *
 * <p>Immutable as a record, but {@code parameters} is the caller's own array, not a copy, and the
 * accessor returns it as it is: do not modify it while a {@link CheckpointStore} writes it, and share
 * a checkpoint between threads only if nobody modifies it. A checkpoint from
 * {@link CheckpointStore#loadNewest()} holds a new array that belongs to the caller. No component is
 * null.
 *
 * @param step the number of steps (or units of work, such as chunks of the corpus) done, ≥ 0; it
 *     names and orders the files
 * @param settings the settings of the run that wrote it: a run resumes only with equal settings
 * @param state the recipe's own state after {@code step} steps
 * @param parameters the parameters after {@code step} steps, FLOAT or DOUBLE; the caller's array,
 *     not a copy
 */
public record Checkpoint(long step, RunSettings settings, RecipeState state, INDArray parameters) {

    /**
     * Checks the arguments; the parameters are kept, not copied.
     *
     * @param step ≥ 0
     * @param settings not null
     * @param state not null
     * @param parameters not null
     * @throws IllegalArgumentException if {@code step} is negative
     * @throws NullPointerException if an argument is null
     */
    public Checkpoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(parameters, "parameters");
    }
}
