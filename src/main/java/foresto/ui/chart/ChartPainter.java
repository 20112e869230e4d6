package foresto.ui.chart;

import foresto.ui.chart.TimeSeriesChart.Content;
import foresto.ui.chart.TimeSeriesChart.Line;
import foresto.ui.chart.TimeSeriesChart.Marker;
import foresto.ui.chart.TimeSeriesChart.Range;
import foresto.ui.chart.TimeSeriesChart.Units;
import foresto.ui.common.Fonts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Draws a {@link TimeSeriesChart} onto its canvas: title, legend with line keys, round value ticks, calendar
 * date ticks (no label cut at an edge), the reference line, the lines downsampled to the visible range, the
 * events (a lane under the plot; on the line too when far enough apart), the selected event and the day cursor.
 * Pure drawing: the control keeps the state and reads back where things went ({@link Drawn}).
 * <p>
 * One painter per paint, in steps: {@link #scale} ({@link #visibleRange}, {@link #valueRange}, {@link #layout}),
 * {@link #axes}, {@link #series} (lines and the lane's ticks, one image), {@link #events}, {@link #cursor},
 * {@link #legend}.
 */
final class ChartPainter {
    static final double LANE = 14;
    /** The data lines' width in pixels. */
    static final double LINE_WIDTH = 1.4;

    /** Where the last paint put the plot, the date range and the events, what it drew and which ticks. */
    static final class Drawn {
        double px0;
        double px1;
        double py0;
        double py1;
        double xLo;
        double xHi = 1;
        int[] shownMarkerIds = new int[0];
        double[] shownMarkerX = new double[0];
        double[] shownMarkerY = new double[0];
        boolean markersOnLine;
        int[] drawnPoints = new int[0];
        List<AxisTicks.Tick> xTicks = List.of();
        List<AxisTicks.Tick> yTicks = List.of();

        double xPixel(double day) {
            return px0 + (day - xLo) / Math.max(1e-9, xHi - xLo) * (px1 - px0);
        }

        double dayAt(double cx) {
            return xLo + (cx - px0) / Math.max(1e-9, px1 - px0) * (xHi - xLo);
        }
    }

    /** What to draw: the chart's state at this pulse, the lines' colours and the theme's. */
    record Scene(Content content, Range range, boolean log, Units units, String yLabel, String title, Integer highlighted,
                 Integer day, IntFunction<Color> colours, ChartTheme theme) {
    }

    /** The value axis: padded value range {@code lo}..{@code hi} (log or linear) onto pixel rows {@code y1}..{@code y0}. */
    private record ValueScale(boolean log, double lo, double hi, double y0, double y1) {
        double pixel(double v) {
            return y1 - ((log ? Math.log(v) : v) - lo) / (hi - lo) * (y1 - y0);
        }
    }

    private final GraphicsContext g;
    private final double w;
    private final double h;
    private final Scene sc;
    private final Content content;
    private final ChartTheme theme;
    private final Drawn d = new Drawn();
    private final Font small = Fonts.regular(11);
    /** The visible index range of the lines' arrays. */
    private int from;
    private int to;
    /** The title's and legend's top. */
    private double top;
    private boolean lane;
    /** The event lane's top. */
    private double ly0;
    private ValueScale y;
    /** Where the image of the lines goes on the canvas (its top-left corner). */
    private int ox;
    private int oy;

    private ChartPainter(GraphicsContext g, double w, double h, Scene sc) {
        this.g = g;
        this.w = w;
        this.h = h;
        this.sc = sc;
        this.content = sc.content();
        this.theme = sc.theme();
    }

    static int firstAtOrAfter(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.min(x.length - 1, -i - 1);
    }

    static int lastAtOrBefore(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** Paints the whole chart onto {@code g} ({@code w} × {@code h}) and returns where everything went. */
    static Drawn paint(GraphicsContext g, double w, double h, Scene sc) {
        return new ChartPainter(g, w, h, sc).paint();
    }

    private Drawn paint() {
        d.drawnPoints = new int[content.lines().size()];
        g.setFill(theme.colour(ChartColour.BACKGROUND));
        g.fillRect(0, 0, w, h);
        if (content.lines().isEmpty() || content.lines().get(0).x().length == 0 || w < 60 || h < 60 || !scale()) {
            return d;
        }
        title();
        axes();
        reference();
        Raster raster = series();
        laneTicks(raster);
        g.drawImage(raster.toImage(), ox, oy);
        events();
        cursor();
        selectedTick();
        legend();
        return d;
    }

    /**
     * The scale: the visible index range, the value range of what is visible and the layout with the value ticks.
     * False when nothing visible has a value.
     */
    private boolean scale() {
        visibleRange();
        double[] range = valueRange();
        if (range == null) {
            return false;
        }
        layout(range[0], range[1]);
        return true;
    }

    /** The visible index range of the lines' arrays and its dates. */
    private void visibleRange() {
        double[] x = content.lines().get(0).x();
        Range r = sc.range();
        from = r.isAll() ? 0 : firstAtOrAfter(x, r.from());
        to = r.isAll() ? x.length - 1 : lastAtOrBefore(x, r.to());
        if (to < from) {
            to = from;
        }
        d.xLo = x[from];
        d.xHi = Math.max(x[to], x[from] + 1);
    }

    /**
     * The values the axis spans, {lo, hi}: every visible value (positive ones on the log scale) and the reference
     * line, padded by 4 % (of the logarithms on the log scale); null when nothing visible has a value.
     */
    private double[] valueRange() {
        boolean log = sc.log();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line line : content.lines()) {
            for (int i = from; i <= to; i++) {
                double v = line.y()[i];
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isNaN(content.horizontal())) {
            lo = Math.min(lo, content.horizontal());
            hi = Math.max(hi, content.horizontal());
        }
        if (!(lo <= hi)) {
            return null;
        }
        if (hi == lo) {
            double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1;
            lo -= pad;
            hi += pad;
        }
        if (log) {
            double pad = (Math.log(hi) - Math.log(lo)) * 0.04;
            return new double[] {Math.exp(Math.log(lo) - pad), Math.exp(Math.log(hi) + pad)};
        }
        double pad = (hi - lo) * 0.04;
        return new double[] {lo - pad, hi + pad};
    }

    /** The layout (title, legend row, plot, event lane, date labels), the value ticks and the value axis. */
    private void layout(double ylo, double yhi) {
        boolean log = sc.log();
        top = 6 + (sc.title().isEmpty() ? 0 : 22);
        double legendH = 18;
        d.py0 = top + legendH + 4;
        lane = content.markerLine() >= 0;
        d.py1 = h - 20 - (lane ? LANE : 0);
        ly0 = d.py1 + 2;
        int maxY = Math.max(2, (int) ((d.py1 - d.py0) / 42));
        Units units = sc.units();
        double tickScale = units == Units.PERCENT ? 100 : 1;
        d.yTicks = log ? AxisTicks.log(ylo, yhi, maxY, units == Units.MONEY)
                : AxisTicks.linear(ylo, yhi, maxY, tickScale, units == Units.MONEY);
        double labelW = 0;
        for (AxisTicks.Tick t : d.yTicks) {
            labelW = Math.max(labelW, CanvasChart.textWidth(t.label(), small));
        }
        d.px0 = 8 + 16 + labelW + 6;
        d.px1 = w - 16;
        y = new ValueScale(log, log ? Math.log(ylo) : ylo, log ? Math.log(yhi) : yhi, d.py0, d.py1);
    }

    private void title() {
        if (!sc.title().isEmpty()) {
            g.setFont(Fonts.bold(14));
            g.setFill(theme.colour(ChartColour.TEXT));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(sc.title(), d.px0, 6);
        }
    }

    /** Grid and value labels, calendar-aligned date labels (none cut at either edge), the axis's name, the frame, the lane. */
    private void axes() {
        Color grid = theme.colour(ChartColour.GRID);
        Color axisText = theme.colour(ChartColour.AXIS_TEXT);
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : d.yTicks) {
            double yp = Math.rint(y.pixel(t.value())) + 0.5;
            if (yp < d.py0 - 0.5 || yp > d.py1 + 0.5) {
                continue;
            }
            g.setFill(grid);
            g.fillRect(d.px0, yp - 0.5, d.px1 - d.px0, 1);
            g.setFill(axisText);
            g.fillText(t.label(), d.px0 - 6, yp);
        }
        int maxX = Math.max(2, (int) ((d.px1 - d.px0) / 70));
        d.xTicks = AxisTicks.dates(d.xLo, d.xHi, maxX);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (AxisTicks.Tick t : d.xTicks) {
            double xp = Math.rint(d.xPixel(t.value())) + 0.5;
            g.setFill(grid);
            g.fillRect(xp - 0.5, d.py0, 1, d.py1 - d.py0);
            double tw = CanvasChart.textWidth(t.label(), small);
            if (xp - tw / 2 < lastRight + 6 || xp + tw / 2 > w - 2 || xp - tw / 2 < 2) {
                continue;
            }
            g.setFill(axisText);
            g.fillText(t.label(), xp, h - 17);
            lastRight = xp + tw / 2;
        }
        g.save();
        g.translate(12, (d.py0 + d.py1) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(axisText);
        g.fillText(sc.yLabel() + (sc.log() ? " (log scale)" : ""), 0, 0);
        g.restore();
        g.setFill(theme.colour(ChartColour.FRAME));
        frame(g, Math.rint(d.px0), Math.rint(d.py0), Math.rint(d.px1 - d.px0), Math.rint(d.py1 - d.py0));
        if (lane) {
            g.setFill(theme.colour(ChartColour.LANE));
            g.fillRect(d.px0, ly0, d.px1 - d.px0, LANE - 3);
        }
    }

    /**
     * The reference line (threshold), under the lines; no clip: everything drawn later lies in the plot (the value
     * range covers every visible point and the line), and a canvas clip makes the software pipeline mask every operation.
     */
    private void reference() {
        if (!Double.isNaN(content.horizontal())) {
            g.setFill(theme.colour(ChartColour.REFERENCE));
            dashes(g, d.px0, d.px1, y.pixel(content.horizontal()), 1.2, 6, 4, true);
        }
    }

    /**
     * The lines, into one image (see {@link Raster}) with the lane's event ticks: only the visible range, a few points
     * per pixel (peaks, troughs and event days kept), the first line (ON) on top.
     */
    private Raster series() {
        ox = (int) Math.floor(d.px0);
        oy = (int) Math.floor(d.py0);
        int plotBottom = (int) Math.ceil(d.py1) - oy;
        Raster raster = new Raster((int) Math.ceil(d.px1) - ox, (int) Math.ceil(lane ? ly0 + LANE : d.py1) - oy);
        raster.clipRows(0, plotBottom);
        int buckets = (int) Math.max(100, (d.px1 - d.px0) / 2);
        int[] keep = content.markers().stream().mapToInt(Marker::index).toArray();
        boolean log = sc.log();
        for (int li = content.lines().size() - 1; li >= 0; li--) {
            Line line = content.lines().get(li);
            int[] idx = Downsampler.indices(line.y(), from, to, buckets, keep);
            double[] xs = new double[idx.length];
            double[] ys = new double[idx.length];
            int n = 0;
            Color colour = sc.colours().apply(li);
            for (int i : idx) {
                double v = line.y()[i];
                if (Double.isNaN(v) || log && v <= 0) {
                    raster.polyline(xs, ys, n, LINE_WIDTH, colour);
                    d.drawnPoints[li] += n;
                    n = 0;
                    continue;
                }
                xs[n] = d.xPixel(line.x()[i]) - ox;
                ys[n] = y.pixel(v) - oy;
                n++;
            }
            raster.polyline(xs, ys, n, LINE_WIDTH, colour);
            d.drawnPoints[li] += n;
        }
        return raster;
    }

    /** Finds the visible events (on their line, with a value) and ticks each unselected one in the lane, into the image. */
    private void laneTicks(Raster raster) {
        if (!lane) {
            return;
        }
        Integer sel = sc.highlighted();
        Line on = content.lines().get(content.markerLine());
        List<Marker> vis = new ArrayList<>();
        for (Marker m : content.markers()) {
            if (m.index() >= from && m.index() <= to && !Double.isNaN(on.y()[m.index()])) {
                vis.add(m);
            }
        }
        d.shownMarkerIds = new int[vis.size()];
        d.shownMarkerX = new double[vis.size()];
        d.shownMarkerY = new double[vis.size()];
        Color event = theme.colour(ChartColour.EVENT);
        for (int i = 0; i < vis.size(); i++) {
            Marker m = vis.get(i);
            d.shownMarkerIds[i] = m.id();
            d.shownMarkerX[i] = d.xPixel(on.x()[m.index()]);
            d.shownMarkerY[i] = y.pixel(on.y()[m.index()]);
            if (sel == null || sel != m.id()) {
                raster.verticalLine((int) Math.rint(d.shownMarkerX[i]) - ox, (int) Math.rint(ly0 + 2) - oy,
                        (int) Math.rint(ly0 + LANE - 5) - oy, event);
            }
        }
    }

    /** The events on their line (only when at least 14 px apart on average: dense ones would hide it), the selected one's ring. */
    private void events() {
        if (!lane) {
            return;
        }
        Integer sel = sc.highlighted();
        double spacing = (d.px1 - d.px0) / Math.max(1, d.shownMarkerIds.length);
        double radius = Math.min(4.5, spacing / 4);
        d.markersOnLine = spacing >= 14;
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (d.markersOnLine) {
                g.setFill(theme.colour(ChartColour.EVENT));
                g.fillOval(d.shownMarkerX[i] - radius, d.shownMarkerY[i] - radius, 2 * radius, 2 * radius);
                g.setStroke(theme.colour(ChartColour.BACKGROUND));
                g.setLineWidth(1);
                g.strokeOval(d.shownMarkerX[i] - radius, d.shownMarkerY[i] - radius, 2 * radius, 2 * radius);
            }
        }
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (sel != null && sel == d.shownMarkerIds[i]) {
                g.setStroke(theme.colour(ChartColour.SELECTED));
                g.setLineWidth(2);
                g.strokeOval(d.shownMarkerX[i] - 6, d.shownMarkerY[i] - 6, 12, 12);
            }
        }
    }

    /** The cursor: the selected day, on every chart that shares it, with a dot on each line. */
    private void cursor() {
        double[] x = content.lines().get(0).x();
        Integer day = sc.day();
        if (day == null || day < from || day > to || day >= x.length) {
            return;
        }
        double xp = Math.rint(d.xPixel(x[day])) + 0.5;
        g.setFill(theme.colour(ChartColour.CURSOR));
        dashes(g, d.py0, d.py1, xp, 1, 3, 3, false);
        for (int li = 0; li < content.lines().size(); li++) {
            double v = content.lines().get(li).y()[day];
            if (!Double.isNaN(v) && (!sc.log() || v > 0)) {
                double yp = y.pixel(v);
                g.setFill(sc.colours().apply(li));
                g.fillOval(xp - 3.5, yp - 3.5, 7, 7);
            }
        }
    }

    /** The selected event's tick in the lane, wider and in the selection colour. */
    private void selectedTick() {
        Integer sel = sc.highlighted();
        if (!lane || sel == null) {
            return;
        }
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (sel == d.shownMarkerIds[i]) {
                g.setFill(theme.colour(ChartColour.SELECTED));
                double xp = Math.rint(d.shownMarkerX[i]) + 0.5;
                g.fillRect(xp - 1.5, ly0, 3, LANE - 3);
            }
        }
    }

    /** Line keys (short strokes, not circles) for each line, the events and the reference line. */
    private void legend() {
        Color text = theme.colour(ChartColour.TEXT);
        double xk = d.px0 + 4;
        double yk = top + 9;
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int li = 0; li < content.lines().size(); li++) {
            g.setFill(sc.colours().apply(li));
            g.fillRect(xk, yk - 1.25, 18, 2.5);
            g.setFill(text);
            String name = content.lines().get(li).name();
            g.fillText(name, xk + 24, yk);
            xk += 24 + CanvasChart.textWidth(name, small) + 18;
        }
        if (content.markerLine() >= 0) {
            g.setFill(theme.colour(ChartColour.EVENT));
            g.fillRect(xk + 2.25, yk - 6, 1.5, 12);
            g.fillRect(xk + 7.25, yk - 6, 1.5, 12);
            g.setFill(text);
            String name = "Rebalancing events (" + content.markers().size() + ")";
            g.fillText(name, xk + 16, yk);
            xk += 16 + CanvasChart.textWidth(name, small) + 18;
        }
        if (!Double.isNaN(content.horizontal())) {
            g.setFill(theme.colour(ChartColour.REFERENCE));
            dashes(g, xk, xk + 18, yk, 1.5, 6, 4, true);
            g.setFill(text);
            g.fillText(content.horizontalName(), xk + 24, yk);
        }
    }

    /**
     * A one-pixel frame in the current fill whose outer edges are the pixel rows and columns {@code x}..{@code x + w},
     * {@code y}..{@code y + h}. Like every axis-aligned line of the charts it is filled, not stroked: the software
     * pipeline strokes a line with its general shape rasteriser (about 0.3 ms each, on the render thread) and fills a
     * rectangle directly.
     */
    static void frame(GraphicsContext g, double x, double y, double w, double h) {
        g.fillRect(x, y, w + 1, 1);
        g.fillRect(x, y + h, w + 1, 1);
        g.fillRect(x, y + 1, 1, h - 1);
        g.fillRect(x + w, y + 1, 1, h - 1);
    }

    /**
     * A dashed line in the current fill, {@code width} thick, centred on {@code at}: from {@code from} to {@code to}
     * along x when {@code horizontal}, else along y; dashes of {@code dash}, gaps of {@code gap}.
     */
    static void dashes(GraphicsContext g, double from, double to, double at, double width, double dash, double gap,
                       boolean horizontal) {
        for (double p = from; p < to; p += dash + gap) {
            double len = Math.min(dash, to - p);
            if (horizontal) {
                g.fillRect(p, at - width / 2, len, width);
            } else {
                g.fillRect(at - width / 2, p, width, len);
            }
        }
    }
}
