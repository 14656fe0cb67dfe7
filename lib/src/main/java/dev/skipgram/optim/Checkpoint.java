package dev.skipgram.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything {@link Sgd} needs to continue a run exactly where it stopped.
 *
 * @param step the number of steps done
 * @param smoothedLoss the smoothed loss reported so far, NaN before the first report
 * @param rngState the generator's state after {@code step} steps ({@link
 *     dev.skipgram.random.RestorableRandom#saveState()})
 * @param parameters the parameters after {@code step} steps
 */
record Checkpoint(int step, double smoothedLoss, byte[] rngState, INDArray parameters) {

    Checkpoint {
        Objects.requireNonNull(rngState, "rngState");
        Objects.requireNonNull(parameters, "parameters");
    }
}
