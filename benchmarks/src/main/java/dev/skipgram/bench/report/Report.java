package dev.skipgram.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a JMH JSON result file of the benchmarks into the tables and plots of {@code
 * docs/benchmarks.md}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.skipgram.bench.report.Report RESULTS.json [IMAGE_DIR]
 * </pre>
 * writes
 * <ul>
 *   <li>{@code RESULTS.md} next to the JSON: the run (date, JVM, CPU, load, {@code
 *       OMP_NUM_THREADS}, from the JSON and from {@code RESULTS.env} if present), the cost per pair
 *       of the fast kernels and of the reference losses with the log-log slope of each series, the
 *       softmax / negative-sampling ratio per V and d, the batched softmax, the noise sampler, the
 *       training throughput and the baseline; the same text goes to standard output;
 *   <li>{@code IMAGE_DIR/cost-per-pair.png} (default {@code docs/img}): the fast kernels' cost per pair
 *       against V, log-log, one line per loss and d, at the smallest K measured;
 *   <li>{@code IMAGE_DIR/cost-per-pair-reference.png}: the same for the reference losses.
 * </ul>
 * Sections and plots whose benchmarks are not in the file are skipped, so a partial run works too.
 */
public final class Report {

    private Report() {}

    /**
     * Writes the report.
     *
     * @param args the JSON file, then optionally the image directory
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Report RESULTS.json [IMAGE_DIR (default docs/img)]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path json = Path.of(args[0]);
        Path images = Path.of(args.length > 1 ? args[1] : "docs/img");

        JmhJson.Run run;
        try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            run = JmhJson.parse(reader);
        }
        String markdown = MarkdownReport.of(run.results(), RunInfo.next(json, run.jvm()));
        String name = json.getFileName().toString();
        Path md = json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
        System.out.println("wrote " + md);

        plot(run.results(), MarkdownReport.KERNEL, "Fast kernels: cost per pair", images.resolve("cost-per-pair.png"));
        plot(run.results(), MarkdownReport.REFERENCE, "Reference Loss implementations: cost per pair",
                images.resolve("cost-per-pair-reference.png"));
    }

    private static void plot(List<BenchmarkResult> results, String benchmark, String title, Path png)
            throws IOException {
        List<CostSeries> series = CostSeries.of(results, benchmark);
        int k = series.stream().mapToInt(CostSeries::negatives).min().orElse(-1);
        if (CostPlot.write(series, k, title + " (K = " + k + ")", png) > 0) {
            System.out.println("wrote " + png);
        }
    }
}
