package dev.skipgram;

/**
 * Receives {@link TrainingReport}s during {@link SkipGram#train}, on the thread that called
 * {@code train}. A listener that throws stops training; the exception propagates to the caller (and
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
}
