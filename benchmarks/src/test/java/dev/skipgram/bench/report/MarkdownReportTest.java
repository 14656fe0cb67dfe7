package dev.skipgram.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static String report() {
        JmhJson.Run run = Fixture.run();
        return MarkdownReport.of(run.results(), RunInfo.next(Fixture.json(), run.jvm()));
    }

    @Test
    void groupsTheCostsIntoSeriesWithTheirSlopes() {
        List<CostSeries> series = CostSeries.of(Fixture.run().results(), MarkdownReport.KERNEL);
        assertEquals(2, series.size());
        CostSeries softmax = series.get(0);
        CostSeries negative = series.get(1);
        assertEquals(CostSeries.SOFTMAX, softmax.loss());
        assertEquals(CostSeries.NEGATIVE_SAMPLING, negative.loss());
        assertEquals(10, softmax.dimension());
        assertEquals(5, softmax.negatives());
        assertEquals(2e5, softmax.costByVocabulary().get(100_000).score(), 1e-6); // ns, from 200 µs/op
        assertEquals(1.0, softmax.slope(), 1e-12);
        assertEquals(0.0, negative.slope(), 1e-12);
        assertEquals(1.0, softmax.lastSlope(), 1e-12);
        assertEquals(0.0, negative.lastSlope(), 1e-12);
    }

    @Test
    void theLastSlopeIgnoresAFixedCostThatTheLeastSquaresSlopeAveragesIn() {
        // 100 µs per call whatever V, plus 0.01 µs per word: flat, then linear
        TreeMap<Integer, Metric> costs = new TreeMap<>();
        for (int v : new int[] {1_000, 10_000, 100_000}) {
            costs.put(v, new Metric(100 + 0.01 * v, Double.NaN, "us/op"));
        }
        CostSeries series = new CostSeries(CostSeries.SOFTMAX, 10, 5, costs);
        assertEquals(Math.log10(1100.0 / 200.0), series.lastSlope(), 1e-12);
        assertTrue(series.slope() < series.lastSlope(), series.slope() + " vs " + series.lastSlope());
    }

    @Test
    void writesTheCostTableWithSlopes() {
        String md = report();
        assertTrue(md.contains("| loss | d | K | V = 1,000 | V = 10,000 | V = 100,000 | slope | last slope |"), md);
        assertTrue(md.contains("| full softmax | 10 | 5 | 2 ± 1% | 20 ± 1% | 200 ± 1% | 1.00 | 1.00 |"), md);
        assertTrue(md.contains("| negative sampling | 10 | 5 | 0.1 ± 5% | 0.1 ± 5% | 0.1 ± 5% | 0.00 | 0.00 |"), md);
    }

    @Test
    void writesTheSoftmaxOverNegativeSamplingRatioPerVocabularySize() {
        assertTrue(report().contains("| 10 | 20× | 200× | 2,000× |"), report());
    }

    @Test
    void writesTheOtherSections() {
        String md = report();
        // 500 µs for 50 pairs = 10 µs a pair, 5× faster than one pair a step (50 µs)
        assertTrue(md.contains("| 100 | 1 | 50 ± 2% |"), md);
        assertTrue(md.contains("| 100 | 50 | 10 ± 2% (5×) |"), md);
        assertTrue(md.contains("| 1,000 | 43.5 ± 1.1% | 23 |"), md);
        assertTrue(md.contains("| negative sampling | 2 | 400,000 ± 5% | 2 ± 5% |"), md);
        assertTrue(md.contains("| one step of the pair rotation, no loss | 3 |"), md);
    }

    @Test
    void writesTheRunFromTheJsonAndTheEnvFile() {
        String md = report();
        assertTrue(md.contains("| 2026-11-22 06:00 UTC | JDK 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 "
                + "| AMD EPYC (test), 2 cores | 0.10 → 0.50 | 1 | abc1234 | 12 min 5 s |"), md);
        assertTrue(md.contains("JVM options of the forks: `-Xms2g -Xmx2g`."), md);
    }

    @Test
    void leavesOutWhatWasNotMeasured() {
        JmhJson.Run run = Fixture.run();
        List<BenchmarkResult> onlyNoise = run.results().stream()
                .filter(r -> r.benchmark().endsWith(MarkdownReport.NOISE)).toList();
        String md = MarkdownReport.of(onlyNoise, new RunInfo(Map.of(), null));
        assertTrue(md.contains("Noise sampling"), md);
        assertFalse(md.contains("Cost per pair"), md);
        assertFalse(md.contains("Training"), md);
        assertTrue(md.contains("| ? | ? | ? | ? → ? | ? | ? | ? |"), md);
    }

    @Test
    void readsKeyValueLinesSkippingComments() {
        assertEquals(Map.of("a", "1", "b", "x = y"), RunInfo.parse(List.of("# comment", "", "a=1", " b = x = y ", "junk")));
    }

    @Test
    void formatsNumbersToSignificantDigits() {
        assertEquals("0.0873", Format.significant(0.087_34, 3));
        assertEquals("12,300", Format.significant(12_345.6, 3));
        assertEquals("200", Format.significant(200.0, 3));
        assertEquals("1.5", Format.significant(1.5, 3));
        assertEquals("–", Format.significant(Double.NaN, 3));
        assertEquals("7 ± 10%", Format.withRelativeError(7, 0.7));
        assertEquals("7", Format.withRelativeError(7, Double.NaN));
    }
}
