package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Turns the merged {@link Progress} into {@link TrainingReport}s for the listener: every report
 * interval and at each epoch's end. Refuses a non-finite loss (training diverged). Used only by the
 * calling thread.
 */
final class Reporter {

    private final SkipGramConfig config;
    private final TrainingListener listener;
    private final Progress progress;
    private final Word2VecSchedule schedule;
    private final long started;
    private final Supplier<String> checkpointNote;
    private long lastReport;
    private long wordsAtStart; // words done before this process started (a resumed run)

    Reporter(SkipGramConfig config, TrainingListener listener, Progress progress, Word2VecSchedule schedule,
            long started, Supplier<String> checkpointNote) {
        this.config = config;
        this.listener = listener;
        this.progress = progress;
        this.schedule = schedule;
        this.started = started;
        this.checkpointNote = checkpointNote;
        this.lastReport = System.nanoTime();
    }

    /** Rates count the words of this process only. */
    void resumedAt(long words) {
        wordsAtStart = words;
    }

    /** Reports if the report interval has passed since the last report. */
    void maybeReport(int epoch) {
        if (System.nanoTime() - lastReport >= config.reportInterval().toNanos()) {
            report(epoch, false);
        }
    }

    /** Reports now, and returns the report sent. */
    TrainingReport report(int epoch, boolean endOfEpoch) {
        lastReport = System.nanoTime();
        double[] sinceLast = progress.drain();
        long pairs = (long) sinceLast[1];
        double meanLoss = pairs == 0 ? Double.NaN : sinceLast[0] / pairs;
        if (pairs > 0 && !Double.isFinite(meanLoss)) {
            throw new IllegalStateException("the loss is " + meanLoss + " in epoch " + epoch
                    + ": training diverged (learning rate " + config.learningRate() + " too high?)"
                    + checkpointNote.get());
        }
        long words = progress.words();
        Duration elapsed = Duration.ofNanos(lastReport - started);
        TrainingReport report = new TrainingReport(epoch, config.epochs(), words, schedule.wordsTotal(), pairs,
                meanLoss, schedule.learningRate(words), (words - wordsAtStart) / Math.max(1e-9, elapsed.toNanos() / 1e9),
                elapsed, endOfEpoch);
        listener.onReport(report);
        return report;
    }
}
