package dev.skipgram.bench.report;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of a JMH JSON result file: one benchmark method at one combination of parameters.
 *
 * @param benchmark the fully qualified method, e.g. {@code dev.skipgram.KernelLossBenchmark.update}
 * @param mode JMH's mode: {@code avgt}, {@code thrpt}, {@code ss} or {@code sample}
 * @param params the parameters, by name (empty if the benchmark has none)
 * @param primary the primary score
 * @param secondary the secondary scores by name (AuxCounters, profilers)
 */
record BenchmarkResult(String benchmark, String mode, Map<String, String> params, Metric primary,
        Map<String, Metric> secondary) {

    BenchmarkResult {
        Objects.requireNonNull(benchmark, "benchmark");
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
    }

    /** {@code Class.method}, the benchmark name without its package. */
    String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The parameter's value, or null if the benchmark has no such parameter. */
    String param(String name) {
        return params.get(name);
    }

    /**
     * The parameter's value as an integer.
     *
     * @throws IllegalArgumentException if there is no such parameter
     */
    int intParam(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(benchmark + " has no parameter " + name + "; it has " + params.keySet());
        }
        return Integer.parseInt(value);
    }
}
