package dev.skipgram.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of one long operation: a live bar with rate and ETA on a terminal ({@link Bar}, drawn
 * by {@code me.tongfei:progressbar} on standard error), plain log lines at most every few seconds
 * otherwise ({@link Lines}), so that a log file gets a readable record.
 *
 * <p>The rate counts the work done since {@link #start} (or since {@link #rebase}, for a run resumed
 * from a checkpoint), over the time since then.
 */
sealed interface Progress extends AutoCloseable permits Progress.Bar, Progress.Lines {

    /** How progress is shown. */
    enum Mode {
        /** A live bar: the process runs in a terminal. */
        BAR,
        /** Periodic log lines. */
        LINES;

        /** {@link #BAR} when the process runs in a terminal that can redraw a line, else {@link #LINES}. */
        static Mode detect() {
            String term = System.getenv("TERM");
            return System.console() != null && term != null && !term.equals("dumb") ? BAR : LINES;
        }
    }

    /**
     * Starts timing a task; nothing is shown before the first {@link #update}.
     *
     * @param mode bar or lines
     * @param task a short name, such as "training"
     * @param unit what is counted, plural ("words", "steps")
     * @param err where lines go in {@link Mode#LINES} (the bar draws on the terminal)
     * @param interval the least time between two lines
     */
    static Progress start(Mode mode, String task, String unit, PrintWriter err, Duration interval) {
        return mode == Mode.BAR ? new Bar(task, unit) : new Lines(task, unit, err, interval);
    }

    /**
     * Declares that {@code done} units were done before now (a resumed run), so the rate counts
     * only what follows. Call before the first update.
     */
    void rebase(long done);

    /**
     * Reports progress.
     *
     * @param done units done so far
     * @param total all units, or 0 if unknown (then no percentage or ETA is shown)
     * @param detail a short description of the state, such as "loss 2.41", or ""
     * @param milestone whether a log must show this update (the end of an epoch)
     */
    void update(long done, long total, String detail, boolean milestone);

    /**
     * The units done since {@link #start} (or {@link #rebase}), as of the latest {@link #update}.
     *
     * @return units, 0 before the first update
     */
    long units();

    /**
     * Seconds from {@link #start} (or {@link #rebase}) to the latest {@link #update}.
     *
     * @return seconds, NaN before the first update
     */
    double seconds();

    /**
     * The average rate: {@link #units()} over {@link #seconds()}. The last line (or bar) shows it.
     *
     * @return units per second, NaN before the first update or if no time passed
     */
    default double averageRate() {
        double s = seconds();
        return s > 0 ? units() / s : Double.NaN;
    }

    /** Shows the final state and stops. */
    @Override
    void close();

    /** "1,234,567" */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "0:07", "12:03", "1:02:03" */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Units per second between two {@link System#nanoTime} readings; NaN if no time passed. */
    private static double rate(long units, long from, long to) {
        return to > from ? units / ((to - from) / 1e9) : Double.NaN;
    }

    /** "412k", "1.20M", "9,500" */
    static String rate(double perSecond) {
        if (!Double.isFinite(perSecond)) {
            return "?";
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /**
     * What both displays count: the units done since the start (or a rebase) and the time of the
     * latest update, from which {@link #units()}, {@link #seconds()} and the rate come.
     */
    final class Tally {
        private long started = System.nanoTime();
        private long base;
        private long done;
        private long updatedAt;

        void rebase(long doneBefore) {
            base = doneBefore;
            started = System.nanoTime();
        }

        /** Records {@code done} units at {@code now} (a {@link System#nanoTime} reading). */
        void record(long doneSoFar, long now) {
            done = doneSoFar;
            updatedAt = now;
        }

        long started() {
            return started;
        }

        long units() {
            return updatedAt == 0 ? 0 : done - base;
        }

        double seconds() {
            return updatedAt == 0 ? Double.NaN : (updatedAt - started) / 1e9;
        }

        /** Units per second from the start to {@code at}. */
        double rateAt(long at) {
            return Progress.rate(done - base, started, at);
        }
    }

    /** A live bar drawn by {@code me.tongfei:progressbar}, created at the first update. */
    final class Bar implements Progress {
        private final String task;
        private final String unit;
        private final Tally tally = new Tally();
        private String detail = "";
        private ProgressBar bar;

        Bar(String task, String unit) {
            this.task = task;
            this.unit = unit;
        }

        @Override
        public void rebase(long done) {
            tally.rebase(done);
        }

        @Override
        public long units() {
            return tally.units();
        }

        @Override
        public double seconds() {
            return tally.seconds();
        }

        @Override
        public void update(long done, long total, String detail, boolean milestone) {
            if (bar == null) {
                // The bar measures its rate from its creation: start it at the work done so far, and
                // put the time spent before into its elapsed time.
                boolean unicode = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
                bar = ProgressBar.builder()
                        .setTaskName(task)
                        .setInitialMax(total > 0 ? total : -1)
                        .startsFrom(done, Duration.ofNanos(System.nanoTime() - tally.started()))
                        .setUnit(" " + unit, 1)
                        .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                        .setUpdateIntervalMillis(200)
                        .setStyle(unicode ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                        .build();
            }
            if (total > 0 && bar.getMax() != total) {
                bar.maxHint(total);
            }
            bar.stepTo(done);
            bar.setExtraMessage(detail.isEmpty() ? "" : " " + detail);
            this.detail = detail;
            tally.record(done, System.nanoTime());
        }

        @Override
        public void close() {
            if (bar != null) {
                // the bar's own speed counts from its creation (and shows "?" within its first
                // second): its last frame states the average rate that the summary quotes
                bar.setExtraMessage((detail.isEmpty() ? "" : " " + detail) + "  average " + rate(averageRate())
                        + " " + unit + "/s");
                bar.close();
                bar = null;
            }
        }
    }

    /** Log lines: one per {@code interval} at most, plus milestones and the end. */
    final class Lines implements Progress {
        private final String task;
        private final String unit;
        private final PrintWriter err;
        private final long intervalNanos;
        private final Tally tally = new Tally();
        private long lastPrinted = System.nanoTime();
        private long updatedAt;
        private long done;
        private long total;
        private String detail = "";
        private boolean updated;
        private boolean printedLast;

        Lines(String task, String unit, PrintWriter err, Duration interval) {
            this.task = task;
            this.unit = unit;
            this.err = Objects.requireNonNull(err, "err");
            this.intervalNanos = interval.toNanos();
        }

        @Override
        public void rebase(long done) {
            tally.rebase(done);
        }

        @Override
        public long units() {
            return tally.units();
        }

        @Override
        public double seconds() {
            return tally.seconds();
        }

        @Override
        public void update(long done, long total, String detail, boolean milestone) {
            this.done = done;
            this.total = total;
            this.detail = detail;
            this.updated = true;
            this.printedLast = false;
            long now = System.nanoTime();
            this.updatedAt = now;
            tally.record(done, now);
            if (milestone || now - lastPrinted >= intervalNanos || (total > 0 && done >= total)) {
                print(now);
            }
        }

        private void print(long now) {
            lastPrinted = now;
            printedLast = true;
            double seconds = (now - tally.started()) / 1e9;
            double perSecond = tally.rateAt(now);
            String line;
            if (total <= 0) {
                line = String.format(Locale.ROOT, "%s: %s %s, %s %s/s, %s elapsed", task, count(done), unit,
                        rate(perSecond), unit, duration(seconds));
            } else {
                String eta = done >= total ? "done in " + duration(seconds)
                        : "ETA " + duration(perSecond > 0 ? (total - done) / perSecond : Double.NaN);
                line = String.format(Locale.ROOT, "%s: %3.0f%%  %s/%s %s  %s %s/s  %s", task, 100.0 * done / total,
                        count(done), count(total), unit, rate(perSecond), unit, eta);
            }
            err.println(detail.isEmpty() ? line : line + "  " + detail);
            err.flush();
        }

        @Override
        public void close() {
            if (updated && !printedLast) {
                print(updatedAt); // the state of the latest update, so that it shows averageRate()
            }
        }
    }
}
