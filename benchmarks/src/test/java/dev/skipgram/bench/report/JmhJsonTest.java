package dev.skipgram.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhJsonTest {

    @Test
    void readsEveryResultWithItsParametersScoresAndUnits() {
        JmhJson.Run run = Fixture.run();
        List<BenchmarkResult> results = run.results();
        assertEquals(12, results.size());

        BenchmarkResult first = results.get(0);
        assertEquals("dev.skipgram.KernelLossBenchmark.update", first.benchmark());
        assertEquals("KernelLossBenchmark.update", first.shortName());
        assertEquals("avgt", first.mode());
        assertEquals(Map.of("K", "5", "V", "1000", "d", "10", "loss", "NAIVE_SOFTMAX"), first.params());
        assertEquals(1000, first.intParam("V"));
        assertEquals(2.0, first.primary().score());
        assertEquals("us/op", first.primary().unit());
        assertEquals(2000.0, first.primary().nanosPerOperation(), 1e-9);
        assertEquals(20.0, first.primary().errorNanosPerOperation(), 1e-9);
    }

    @Test
    void readsJmhsNaNErrorAndSecondaryMetrics() {
        List<BenchmarkResult> results = Fixture.run().results();
        BenchmarkResult baseline = results.get(results.size() - 1);
        assertTrue(Double.isNaN(baseline.primary().error()));
        BenchmarkResult training = results.get(results.size() - 2);
        Metric words = training.secondary().get("words");
        assertEquals(400_000.0, words.perSecond(), 1e-6);
        assertEquals(20_000.0, words.errorPerSecond(), 1e-6);
    }

    @Test
    void readsTheJvm() {
        JmhJson.Jvm jvm = Fixture.run().jvm();
        assertEquals("17.0.15", jvm.jdkVersion());
        assertEquals(List.of("-Xms2g", "-Xmx2g"), jvm.jvmArgs());
    }

    @Test
    void convertsThroughputUnitsToPerSecond() {
        assertEquals(43.5e6, new Metric(43.5, 0.5, "ops/us").perSecond(), 1e-3);
        assertEquals(2e3, new Metric(2, 0, "ops/ms").perSecond(), 1e-9);
        assertEquals(5e9, new Metric(5, 0, "ops/ns").perSecond(), 1e-3);
        assertEquals(7.0, new Metric(7, 0, "ops/s").perSecond(), 1e-12);
    }

    @Test
    void convertsTimeUnitsToNanoseconds() {
        assertEquals(3.0, new Metric(3, 0, "ns/op").nanosPerOperation(), 1e-12);
        assertEquals(3e6, new Metric(3, 0, "ms/op").nanosPerOperation(), 1e-6);
        assertEquals(3e9, new Metric(3, 0, "s/op").nanosPerOperation(), 1e-3);
    }

    @Test
    void refusesToMixTimeAndThroughput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Metric(1, 0, "ops/s").nanosPerOperation());
        assertTrue(e.getMessage().contains("ops/s"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Metric(1, 0, "ns/op").perSecond());
    }

    @Test
    void refusesAFileThatIsNotAnArrayOfResults() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhJson.parse(new StringReader("{\"benchmark\": \"x\"}")));
        assertTrue(e.getMessage().contains("array"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JmhJson.parse(new StringReader("[{\"mode\": \"avgt\"}]")));
    }
}
