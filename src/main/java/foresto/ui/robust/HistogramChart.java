package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
import foresto.ui.chart.AxisTicks;
import foresto.ui.chart.ChartReadout;
import foresto.ui.chart.CanvasChart;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.i18n.LocaleFormat;
import foresto.ui.common.Fonts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram of fractions (premiums, CAGR differences) on one canvas: bins of a round width with an edge at zero,
 * so every bar lies wholly above or below it (above in the theme's "better" colour, below in its "worse"), a zero
 * line and a dashed median line. The x axis reads in percentage points. Hovering a bar reads out its range (in
 * percentage points) and its count, with its share of all values.
 */
public final class HistogramChart extends CanvasChart {
    /** At most this many bins. */
    static final int MAX_BINS = 40;

    /** The values (fractions), the x axis's name and the median's name (null: no median line). */
    public record Content(double[] values, String xLabel, double median) {
    }

    /** The bins: bin i is [origin + i·width, origin + (i+1)·width), the last one closed. */
    public record Bins(double origin, double width, int[] counts) {
        /** Bins of a round width with an edge at 0, covering every value; at most 2√n (8 to {@value #MAX_BINS}) of them. */
        static Bins of(double[] values) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (!(hi > lo)) {
                double w = Math.max(Math.abs(lo) * 0.01, 1e-4);
                return new Bins(lo - w / 2, w, new int[] {values.length});
            }
            int target = (int) Math.max(8, Math.min(MAX_BINS, Math.round(2 * Math.sqrt(values.length))));
            double width = AxisTicks.niceStep(lo, hi, target);
            double origin = Math.floor(lo / width) * width;
            int n = Math.max(1, (int) Math.ceil((hi - origin) / width - 1e-9));
            while (origin + n * width <= hi) {
                n++; // the top value falls in the last bin, never past it
            }
            int[] counts = new int[n];
            for (double v : values) {
                int i = (int) Math.floor((v - origin) / width);
                counts[Math.max(0, Math.min(n - 1, i))]++;
            }
            return new Bins(origin, width, counts);
        }

        double end() {
            return origin + counts.length * width;
        }
    }

    /** Height of the row above the plot that holds the median's label. */
    static final double MEDIAN_ROW = 16;

    private final StringProperty title = new SimpleStringProperty("");
    private final List<Rectangle2D> drawn = new ArrayList<>();
    private Rectangle2D medianLabel;
    private Rectangle2D plot;
    private Content content;
    private Bins bins;
    private String placeholder = "";
    private boolean placeholderShown = true;
    /** The hovered bar's range and count, shown while the pointer is over the plot. */
    private final Label readout = ChartReadout.label("histogramReadout");
    /** The value at the plot's left edge and the pixels per unit of value, of the last paint. */
    private double xLo;
    private double xScale;

    public HistogramChart() {
        getStyleClass().add("annual-bars");
        title.addListener((o, a, b) -> invalidate());
        getChildren().add(readout);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> readout.setVisible(false));
    }

    /** The hover readout's text; empty when nothing is hovered. */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /** Shows the readout of the bin under the pointer at ({@code cx}, {@code cy}); hides it outside the bins. */
    public void hover(double cx, double cy) {
        Rectangle2D p = plot;
        if (p == null || bins == null || placeholderShown || cy < p.getMinY() || cy > p.getMaxY()) {
            readout.setVisible(false);
            return;
        }
        int i = (int) Math.floor(((cx - p.getMinX()) / xScale + xLo - bins.origin()) / bins.width());
        if (cx < p.getMinX() || cx > p.getMaxX() || i < 0 || i >= bins.counts().length) {
            readout.setVisible(false);
            return;
        }
        readout.setText(String.join("\n", binReadout(bins, i)));
        readout.setVisible(true);
        readout.autosize();
        // at the plot's top right while the pointer is over its left half, else top left: it never hides the pointer
        double x = cx < p.getMinX() + p.getWidth() / 2 ? p.getMaxX() - readout.getWidth() - 6 : p.getMinX() + 6;
        readout.relocate(Math.max(0, x), p.getMinY() + 4);
    }

    /** Bin i's readout: its range in percentage points, then its count and share of all values. */
    static List<String> binReadout(Bins b, int i) {
        int total = 0;
        for (int c : b.counts()) {
            total += c;
        }
        int count = b.counts()[i];
        // enough decimals that a bin's two edges never read alike
        int decimals = Math.max(2, (int) Math.ceil(-Math.log10(b.width() * 100) - 1e-9));
        double from = b.origin() + i * b.width();
        return List.of(tr("robust.readout.bin", edge(from, decimals), edge(from + b.width(), decimals)),
                tr("robust.readout.binCount", LocaleFormat.integer(count),
                        LocaleFormat.percent(total == 0 ? 0 : (double) count / total, 1), LocaleFormat.integer(total)));
    }

    /** A bin's edge in percentage points, signed, with no "-0.00" for a zero that carries rounding noise. */
    private static String edge(double fraction, int decimals) {
        double points = fraction * 100;
        double unit = Math.pow(10, -decimals);
        if (Math.abs(points) < unit / 2) {
            points = 0;
        }
        String digits = LocaleFormat.decimal(points, decimals);
        return digits.startsWith("-") ? digits : "+" + digits;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setContent(Content c) {
        this.content = c;
        this.bins = c == null || c.values().length == 0 ? null : Bins.of(c.values());
        readout.setVisible(false);
        invalidate();
    }

    /** Whether the last paint showed the placeholder rather than a chart (tests). */
    public boolean placeholderShown() {
        return placeholderShown;
    }

    /** What the chart says while it has nothing to show. */
    public void setPlaceholder(String text) {
        this.placeholder = text;
        invalidate();
    }

    /** The bins drawn, or null. */
    public Bins bins() {
        return bins;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ChartTheme theme = theme();
        paintBackground(g, theme, w, h);
        if (bins == null || w < 120 || h < 100) {
            paintPlaceholder(g, theme, placeholder, w, h);
            placeholderShown = true;
            plot = null;
            readout.setVisible(false);
            return;
        }
        placeholderShown = false;
        Font small = Fonts.regular(11);
        Color axisText = theme.colour(ChartColour.AXIS_TEXT);
        int max = 1;
        for (int c : bins.counts()) {
            max = Math.max(max, c);
        }
        double top = 6 + (title.get().isEmpty() ? 0 : 22);
        boolean median = !Double.isNaN(content.median());
        // the median's label has a row of its own above the plot, so it never lies over a bar, a line or a tick label
        double labelTop = top + 2;
        double py0 = top + 8 + (median ? MEDIAN_ROW : 0);
        double py1 = h - 38;
        List<AxisTicks.Tick> yTicks = AxisTicks.linear(0, max * 1.05, Math.max(2, (int) ((py1 - py0) / 40)), 1, true);
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, textWidth(t.label(), small));
        }
        double px0 = 8 + 16 + labelW + 6;
        double px1 = w - 14;
        double lo = Math.min(bins.origin(), 0);
        double hi = Math.max(bins.end(), 0);
        double span = hi - lo;
        lo -= span * 0.02;
        hi += span * 0.02;
        xLo = lo;
        xScale = (px1 - px0) / (hi - lo);
        double yScale = (py1 - py0) / (max * 1.05);
        paintTitle(g, theme, title.get(), px0);
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.rint(py1 - t.value() * yScale);
            g.setFill(theme.colour(ChartColour.GRID));
            g.fillRect(px0, y, px1 - px0, 1);
            g.setFill(axisText);
            g.fillText(t.label(), px0 - 6, y);
        }
        g.save();
        g.translate(12, (py0 + py1) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(tr("robust.chart.count"), 0, 0);
        g.restore();
        Color better = theme.colour(ChartColour.HEATMAP_BETTER);
        Color worse = theme.colour(ChartColour.HEATMAP_WORSE);
        int[] counts = bins.counts();
        for (int i = 0; i < counts.length; i++) {
            double from = bins.origin() + i * bins.width();
            double x0 = px0 + (from - xLo) * xScale;
            double x1 = px0 + (from + bins.width() - xLo) * xScale;
            double y = py1 - counts[i] * yScale;
            g.setFill(from + bins.width() / 2 >= 0 ? better : worse);
            g.fillRect(x0 + 0.5, y, Math.max(1, x1 - x0 - 1), py1 - y);
        }
        List<AxisTicks.Tick> xTicks = AxisTicks.linear(lo, hi, Math.max(2, (int) ((px1 - px0) / 55)), 100, false);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.rint(px0 + (t.value() - xLo) * xScale);
            g.setFill(axisText);
            g.fillRect(x, py1, 1, 4);
            g.fillText(t.label(), x, py1 + 5);
        }
        g.fillText(content.xLabel(), (px0 + px1) / 2, py1 + 20);
        g.setFill(theme.colour(ChartColour.FRAME));
        g.fillRect(px0, py1, px1 - px0 + 1, 1);
        double zero = Math.rint(px0 + (0 - xLo) * xScale);
        g.setFill(theme.colour(ChartColour.TEXT));
        g.fillRect(zero, py0, 1, py1 - py0);
        drawn.clear();
        for (int i = 0; i < counts.length; i++) {
            double from = bins.origin() + i * bins.width();
            double x0 = px0 + (from - xLo) * xScale;
            double x1 = px0 + (from + bins.width() - xLo) * xScale;
            drawn.add(new Rectangle2D(x0 + 0.5, py1 - counts[i] * yScale, Math.max(1, x1 - x0 - 1), counts[i] * yScale));
        }
        medianLabel = null;
        if (median) {
            double mx = Math.rint(px0 + (content.median() - xLo) * xScale);
            g.setFill(theme.colour(ChartColour.REFERENCE));
            for (double y = py0; y < py1; y += 8) {
                g.fillRect(mx - 0.5, y, 2, Math.min(4, py1 - y));
            }
            String label = tr("robust.chart.medianMark", Texts.points(content.median()));
            double lw = textWidth(label, small);
            // centred over the median line, kept within the plot's width
            double lx = Math.max(px0, Math.min(px1 - lw, mx - lw / 2));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label, lx, labelTop);
            medianLabel = new Rectangle2D(lx, labelTop, lw, MEDIAN_ROW - 2);
        }
        plot = new Rectangle2D(px0, py0, px1 - px0, py1 - py0);
    }

    /** Where the last paint put the median's label (null: none). */
    Rectangle2D medianLabel() {
        return medianLabel;
    }

    /** The bars of the last paint, in bin order. */
    List<Rectangle2D> bars() {
        return List.copyOf(drawn);
    }

    /** The plot area of the last paint (bars, zero line, median line and grid lie within it). */
    Rectangle2D plot() {
        return plot;
    }
}
