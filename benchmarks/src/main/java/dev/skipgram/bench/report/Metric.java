package dev.skipgram.bench.report;

import java.util.Locale;

/**
 * One JMH score with its error and unit, as in the JSON ({@code primaryMetric} or an entry of
 * {@code secondaryMetrics}). JMH's {@code scoreError} is the half-width of the 99.9% confidence
 * interval; it is NaN when there were too few iterations to compute one.
 *
 * @param score the score
 * @param error the half-width of the confidence interval, or NaN
 * @param unit JMH's unit: {@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op} (time per
 *     operation) or {@code ops/ns} ... {@code ops/s} (throughput)
 */
record Metric(double score, double error, String unit) {

    /** The score in nanoseconds per operation; only for time-per-operation units. */
    double nanosPerOperation() {
        return score * nanosPer(timeUnitOf("/op", true));
    }

    /** The error in nanoseconds per operation; only for time-per-operation units. */
    double errorNanosPerOperation() {
        return error * nanosPer(timeUnitOf("/op", true));
    }

    /** The score in operations per second; only for throughput units. */
    double perSecond() {
        return score * 1e9 / nanosPer(timeUnitOf("ops/", false));
    }

    /** The error in operations per second; only for throughput units. */
    double errorPerSecond() {
        return error * 1e9 / nanosPer(timeUnitOf("ops/", false));
    }

    private String timeUnitOf(String marker, boolean timePerOperation) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (timePerOperation && u.endsWith(marker)) {
            return u.substring(0, u.length() - marker.length());
        }
        if (!timePerOperation && u.startsWith(marker)) {
            return u.substring(marker.length());
        }
        throw new IllegalArgumentException("unit " + unit + " is not "
                + (timePerOperation ? "a time per operation" : "a throughput"));
    }

    private static double nanosPer(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1.0;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown time unit: " + timeUnit);
        };
    }
}
