package dev.skipgram.optim;

/**
 * Receives {@link Sgd}'s progress reports, on the thread that runs {@link Sgd#minimize}. A listener
 * that throws stops the optimisation and the exception propagates to the caller.
 *
 * <p>Calls come one at a time from that one thread, so an implementation need not be thread-safe
 * unless it is shared by concurrent runs. The progress is never null.
 */
@FunctionalInterface
public interface SgdListener {

    /** A listener that ignores every report. */
    SgdListener NONE = progress -> {};

    /**
     * Called every {@code reportEvery} steps.
     *
     * @param progress the step, losses and step size
     */
    void onProgress(SgdProgress progress);
}
