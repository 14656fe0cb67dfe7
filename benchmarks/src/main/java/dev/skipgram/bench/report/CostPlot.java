package dev.skipgram.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plot of cost per pair against V, log-log, one line per (loss, d) at one K: a line of slope 1
 * is a cost linear in V, a horizontal line a cost independent of V.
 */
final class CostPlot {

    private static final Color[] SHADES_SOFTMAX = {new Color(0xF4A582), new Color(0xD6604D), new Color(0x67001F)};
    private static final Color[] SHADES_NEGATIVE = {new Color(0x92C5DE), new Color(0x4393C3), new Color(0x053061)};
    private static final Color[] SHADES_HIERARCHICAL = {new Color(0xA6DBA0), new Color(0x5AAE61), new Color(0x00441B)};

    private CostPlot() {}

    /**
     * Writes the plot as a PNG.
     *
     * @param series the series; those at other K than {@code negatives} are left out (the softmax
     *     does not depend on K)
     * @param negatives the K to plot
     * @param title the chart's title
     * @param png the file to write; its directory is created if needed
     * @return the number of series plotted
     * @throws IOException if the file cannot be written
     */
    static int write(List<CostSeries> series, int negatives, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("vocabulary size V").yAxisTitle("µs per (centre, outside) pair").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        int plotted = 0;
        int[] lines = new int[3]; // per loss: softmax, negative sampling, hierarchical softmax
        for (CostSeries s : series) {
            if (s.negatives() != negatives || s.costByVocabulary().isEmpty()) {
                continue;
            }
            double[] v = s.costByVocabulary().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] micros = s.costByVocabulary().values().stream().mapToDouble(m -> m.score() / 1e3).toArray();
            int kind = switch (s.loss()) {
                case CostSeries.SOFTMAX -> 0;
                case CostSeries.HIERARCHICAL_SOFTMAX -> 2;
                default -> 1;
            };
            String name = s.lossName() + ", d = " + s.dimension() + ", slope " + Format.slope(s.slope());
            XYSeries line = chart.addSeries(name, v, micros);
            Color[] shades = kind == 0 ? SHADES_SOFTMAX : kind == 1 ? SHADES_NEGATIVE : SHADES_HIERARCHICAL;
            int shade = lines[kind]++;
            line.setLineColor(shades[Math.min(shade, shades.length - 1)]);
            line.setMarkerColor(shades[Math.min(shade, shades.length - 1)]);
            line.setMarker(kind == 0 ? SeriesMarkers.CIRCLE : kind == 1 ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
            line.setLineStyle(kind == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            kind == 1 ? new float[] {6f, 4f} : new float[] {2f, 3f}, 0f));
            plotted++;
        }
        if (plotted > 0) {
            Path dir = png.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 120);
        }
        return plotted;
    }
}
