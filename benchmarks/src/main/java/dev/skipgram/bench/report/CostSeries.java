package dev.skipgram.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The cost per pair of one loss at one (d, K), as a function of the vocabulary size V: one line of
 * the plot, one row of the cost table.
 *
 * @param loss the loss parameter, {@code NAIVE_SOFTMAX}, {@code NEGATIVE_SAMPLING} or
 *     {@code HIERARCHICAL_SOFTMAX}
 * @param dimension d
 * @param negatives K
 * @param costByVocabulary V → the cost in nanoseconds per pair, with its error
 */
record CostSeries(String loss, int dimension, int negatives, NavigableMap<Integer, Metric> costByVocabulary) {

    /** The loss parameter of the full softmax. */
    static final String SOFTMAX = "NAIVE_SOFTMAX";
    /** The loss parameter of negative sampling. */
    static final String NEGATIVE_SAMPLING = "NEGATIVE_SAMPLING";
    /** The loss parameter of hierarchical softmax. */
    static final String HIERARCHICAL_SOFTMAX = "HIERARCHICAL_SOFTMAX";

    CostSeries {
        Objects.requireNonNull(loss, "loss");
        costByVocabulary = new TreeMap<>(costByVocabulary);
    }

    /** A readable name of the loss. */
    String lossName() {
        return lossName(loss);
    }

    /**
     * A readable name of a loss parameter: "full softmax", "negative sampling", "hierarchical softmax",
     * or the value itself.
     */
    static String lossName(String loss) {
        return switch (loss) {
            case SOFTMAX -> "full softmax";
            case NEGATIVE_SAMPLING -> "negative sampling";
            case HIERARCHICAL_SOFTMAX -> "hierarchical softmax";
            default -> loss;
        };
    }

    /** The log-log slope of cost against V, or NaN with fewer than two values of V. */
    double slope() {
        if (costByVocabulary.size() < 2) {
            return Double.NaN;
        }
        double[] x = costByVocabulary.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = costByVocabulary.values().stream().mapToDouble(Metric::score).toArray();
        return LogLogFit.slope(x, y);
    }

    /**
     * The slope between the two largest V, or NaN with fewer than two values of V: the growth once a
     * fixed cost per call (native call overhead, which the least-squares slope averages in) is small.
     */
    double lastSlope() {
        if (costByVocabulary.size() < 2) {
            return Double.NaN;
        }
        var last = costByVocabulary.lastEntry();
        var before = costByVocabulary.lowerEntry(last.getKey());
        return LogLogFit.slope(new double[] {before.getKey(), last.getKey()},
                new double[] {before.getValue().score(), last.getValue().score()});
    }

    /**
     * Groups the results of one loss benchmark (parameters loss, V, d and K) into series, each cost
     * converted to nanoseconds per pair. Series are sorted by loss, then d, then K.
     *
     * @param results any results; those of other benchmarks are ignored
     * @param benchmarkSuffix the end of the benchmark's name, e.g. {@code KernelLossBenchmark.update}
     */
    static List<CostSeries> of(List<BenchmarkResult> results, String benchmarkSuffix) {
        Map<List<Object>, TreeMap<Integer, Metric>> groups = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (!r.benchmark().endsWith(benchmarkSuffix)) {
                continue;
            }
            Metric m = r.primary();
            Metric nanos = new Metric(m.nanosPerOperation(), m.errorNanosPerOperation(), "ns/op");
            groups.computeIfAbsent(List.of(r.param("loss"), r.intParam("d"), r.intParam("K")), k -> new TreeMap<>())
                    .put(r.intParam("V"), nanos);
        }
        List<CostSeries> series = new ArrayList<>();
        groups.forEach((key, costs) ->
                series.add(new CostSeries((String) key.get(0), (Integer) key.get(1), (Integer) key.get(2), costs)));
        series.sort(Comparator.comparing(CostSeries::loss)
                .thenComparingInt(CostSeries::dimension)
                .thenComparingInt(CostSeries::negatives));
        return List.copyOf(series);
    }
}
