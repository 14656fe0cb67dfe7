package dev.skipgram.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import dev.skipgram.io.AtomicFile;

/**
 * A labelled scatter plot drawn with Java2D: a title, axes with ticks and grid lines, the zero lines,
 * and every point as a dot with its word beside it, placed where it overlaps no other label when
 * such a place exists. Anti-aliased; written as PNG.
 */
final class ScatterPlot {

    private static final Color POINT = new Color(0x1f, 0x77, 0xb4);
    private static final Color LABEL = new Color(0x20, 0x20, 0x20);
    private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
    private static final Color ZERO = new Color(0xb0, 0xb0, 0xb0);
    private static final Color AXIS = new Color(0x50, 0x50, 0x50);
    private static final Color LEADER = new Color(0x99, 0x99, 0x99);

    private ScatterPlot() {}

    /**
     * Draws the points.
     *
     * @param labels one label per point
     * @param x the points' first coordinates
     * @param y the points' second coordinates
     * @param title the title, above the plot
     * @param xLabel the horizontal axis' label
     * @param yLabel the vertical axis' label
     * @param width the image width in pixels, ≥ 200
     * @param height the image height in pixels, ≥ 150
     */
    static BufferedImage render(List<String> labels, double[] x, double[] y, String title, String xLabel,
            String yLabel, int width, int height) {
        if (labels.size() != x.length || x.length != y.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + x.length + " x and " + y.length + " y");
        }
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("the picture must be at least 200 x 150 pixels, got " + width + " x "
                    + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            double scale = Math.min(width / 900.0, height / 700.0);
            Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(Math.max(12, 20 * scale)));
            Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(Math.max(10, 14 * scale)));
            Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(Math.max(9, 12 * scale)));
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(Math.max(10, 15 * scale)));

            int left = (int) (80 * Math.max(scale, 0.7));
            int right = (int) (30 * Math.max(scale, 0.7));
            int top = (int) (60 * Math.max(scale, 0.7));
            int bottom = (int) (70 * Math.max(scale, 0.7));
            Rectangle2D.Double area = new Rectangle2D.Double(left, top, width - left - right, height - top - bottom);

            Range rx = Range.of(x);
            Range ry = Range.of(y);
            Ticks tx = Ticks.of(rx);
            Ticks ty = Ticks.of(ry);
            // the axes span whole ticks around the data
            double x0 = Math.min(tx.first(), rx.min());
            double x1 = Math.max(tx.last(), rx.max());
            double y0 = Math.min(ty.first(), ry.min());
            double y1 = Math.max(ty.last(), ry.max());
            Mapping map = new Mapping(area, x0, x1, y0, y1);

            // grid and ticks
            g.setFont(tickFont);
            FontMetrics tm = g.getFontMetrics();
            g.setStroke(new BasicStroke(1f));
            for (double v : tx.values()) {
                double px = map.px(v);
                g.setColor(GRID);
                g.draw(new Line2D.Double(px, area.y, px, area.getMaxY()));
                g.setColor(AXIS);
                String s = tx.format(v);
                g.drawString(s, (float) (px - tm.stringWidth(s) / 2.0), (float) (area.getMaxY() + tm.getAscent() + 6));
            }
            for (double v : ty.values()) {
                double py = map.py(v);
                g.setColor(GRID);
                g.draw(new Line2D.Double(area.x, py, area.getMaxX(), py));
                g.setColor(AXIS);
                String s = ty.format(v);
                g.drawString(s, (float) (area.x - tm.stringWidth(s) - 6), (float) (py + tm.getAscent() / 2.0 - 1));
            }
            g.setColor(ZERO);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f},
                    0f));
            if (x0 < 0 && x1 > 0) {
                g.draw(new Line2D.Double(map.px(0), area.y, map.px(0), area.getMaxY()));
            }
            if (y0 < 0 && y1 > 0) {
                g.draw(new Line2D.Double(area.x, map.py(0), area.getMaxX(), map.py(0)));
            }
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(area);

            // axis labels and title
            g.setFont(axisFont);
            FontMetrics am = g.getFontMetrics();
            g.drawString(xLabel, (float) (area.getCenterX() - am.stringWidth(xLabel) / 2.0),
                    (float) (height - am.getDescent() - 8 * scale));
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(yLabel, (float) (-area.getCenterY() - am.stringWidth(yLabel) / 2.0),
                    (float) (am.getAscent() + 8 * scale));
            rotated.dispose();
            g.setFont(titleFont);
            FontMetrics titleMetrics = g.getFontMetrics();
            g.setColor(Color.BLACK);
            g.drawString(title, (float) Math.max(4, (width - titleMetrics.stringWidth(title)) / 2.0),
                    (float) (top / 2.0 + titleMetrics.getAscent() / 2.0 - 2));

            // points, then labels placed around them
            double r = Math.max(3, 5 * scale);
            double[][] dots = new double[x.length][];
            List<Rectangle2D> taken = new ArrayList<>();
            g.setColor(POINT);
            for (int i = 0; i < x.length; i++) {
                double px = map.px(x[i]);
                double py = map.py(y[i]);
                dots[i] = new double[] {px, py};
                g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
                taken.add(new Rectangle2D.Double(px - r, py - r, 2 * r, 2 * r));
            }
            g.setFont(labelFont);
            FontMetrics lm = g.getFontMetrics();
            g.setColor(LABEL);
            for (int i = 0; i < x.length; i++) {
                double px = dots[i][0];
                double py = dots[i][1];
                Rectangle2D box = place(labels.get(i), dots, i, r, lm, taken, area);
                taken.add(box);
                // A label not right beside its point gets a leader line, so it cannot be taken for a neighbour's.
                double nx = Math.max(box.getMinX(), Math.min(px, box.getMaxX()));
                double ny = Math.max(box.getMinY(), Math.min(py, box.getMaxY()));
                if (Math.hypot(nx - px, ny - py) > r + 6) {
                    g.setColor(LEADER);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Line2D.Double(px, py, nx, ny));
                }
                g.setColor(LABEL);
                g.drawString(labels.get(i), (float) box.getX(), (float) (box.getY() + lm.getAscent()));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The label's box at the first place around its dot that overlaps nothing drawn so far, stays in
     * the plot and is nearer its own dot than any other dot (so it is not read as a neighbour's
     * label): first the eight places next to the dot (right, left, above, below, the diagonals), then
     * the same eight a little farther out (drawn with a leader line); else the place that breaks these
     * rules least.
     *
     * @param dots the centres of all dots, in pixels
     * @param self the index of this label's dot
     * @param taken the boxes of every dot and of the labels placed so far
     */
    private static Rectangle2D place(String label, double[][] dots, int self, double r, FontMetrics m,
            List<Rectangle2D> taken, Rectangle2D area) {
        double px = dots[self][0];
        double py = dots[self][1];
        double w = m.stringWidth(label);
        double h = m.getAscent() + m.getDescent();
        Rectangle2D best = null;
        double bestPenalty = Double.POSITIVE_INFINITY;
        double near = r + 3;
        for (double gap : new double[] {near, 2.5 * near + 6}) {
            double g = gap * 0.7;
            double[][] offsets = {
                {gap, -h / 2}, {-gap - w, -h / 2}, {-w / 2, -gap - h}, {-w / 2, gap},
                {g, -g - h}, {g, g}, {-g - w, -g - h}, {-g - w, g}};
            for (double[] o : offsets) {
                Rectangle2D box = new Rectangle2D.Double(px + o[0], py + o[1], w, h);
                double penalty = gap > near ? 1 : 0; // prefer places next to the dot
                for (int k = 0; k < taken.size(); k++) {
                    Rectangle2D t = taken.get(k);
                    if (k != self && box.intersects(t)) {
                        Rectangle2D cut = box.createIntersection(t);
                        penalty += cut.getWidth() * cut.getHeight() + 10;
                    }
                }
                double own = distance(box, px, py);
                for (int k = 0; k < dots.length; k++) {
                    if (k != self && distance(box, dots[k][0], dots[k][1]) < own + 2) {
                        penalty += 50; // another dot is as near: ambiguous
                    }
                }
                if (box.getMinX() < area.getMinX() - 40 || box.getMaxX() > area.getMaxX() + 25
                        || box.getMinY() < area.getMinY() || box.getMaxY() > area.getMaxY()) {
                    penalty += 1e6; // outside the plot
                }
                if (penalty < bestPenalty) {
                    best = box;
                    bestPenalty = penalty;
                }
            }
            if (bestPenalty <= (gap > near ? 1 : 0)) {
                break; // a clean place was found
            }
        }
        return best;
    }

    private static double distance(Rectangle2D box, double x, double y) {
        double dx = Math.max(0, Math.max(box.getMinX() - x, x - box.getMaxX()));
        double dy = Math.max(0, Math.max(box.getMinY() - y, y - box.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /**
     * Writes the image as PNG, atomically.
     *
     * @throws IOException if it cannot be written
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The data's extent, padded so that no point sits on the frame. */
    private record Range(double min, double max) {
        static Range of(double[] values) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double span = hi - lo;
            if (!(span > 0)) {
                span = Math.max(1e-3, Math.abs(hi));
            }
            return new Range(lo - 0.08 * span, hi + 0.08 * span);
        }
    }

    /** Round tick values: steps of 1, 2 or 5 times a power of ten, 4 to 10 of them. */
    private record Ticks(double step, double first, double last) {
        static Ticks of(Range r) {
            double raw = (r.max() - r.min()) / 6;
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
            return new Ticks(step, Math.floor(r.min() / step) * step, Math.ceil(r.max() / step) * step);
        }

        List<Double> values() {
            List<Double> v = new ArrayList<>();
            for (long k = Math.round(first / step); k * step <= last + step / 2; k++) {
                v.add(k * step);
            }
            return v;
        }

        String format(double v) {
            int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 2 ? 0.0 : v);
        }
    }

    /** Data coordinates to pixels (y grows upwards in the data, downwards in the image). */
    private record Mapping(Rectangle2D area, double x0, double x1, double y0, double y1) {
        double px(double x) {
            return area.getX() + (x - x0) / (x1 - x0) * area.getWidth();
        }

        double py(double y) {
            return area.getMaxY() - (y - y0) / (y1 - y0) * area.getHeight();
        }
    }
}
