package dev.skipgram.optim;

/**
 * CS224n's "cost": an exponential moving average of reported losses, the first loss itself, then
 * {@value #DECAY} × previous + {@value #WEIGHT} × loss at every report. {@link Sgd} reports it as
 * {@link SgdProgress#smoothedLoss()}, and the command line shows it for the CS224n recipe.
 *
 * <p>Mutable and not thread-safe: one instance per run, updated by the thread that reports.
 */
public final class SmoothedLoss {

    /** The weight of the previous average. */
    public static final double DECAY = 0.95;
    /** The weight of the new loss: 1 − {@link #DECAY}, written out (1 − 0.95 is not 0.05 in double). */
    public static final double WEIGHT = 0.05;

    private double value;

    /** An average with no loss yet ({@link #value()} is NaN). */
    public SmoothedLoss() {
        this(Double.NaN);
    }

    /**
     * An average that continues from {@code value}, as a resumed run does.
     *
     * @param value the average so far; NaN for none
     */
    public SmoothedLoss(double value) {
        this.value = value;
    }

    /**
     * Adds a loss.
     *
     * @param loss the newly reported loss
     * @return the new average
     */
    public double add(double loss) {
        value = Double.isNaN(value) ? loss : DECAY * value + WEIGHT * loss;
        return value;
    }

    /** @return the average, NaN before the first loss */
    public double value() {
        return value;
    }
}
