package foresto.ui.robust;

import foresto.i18n.LocaleFormat;
import foresto.ui.chart.AxisTicks;
import foresto.ui.chart.ChartReadout;
import foresto.ui.chart.CanvasChart;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.ui.chart.PlotImage;
import foresto.ui.common.Fonts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Series against dates on one canvas: lines of their own width and opacity (a timing study's thin variants, bold
 * tranche, grey OFF), filled bands between two series (a fan chart's 5–95 % and 25–75 %), points, and a reference
 * line (zero). Colours are the theme's ({@link ChartColour}, from app.css), so the app and the PNGs match. Long
 * series are drawn as each pixel column's lowest and highest value.
 */
public final class PathChart extends CanvasChart {

    /**
     * One series: one y per x (NaN: no point), drawn in a theme colour at an opacity and width; {@code legend} null
     * keeps it out of the legend; {@code points} draws a dot at each value as well.
     */
    public record Series(String legend, double[] y, ChartColour colour, double opacity, double width, boolean points) {
    }

    /** A filled band from {@code lo} to {@code hi} (one of each per x). */
    public record Band(String legend, double[] lo, double[] hi, ChartColour colour, double opacity) {
    }

    /**
     * What the chart shows: x in epoch days (ascending), bands under lines (in order), a horizontal reference line
     * (NaN: none) and whether y reads as percent (value × 100) or money. {@code readout} gives the hover readout's
     * lines for point i (under its date); null reads out each named band and each named full-strength line.
     * {@code shortReadout} (null: none) is a shorter readout for when the full one is taller than the chart.
     */
    public record Content(double[] x, List<Band> bands, List<Series> lines, double reference, String referenceName,
                          boolean percent, String yLabel, IntFunction<List<String>> readout,
                          IntFunction<List<String>> shortReadout) {
        public Content {
            bands = List.copyOf(bands);
            lines = List.copyOf(lines);
        }

        public Content(double[] x, List<Band> bands, List<Series> lines, double reference, String referenceName,
                       boolean percent, String yLabel, IntFunction<List<String>> readout) {
            this(x, bands, lines, reference, referenceName, percent, yLabel, readout, null);
        }

        public Content(double[] x, List<Band> bands, List<Series> lines, double reference, String referenceName,
                       boolean percent, String yLabel) {
            this(x, bands, lines, reference, referenceName, percent, yLabel, null, null);
        }
    }

    /** A value the readout has no number for (no point there). */
    static final String NO_VALUE = "—";

    private final StringProperty title = new SimpleStringProperty("");
    private Content content;
    private String placeholder = "";
    private boolean placeholderShown = true;
    private List<AxisTicks.Tick> yTicks = List.of();
    private List<AxisTicks.Tick> xTicks = List.of();

    /** The hovered point's date and values, shown while the pointer is over the plot. */
    private final Label readout = ChartReadout.label("pathChartReadout");
    /** Where the last paint put the plot; null while the placeholder shows. */
    private Layout drawn;

    public PathChart() {
        getStyleClass().add("time-series-chart");
        title.addListener((o, a, b) -> invalidate());
        getChildren().add(readout);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> readout.setVisible(false));
    }

    /** The hover readout's text; empty when nothing is hovered. */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /**
     * Shows the readout for the pointer at ({@code cx}, {@code cy}): the date of the point nearest to it and the
     * values there; hides it outside the plot.
     */
    public void hover(double cx, double cy) {
        Layout l = drawn;
        if (l == null || content == null || content.x().length == 0 || cx < l.px0() || cx > l.px1() || cy < l.py0()
                || cy > l.py1()) {
            readout.setVisible(false);
            return;
        }
        int i = nearest(content.x(), l.x0() + (cx - l.px0()) / (l.px1() - l.px0()) * (l.x1() - l.x0()));
        readout.setText(readoutAt(i));
        readout.setVisible(true);
        readout.applyCss(); // its height with this text, before the next pulse
        readout.autosize();
        double room = getHeight() - 2 * READOUT_MARGIN;
        if (content.shortReadout() != null && readout.getHeight() > getHeight() - l.py0() - 4) {
            // taller than the chart: the content's shorter readout, which says what it leaves out
            readout.setText(shortReadoutAt(i));
            readout.autosize();
        }
        // still taller than the whole chart: its first lines, as many as fit (the date and the content's first ones)
        List<String> lines = new ArrayList<>(List.of(readout.getText().split("\n")));
        while (readout.getHeight() > room && lines.size() > 1) {
            lines.remove(lines.size() - 1);
            readout.setText(String.join("\n", lines));
            readout.autosize();
        }
        // at the plot's top right while the pointer is over its left third, else top left: it never hides the pointer
        double x = cx < l.px0() + (l.px1() - l.px0()) / 3 ? l.px1() - readout.getWidth() - 6 : l.px0() + 6;
        // within the chart's bounds: moved up over the legend, or left, rather than cut at an edge
        double y = Math.min(l.py0() + 4, getHeight() - READOUT_MARGIN - readout.getHeight());
        x = Math.min(x, getWidth() - READOUT_MARGIN - readout.getWidth());
        readout.relocate(Math.max(0, x), Math.max(0, y));
    }

    /** The least gap between the hover readout and the chart's edges. */
    private static final double READOUT_MARGIN = 2;

    /** The hover readout's box, in the chart's coordinates; empty while nothing is read out (tests). */
    public Optional<Bounds> readoutBounds() {
        return readout.isVisible() ? Optional.of(readout.getBoundsInParent()) : Optional.empty();
    }

    /** The readout's text for point {@code i}: its date, then the content's lines for it. */
    public String readoutAt(int i) {
        List<String> out = new ArrayList<>();
        out.add(LocaleFormat.date(LocalDate.ofEpochDay((long) content.x()[i])));
        out.addAll(content.readout() != null ? content.readout().apply(i) : namedValues(i));
        return String.join("\n", out);
    }

    /** The shorter readout's text for point {@code i}: its date, then the content's short lines for it. */
    public String shortReadoutAt(int i) {
        List<String> out = new ArrayList<>();
        out.add(LocaleFormat.date(LocalDate.ofEpochDay((long) content.x()[i])));
        out.addAll(content.shortReadout().apply(i));
        return String.join("\n", out);
    }

    /** Each named band as "name: low – high" and each named full-strength line as "name: value" (faded lines are a crowd). */
    private List<String> namedValues(int i) {
        List<String> out = new ArrayList<>();
        for (Band b : content.bands()) {
            if (b.legend() != null) {
                out.add(b.legend() + ": " + format(b.lo()[i], content.percent()) + " – " + format(b.hi()[i], content.percent()));
            }
        }
        for (Series s : content.lines()) {
            if (s.legend() != null && s.opacity() >= 1) {
                out.add(s.legend() + ": " + format(s.y()[i], content.percent()));
            }
        }
        return out;
    }

    /** A value as the readout writes it: money grouped with 2 decimals, or percent with 2. */
    public static String format(double v, boolean percent) {
        if (Double.isNaN(v)) {
            return NO_VALUE;
        }
        return percent ? LocaleFormat.percent(v, 2) : LocaleFormat.money(v);
    }

    /** The index of the x nearest to {@code day} (x ascending). */
    private static int nearest(double[] x, double day) {
        int i = Arrays.binarySearch(x, day);
        if (i >= 0) {
            return i;
        }
        int hi = Math.min(-i - 1, x.length - 1);
        int lo = Math.max(hi - 1, 0);
        return day - x[lo] <= x[hi] - day ? lo : hi;
    }

    @Override
    protected void layoutOverlays(double w, double h) {
        if (content == null || content.x().length == 0) {
            readout.setVisible(false);
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setContent(Content c) {
        this.content = c;
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

    /** What is shown, or null. */
    public Content content() {
        return content;
    }

    /** The value ticks of the last paint (tests). */
    public List<AxisTicks.Tick> yTicks() {
        return yTicks;
    }

    /** The date ticks of the last paint (tests). */
    public List<AxisTicks.Tick> xTicks() {
        return xTicks;
    }

    /** Where the plot goes and the value range onto its rows. */
    private record Layout(double top, double px0, double px1, double py0, double py1, double lo, double hi,
                          double x0, double x1) {
        double y(double v) {
            return py1 - (v - lo) / (hi - lo) * (py1 - py0);
        }

        double x(double day) {
            return px0 + (day - x0) / (x1 - x0) * (px1 - px0);
        }
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ChartTheme theme = theme();
        paintBackground(g, theme, w, h);
        yTicks = List.of();
        xTicks = List.of();
        if (content == null || content.x().length == 0 || w < 120 || h < 100) {
            paintPlaceholder(g, theme, placeholder, w, h);
            placeholderShown = true;
            drawn = null;
            readout.setVisible(false);
            return;
        }
        placeholderShown = false;
        Font small = Fonts.regular(11);
        Layout l = layout(w, h, small);
        drawn = l;
        axes(g, theme, small, l);
        if (!Double.isNaN(content.reference())) {
            g.setFill(theme.colour(ChartColour.AXIS_TEXT));
            g.fillRect(l.px0(), Math.rint(l.y(content.reference())), l.px1() - l.px0(), 1);
        }
        // bands and lines into one image over the plot (no canvas clip, no shape rasteriser), dots on top of it
        PlotImage image = new PlotImage(l.px0(), l.py0() - 2, l.px1() - l.px0(), l.py1() - l.py0() + 4);
        int[] cols = columns(content.x(), l);
        for (Band b : content.bands()) {
            band(image, theme, l, cols, b);
        }
        List<Consumer<GraphicsContext>> dots = new ArrayList<>();
        for (Series s : content.lines()) {
            line(image, theme, l, cols, s, dots);
        }
        image.drawOn(g);
        dots.forEach(d -> d.accept(g));
        legend(g, theme, small, l);
    }

    private Layout layout(double w, double h, Font small) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Band b : content.bands()) {
            for (double v : b.lo()) {
                lo = Double.isNaN(v) ? lo : Math.min(lo, v);
            }
            for (double v : b.hi()) {
                hi = Double.isNaN(v) ? hi : Math.max(hi, v);
            }
        }
        for (Series s : content.lines()) {
            for (double v : s.y()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isNaN(content.reference())) {
            lo = Math.min(lo, content.reference());
            hi = Math.max(hi, content.reference());
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        double pad = (hi - lo) * 0.05;
        if (pad == 0) {
            pad = Math.max(Math.abs(hi) * 0.05, 1e-4);
        }
        lo -= pad;
        hi += pad;
        double top = 6 + (title.get().isEmpty() ? 0 : 22);
        double py0 = top + 8 + LEGEND_ROW * legendRows(w, small);
        double py1 = h - 22;
        // about one tick per 28 px: a 150 px plot gets 3–5 labelled values, not one
        yTicks = AxisTicks.linear(lo, hi, Math.max(2, (int) ((py1 - py0) / 28)), content.percent() ? 100 : 1,
                !content.percent());
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, textWidth(t.label(), small));
        }
        double px0 = 8 + 16 + labelW + 6;
        double px1 = w - 14;
        double[] x = content.x();
        double x0 = x[0];
        double x1 = x[x.length - 1] > x0 ? x[x.length - 1] : x0 + 1;
        if (content.lines().stream().anyMatch(Series::points)) { // dots whole, not cut by the frame
            double xPad = (x1 - x0) * 0.015;
            x0 -= xPad;
            x1 += xPad;
        }
        return new Layout(top, px0, px1, py0, py1, lo, hi, x0, x1);
    }

    /** Title, value grid with labels, the axis's name, date ticks and the frame. */
    private void axes(GraphicsContext g, ChartTheme theme, Font small, Layout l) {
        Color axisText = theme.colour(ChartColour.AXIS_TEXT);
        paintTitle(g, theme, title.get(), l.px0());
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.rint(l.y(t.value()));
            g.setFill(theme.colour(ChartColour.GRID));
            g.fillRect(l.px0(), y, l.px1() - l.px0(), 1); // fills, not strokes: the software pipeline fills fast
            g.setFill(axisText);
            g.fillText(t.label(), l.px0() - 6, y);
        }
        g.save();
        g.translate(12, (l.py0() + l.py1()) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(content.yLabel(), 0, 0);
        g.restore();
        xTicks = AxisTicks.dates(l.x0(), l.x1(), Math.max(2, (int) ((l.px1() - l.px0()) / 90)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.rint(l.x(t.value()));
            g.setFill(theme.colour(ChartColour.GRID));
            g.fillRect(x, l.py0(), 1, l.py1() - l.py0());
            double half = textWidth(t.label(), small) / 2;
            if (x - half >= l.px0() - 24 && x + half <= getWidth() - 2) { // never a label cut at an edge
                g.setFill(axisText);
                g.fillText(t.label(), x, l.py1() + 4);
            }
        }
        g.setFill(theme.colour(ChartColour.FRAME));
        g.fillRect(l.px0(), l.py0(), l.px1() - l.px0() + 1, 1);
        g.fillRect(l.px0(), l.py1(), l.px1() - l.px0() + 1, 1);
        g.fillRect(l.px0(), l.py0(), 1, l.py1() - l.py0());
        g.fillRect(l.px1(), l.py0(), 1, l.py1() - l.py0());
    }

    /** Per pixel column: the first index of the points that fall in it (the last entry is the end). */
    private static int[] columns(double[] x, Layout l) {
        int n = x.length;
        int cols = Math.max(1, (int) (l.px1() - l.px0()));
        if (n <= cols * 2) {
            int[] all = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] starts = new int[Math.min(n, cols + 2) + 1];
        int m = 0;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int c = (int) Math.floor(l.x(x[i]));
            if (c != last) {
                if (m == starts.length - 1) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[m++] = i;
                last = c;
            }
        }
        starts[m++] = n;
        return Arrays.copyOf(starts, m);
    }

    /** A band as each pixel column's highest upper and lowest lower value. */
    private void band(PlotImage image, ChartTheme theme, Layout l, int[] cols, Band b) {
        double[] x = content.x();
        int m = cols.length - 1;
        double[] xs = new double[m];
        double[] upper = new double[m];
        double[] lower = new double[m];
        for (int c = 0; c < m; c++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = cols[c]; i < cols[c + 1]; i++) {
                hi = Math.max(hi, b.hi()[i]);
                lo = Math.min(lo, b.lo()[i]);
            }
            xs[c] = l.x(x[cols[c]]);
            upper[c] = l.y(hi);
            lower[c] = l.y(lo);
        }
        image.band(xs, upper, lower, m, withOpacity(theme.colour(b.colour()), b.opacity()));
    }

    /** A series as each pixel column's range, into the image; its dots, if any, to {@code dots}. */
    private void line(PlotImage image, ChartTheme theme, Layout l, int[] cols, Series s, List<Consumer<GraphicsContext>> dots) {
        double[] x = content.x();
        double[] y = s.y();
        int m = cols.length - 1;
        double[] xs = new double[2 * m];
        double[] ys = new double[2 * m];
        int k = 0;
        for (int c = 0; c < m; c++) {
            int from = cols[c];
            int to = cols[c + 1];
            if (to - from == 1) {
                if (!Double.isNaN(y[from])) {
                    xs[k] = l.x(x[from]);
                    ys[k++] = l.y(y[from]);
                }
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(y[i])) {
                    lo = Math.min(lo, y[i]);
                    hi = Math.max(hi, y[i]);
                }
            }
            if (hi >= lo) {
                double px = l.x(x[from]);
                boolean rising = y[to - 1] >= y[from];
                xs[k] = px;
                ys[k++] = l.y(rising ? lo : hi);
                xs[k] = px;
                ys[k++] = l.y(rising ? hi : lo);
            }
        }
        Color colour = withOpacity(theme.colour(s.colour()), s.opacity());
        if (s.width() > 0 && k > 1) {
            image.polyline(xs, ys, k, s.width(), colour);
        }
        if (s.points()) {
            int count = k;
            dots.add(g -> {
                g.setFill(colour);
                for (int i = 0; i < count; i++) {
                    g.fillOval(xs[i] - 2.5, ys[i] - 2.5, 5, 5);
                }
            });
        }
    }

    /** The height of one row of the legend. */
    private static final double LEGEND_ROW = 16;

    /** The legend's entries in order: the named bands, the named lines, the reference line. */
    private List<String> legendNames() {
        List<String> names = new ArrayList<>();
        content.bands().stream().filter(b -> b.legend() != null).forEach(b -> names.add(b.legend()));
        content.lines().stream().filter(x -> x.legend() != null).forEach(x -> names.add(x.legend()));
        if (!Double.isNaN(content.reference()) && content.referenceName() != null && !content.referenceName().isEmpty()) {
            names.add(content.referenceName());
        }
        return names;
    }

    /** How many rows the legend takes at width {@code w}: an entry that would run past the edge starts a new row. */
    private int legendRows(double w, Font small) {
        int rows = 1;
        double xk = LEGEND_LEFT;
        for (String name : legendNames()) {
            double entry = 20 + textWidth(name, small) + 18;
            if (xk > LEGEND_LEFT && xk + entry > w - 14) {
                rows++;
                xk = LEGEND_LEFT;
            }
            xk += entry;
        }
        return rows;
    }

    /** Where the legend's rows start (clear of the value axis's labels). */
    private static final double LEGEND_LEFT = 60;

    /** The legend above the plot: a key per named band and line, and the reference line's name. */
    private void legend(GraphicsContext g, ChartTheme theme, Font small, Layout l) {
        double[] at = {LEGEND_LEFT, l.top() + 10};
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        Color text = theme.colour(ChartColour.TEXT);
        for (Band b : content.bands()) {
            if (b.legend() != null) {
                place(at, b.legend(), small);
                g.setFill(withOpacity(theme.colour(b.colour()), b.opacity()));
                g.fillRect(at[0], at[1] - 5, 14, 10);
                at[0] = key(g, text, small, b.legend(), at[0], at[1]);
            }
        }
        for (Series s : content.lines()) {
            if (s.legend() != null) {
                place(at, s.legend(), small);
                g.setFill(withOpacity(theme.colour(s.colour()), Math.max(s.opacity(), 0.6)));
                double t = Math.max(1, Math.min(4, s.width()));
                g.fillRect(at[0], at[1] - t / 2, 14, t);
                if (s.points()) {
                    g.fillOval(at[0] + 4.5, at[1] - 2.5, 5, 5);
                }
                at[0] = key(g, text, small, s.legend(), at[0], at[1]);
            }
        }
        if (!Double.isNaN(content.reference()) && content.referenceName() != null && !content.referenceName().isEmpty()) {
            place(at, content.referenceName(), small);
            g.setFill(theme.colour(ChartColour.AXIS_TEXT));
            g.fillRect(at[0], at[1], 14, 1);
            key(g, text, small, content.referenceName(), at[0], at[1]);
        }
    }

    /** Moves {@code at} (x, y) to the next row when the entry {@code name} would run past the chart's edge. */
    private void place(double[] at, String name, Font small) {
        double entry = 20 + textWidth(name, small) + 18;
        if (at[0] > LEGEND_LEFT && at[0] + entry > getWidth() - 14) {
            at[0] = LEGEND_LEFT;
            at[1] += LEGEND_ROW;
        }
    }

    private static double key(GraphicsContext g, Color text, Font small, String name, double xk, double yk) {
        g.setFill(text);
        g.fillText(name, xk + 20, yk);
        return xk + 20 + textWidth(name, small) + 18;
    }

    static Color withOpacity(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
    }
}
