package dev.skipgram.optim;

/**
 * What {@link Sgd} reports every {@code reportEvery} steps. Immutable and thread-safe.
 *
 * @param step the number of steps done so far (1-based: the first report of a run with
 *     {@code reportEvery = 10} has step 10)
 * @param loss the objective's value at this step (one mini-batch; noisy)
 * @param smoothedLoss the exponential moving average over the reported steps: the first report's
 *     loss, then 0.95 × previous + 0.05 × loss at every report (the CS224n "cost")
 * @param stepSize the step size used at this step, after annealing
 */
public record SgdProgress(int step, double loss, double smoothedLoss, double stepSize) {}
