package dev.skipgram.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostPlotTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesAPngWithOneLinePerLossAndDimension(@TempDir Path dir) throws IOException {
        List<CostSeries> series = CostSeries.of(Fixture.run().results(), MarkdownReport.KERNEL);
        Path png = dir.resolve("img/cost.png");
        assertEquals(2, CostPlot.write(series, 5, "test", png));
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
    }

    @Test
    void writesNothingWhenNoSeriesIsAtThatK(@TempDir Path dir) throws IOException {
        List<CostSeries> series = CostSeries.of(Fixture.run().results(), MarkdownReport.KERNEL);
        Path png = dir.resolve("cost.png");
        assertEquals(0, CostPlot.write(series, 15, "test", png));
        assertFalse(Files.exists(png));
    }
}
