package dev.skipgram.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The markdown tables of one benchmark run, in the order of {@code docs/benchmarks.md}. A section
 * whose benchmark is missing from the results (a partial run) is left out.
 */
final class MarkdownReport {

    static final String KERNEL = "KernelLossBenchmark.update";
    static final String REFERENCE = "ReferenceLossBenchmark.lossAndGradient";
    static final String BATCHED = "BatchedSoftmaxBenchmark.step";
    static final String NOISE = "NoiseSamplingBenchmark.sample";
    static final String TRAINING = "TrainingThroughputBenchmark.trainOneEpoch";
    static final String BASELINE = "BaselineBenchmark.baseline";

    private final List<BenchmarkResult> results;
    private final RunInfo run;
    private final StringBuilder out = new StringBuilder();

    private MarkdownReport(List<BenchmarkResult> results, RunInfo run) {
        this.results = List.copyOf(results);
        this.run = Objects.requireNonNull(run, "run");
    }

    /**
     * Writes every table for which the run has results.
     *
     * @param results the run's results
     * @param run where and how the run was made
     * @return markdown
     */
    static String of(List<BenchmarkResult> results, RunInfo run) {
        return new MarkdownReport(results, run).build();
    }

    private String build() {
        runTable();
        costSections(KERNEL, "fast kernels (`KernelLossBenchmark`)");
        costSections(REFERENCE, "reference `Loss` implementations (`ReferenceLossBenchmark`)");
        batched();
        noise();
        training();
        baseline();
        return out.toString();
    }

    private void runTable() {
        line("| date | JVM | CPU | load before → after | `OMP_NUM_THREADS` | commit | duration |");
        line("|---|---|---|---|---|---|---|");
        line("| " + String.join(" | ", run.date(), run.jvm(), run.cpu(), run.load(), run.ompNumThreads(),
                run.commit(), run.duration()) + " |");
        line("");
        if (!run.jvmOptions().isEmpty()) {
            line("JVM options of the forks: `" + run.jvmOptions() + "`.");
            line("");
        }
    }

    private void costSections(String benchmark, String title) {
        List<CostSeries> series = CostSeries.of(results, benchmark);
        if (series.isEmpty()) {
            return;
        }
        SortedSet<Integer> vocabularies = new TreeSet<>();
        series.forEach(s -> vocabularies.addAll(s.costByVocabulary().keySet()));

        line("### Cost per pair, " + title);
        line("");
        line("µs per pair, mean ± the half-width of JMH's 99.9% confidence interval. The slope is the "
                + "least-squares slope of log(cost) against log(V) (1 is linear in V, 0 is flat); the last "
                + "slope is the one between the two largest V, where a fixed cost per call weighs least.");
        line("");
        StringBuilder header = new StringBuilder("| loss | d | K |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int v : vocabularies) {
            header.append(" V = ").append(Format.integer(v)).append(" |");
            rule.append("---|");
        }
        line(header + " slope | last slope |");
        line(rule + "---|---|");
        for (CostSeries s : series) {
            StringBuilder row = new StringBuilder("| " + s.lossName() + " | " + s.dimension() + " | " + s.negatives() + " |");
            for (int v : vocabularies) {
                Metric m = s.costByVocabulary().get(v);
                row.append(' ').append(m == null ? "–" : Format.withRelativeError(m.score() / 1e3, m.error() / 1e3))
                        .append(" |");
            }
            line(row + " " + Format.slope(s.slope()) + " | " + Format.slope(s.lastSlope()) + " |");
        }
        line("");
        ratios(series, vocabularies, title);
    }

    /** softmax / negative sampling at the same V and d, at the smallest K measured. */
    private void ratios(List<CostSeries> series, SortedSet<Integer> vocabularies, String title) {
        int k = series.stream().filter(s -> s.loss().equals(CostSeries.NEGATIVE_SAMPLING))
                .mapToInt(CostSeries::negatives).min().orElse(-1);
        Map<Integer, CostSeries> softmax = new TreeMap<>();
        Map<Integer, CostSeries> negative = new TreeMap<>();
        for (CostSeries s : series) {
            if (s.negatives() == k && s.loss().equals(CostSeries.SOFTMAX)) {
                softmax.put(s.dimension(), s);
            } else if (s.negatives() == k && s.loss().equals(CostSeries.NEGATIVE_SAMPLING)) {
                negative.put(s.dimension(), s);
            }
        }
        softmax.keySet().retainAll(negative.keySet());
        if (softmax.isEmpty()) {
            return;
        }
        line("Ratio full softmax / negative sampling (K = " + k + "), " + title + ":");
        line("");
        StringBuilder header = new StringBuilder("| d |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int v : vocabularies) {
            header.append(" V = ").append(Format.integer(v)).append(" |");
            rule.append("---|");
        }
        line(header.toString());
        line(rule.toString());
        for (int d : softmax.keySet()) {
            StringBuilder row = new StringBuilder("| " + d + " |");
            for (int v : vocabularies) {
                Metric a = softmax.get(d).costByVocabulary().get(v);
                Metric b = negative.get(d).costByVocabulary().get(v);
                row.append(' ').append(a == null || b == null ? "–" : Format.significant(a.score() / b.score(), 3) + "×")
                        .append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private void batched() {
        List<BenchmarkResult> batched = select(r -> r.benchmark().endsWith(BATCHED));
        if (batched.isEmpty()) {
            return;
        }
        // (d, batch) → V → ns per pair
        Map<List<Integer>, Map<Integer, Metric>> rows = new TreeMap<>(
                (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
        SortedSet<Integer> vocabularies = new TreeSet<>();
        for (BenchmarkResult r : batched) {
            int batch = r.intParam("batch");
            Metric m = r.primary();
            rows.computeIfAbsent(List.of(r.intParam("d"), batch), x -> new TreeMap<>())
                    .put(r.intParam("V"), new Metric(m.nanosPerOperation() / batch, m.errorNanosPerOperation() / batch, "ns/op"));
            vocabularies.add(r.intParam("V"));
        }
        line("### Batched full softmax (`BatchedSoftmaxBenchmark`)");
        line("");
        line("µs per pair (the time of one step divided by the batch), and in brackets the speed-up over a "
                + "batch of 1 at the same V and d.");
        line("");
        StringBuilder header = new StringBuilder("| d | pairs per gemm |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int v : vocabularies) {
            header.append(" V = ").append(Format.integer(v)).append(" |");
            rule.append("---|");
        }
        line(header.toString());
        line(rule.toString());
        rows.forEach((key, costs) -> {
            Map<Integer, Metric> single = rows.get(List.of(key.get(0), 1));
            StringBuilder row = new StringBuilder("| " + key.get(0) + " | " + key.get(1) + " |");
            for (int v : vocabularies) {
                Metric m = costs.get(v);
                String cell = m == null ? "–" : Format.withRelativeError(m.score() / 1e3, m.error() / 1e3);
                if (m != null && single != null && single.get(v) != null && key.get(1) != 1) {
                    cell += " (" + Format.significant(single.get(v).score() / m.score(), 2) + "×)";
                }
                row.append(' ').append(cell).append(" |");
            }
            line(row.toString());
        });
        line("");
    }

    private void noise() {
        List<BenchmarkResult> noise = select(r -> r.benchmark().endsWith(NOISE));
        if (noise.isEmpty()) {
            return;
        }
        line("### Noise sampling (`NoiseSamplingBenchmark`)");
        line("");
        line("| V | million draws/s | ns per draw |");
        line("|---|---|---|");
        noise.stream().sorted((a, b) -> a.intParam("V") - b.intParam("V")).forEach(r -> {
            double perSecond = r.primary().perSecond();
            line("| " + Format.integer(r.intParam("V")) + " | "
                    + Format.withRelativeError(perSecond / 1e6, r.primary().errorPerSecond() / 1e6) + " | "
                    + Format.significant(1e9 / perSecond, 3) + " |");
        });
        line("");
    }

    private void training() {
        List<BenchmarkResult> training = select(r -> r.benchmark().endsWith(TRAINING));
        if (training.isEmpty()) {
            return;
        }
        line("### Training throughput (`TrainingThroughputBenchmark`)");
        line("");
        line("One epoch of `SkipGram.train` (word2vec recipe, d = 100, window 5, K = 5) on the synthetic corpus, "
                + "vocabulary pass included.");
        line("");
        line("| loss | threads | words/s | epochs/s |");
        line("|---|---|---|---|");
        training.stream()
                .sorted((a, b) -> a.param("loss").equals(b.param("loss"))
                        ? a.intParam("threads") - b.intParam("threads")
                        : a.param("loss").compareTo(b.param("loss")))
                .forEach(r -> {
                    Metric words = r.secondary().get("words");
                    line("| " + CostSeries.lossName(r.param("loss")) + " | "
                            + r.param("threads") + " | "
                            + (words == null ? "–" : Format.withRelativeError(words.perSecond(), words.errorPerSecond()))
                            + " | " + Format.withRelativeError(r.primary().perSecond(), r.primary().errorPerSecond()) + " |");
                });
        line("");
    }

    private void baseline() {
        List<BenchmarkResult> baseline = select(r -> r.benchmark().endsWith(BASELINE));
        if (baseline.isEmpty()) {
            return;
        }
        line("### Baseline (`BaselineBenchmark`)");
        line("");
        line("| what | ns per call |");
        line("|---|---|");
        for (BenchmarkResult r : baseline) {
            line("| one step of the pair rotation, no loss | "
                    + Format.withRelativeError(r.primary().nanosPerOperation(), r.primary().errorNanosPerOperation()) + " |");
        }
        line("");
    }

    private List<BenchmarkResult> select(Predicate<BenchmarkResult> p) {
        List<BenchmarkResult> selected = new ArrayList<>();
        for (BenchmarkResult r : results) {
            if (p.test(r)) {
                selected.add(r);
            }
        }
        return selected;
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
