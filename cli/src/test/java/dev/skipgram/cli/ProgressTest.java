package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void linesShowMilestonesTheEndAndAtMostOneLinePerInterval() {
        StringWriter text = new StringWriter();
        try (Progress p = Progress.start(Progress.Mode.LINES, "training", "words", new PrintWriter(text),
                Duration.ofHours(1))) {
            p.update(10, 100, "epoch 1/2", false); // within the interval: not shown
            p.update(50, 100, "epoch 1/2 done", true); // a milestone: shown
            p.update(70, 100, "epoch 2/2", false);
            p.update(100, 100, "epoch 2/2 done", false); // the end: shown
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(2, lines.size(), text.toString());
        assertTrue(lines.get(0).matches("training:  50%  50/100 words  \\S+ words/s  ETA \\S+  epoch 1/2 done"),
                lines.get(0));
        assertTrue(lines.get(1).matches("training: 100%  100/100 words  \\S+ words/s  done in 0:00  epoch 2/2 done"),
                lines.get(1));
    }

    @Test
    void closeShowsTheLastStateIfItWasNotShown() {
        StringWriter text = new StringWriter();
        try (Progress p = Progress.start(Progress.Mode.LINES, "reading", "tokens", new PrintWriter(text),
                Duration.ofHours(1))) {
            p.update(1234, 0, "", false);
        }
        assertTrue(text.toString().startsWith("reading: 1,234 tokens, "), text.toString());
        StringWriter none = new StringWriter();
        Progress.start(Progress.Mode.LINES, "idle", "tokens", new PrintWriter(none), Duration.ofHours(1)).close();
        assertEquals("", none.toString());
    }

    @Test
    void theLastLineShowsTheAverageRateThatTheSummaryQuotes() {
        StringWriter text = new StringWriter();
        Progress p = Progress.start(Progress.Mode.LINES, "training", "words", new PrintWriter(text),
                Duration.ofHours(1));
        assertEquals(0, p.units());
        assertTrue(Double.isNaN(p.seconds()));
        p.rebase(40); // a resumed run: 40 words were done before it
        p.update(70, 100, "", false);
        p.update(100, 100, "", false);
        p.close();
        assertEquals(60, p.units(), "this run's words only");
        assertEquals(p.units() / p.seconds(), p.averageRate(), 1e-9 * p.averageRate());
        List<String> lines = text.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("  " + Progress.rate(p.averageRate()) + " words/s  "), last + " vs " + p.averageRate());
    }

    @Test
    void numbersAndDurations() {
        assertEquals("1,234,567", Progress.count(1_234_567));
        assertEquals("0:07", Progress.duration(7.2));
        assertEquals("1:02:03", Progress.duration(3723));
        assertEquals("?", Progress.duration(Double.NaN));
        assertEquals("412k", Progress.rate(412_345));
        assertEquals("1.20M", Progress.rate(1_199_999));
        assertEquals("950", Progress.rate(950));
        assertEquals("9,500", Progress.rate(9_500));
    }
}
