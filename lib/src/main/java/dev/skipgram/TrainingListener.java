package dev.skipgram;

/**
 * Receives {@link TrainingReport}s during {@link SkipGram#train}, and the model at the end of each
 * epoch ({@link #onEpochEnd}), on the thread that called {@code train}. A listener that throws stops training; the exception propagates to the caller (and
 * checkpoints already written are kept).
 *
 * <p>Thread-safety: {@code train} calls its listener from one thread, one report at a time, so an
 * implementation need not be thread-safe unless it is shared by concurrent {@code train} calls.
 * Nullness: the report is never null; {@code train} refuses a null listener (pass {@link #NONE}).
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every report. */
    TrainingListener NONE = report -> {};

    /**
     * Called with each report.
     *
     * @param report the progress since the previous report
     */
    void onReport(TrainingReport report);

    /**
     * Called at the end of every epoch, just after the end-of-epoch report went to {@link #onReport},
     * with read access to the model: {@link EpochEnd#snapshot()} copies the vectors as they are. The
     * word2vec recipe calls it after each pass over the corpus (and not for the epochs a resumed run
     * skips); the CS224n recipe, which has one epoch, after its last step. Training waits for it to
     * return. Does nothing unless overridden.
     *
     * <p>Evolving API: new in 0.1, may change before 1.0.
     *
     * @param epochEnd the report and the model; valid only during this call
     */
    default void onEpochEnd(EpochEnd epochEnd) {}
}
