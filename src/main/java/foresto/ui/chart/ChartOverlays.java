package foresto.ui.chart;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import static foresto.i18n.Messages.tr;
import foresto.ui.chart.ChartPainter.Pass;
import foresto.ui.chart.ChartPainter.Scene;
import foresto.ui.chart.TimeSeriesChart.Content;
import foresto.ui.chart.TimeSeriesChart.Line;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a {@link ChartPainter} paint that draw over the data: the marks of a line off the scale, the day cursor
 * and the legend.
 */
final class ChartOverlays {
    private final Pass p;
    private final GraphicsContext g;
    private final Scene sc;
    private final Content content;
    private final DrawnChart d;
    private final ChartScale s;

    ChartOverlays(Pass p) {
        this.p = p;
        this.g = p.g();
        this.sc = p.scene();
        this.content = sc.content();
        this.d = p.drawn();
        this.s = p.scale();
    }

    /** The cursor: the selected day, on every chart that shares it, with a dot on each line. */
    void cursor() {
        double[] x = content.lines().get(0).x();
        Integer day = sc.day();
        if (day == null || day < s.from || day > s.to || day >= x.length) {
            return;
        }
        double xp = Math.rint(d.xPixel(x[day])) + 0.5;
        g.setFill(p.colour(ChartColour.CURSOR));
        ChartPainter.dashes(g, d.py0, d.py1, xp, 1, 3, 3, false);
        for (int li = 0; li < content.lines().size(); li++) {
            double v = content.lines().get(li).y()[day];
            if (!Double.isNaN(v) && (!sc.log() || v > 0)) {
                double yp = s.valueAxis.pixel(v);
                g.setFill(sc.colours().apply(li));
                g.fillOval(xp - 3.5, yp - 3.5, 7, 7);
            }
        }
    }

    /**
     * Marks where the content's unscaled line leaves the value axis: an arrow at the plot's edge where it crosses out,
     * pointing off the plot (arrows at least 12 px apart), in the line's colour. Nothing runs along the edge while it
     * stays out: a line off the scale for most of the run would otherwise draw a second frame.
     */
    void offScale() {
        int li = content.unscaledLine();
        if (li < 0 || li >= content.lines().size()) {
            d.offScaleRuns = List.of();
            return;
        }
        Line line = content.lines().get(li);
        g.setFill(sc.colours().apply(li));
        List<int[]> runs = new ArrayList<>();
        double lastArrow = Double.NEGATIVE_INFINITY;
        int start = -1;
        int side = 0;
        for (int i = s.from; i <= s.to + 1; i++) {
            int at = i > s.to ? 0 : sideOf(line.y()[i]);
            if (at == side) {
                continue;
            }
            if (side != 0) {
                runs.add(new int[] {start, i - 1});
                double x0 = d.xPixel(line.x()[start]);
                if (x0 - lastArrow >= 12) {
                    double tip = side < 0 ? d.py0 + 1 : d.py1 - 1;
                    double base = side < 0 ? tip + 8 : tip - 8;
                    g.fillPolygon(new double[] {x0 - 4, x0 + 4, x0}, new double[] {base, base, tip}, 3);
                    lastArrow = x0;
                }
            }
            start = i;
            side = at;
        }
        d.offScaleRuns = List.copyOf(runs);
    }

    /** -1 above the plot, 1 below it, 0 on it or without a value. */
    private int sideOf(double v) {
        if (Double.isNaN(v) || sc.log() && v <= 0) {
            return 0;
        }
        double yp = s.valueAxis.pixel(v);
        return yp < d.py0 ? -1 : yp > d.py1 ? 1 : 0;
    }

    /** A legend row's height in pixels. */
    static final double LEGEND_ROW = 18;
    /** What the legend says after the unscaled line's name when part of it is off the scale. */
    static final String OFF_SCALE = "chart.offScale";
    private static final double GAP = 18;

    /** The legend's keys' widths in order: the lines, the events, the reference line (no gap after). */
    private static List<Double> keyWidths(Content c, Font small) {
        List<Double> out = new ArrayList<>();
        for (int li = 0; li < c.lines().size(); li++) {
            double wd = 24 + CanvasChart.textWidth(c.lines().get(li).name(), small);
            if (li == c.unscaledLine()) {
                wd += 16 + CanvasChart.textWidth(tr(OFF_SCALE), small);
            }
            out.add(wd);
        }
        if (c.markerLine() >= 0) {
            out.add(16 + CanvasChart.textWidth(eventsName(c), small));
        }
        if (!Double.isNaN(c.horizontal())) {
            out.add(24 + CanvasChart.textWidth(c.horizontalName(), small));
        }
        return out;
    }

    private static String eventsName(Content c) {
        return tr("chart.eventsLane", LocaleFormat.integer(c.markers().size()));
    }

    /** Each key's place as {x, row}: left to right from {@code x0}, on a new row when one would pass {@code x1}. */
    private static List<double[]> keyPlaces(Content c, Font small, double x0, double x1) {
        List<double[]> out = new ArrayList<>();
        double x = x0;
        int row = 0;
        for (double wd : keyWidths(c, small)) {
            if (x > x0 && x + wd > x1) {
                row++;
                x = x0;
            }
            out.add(new double[] {x, row});
            x += wd + GAP;
        }
        return out;
    }

    /** How many legend rows the keys of {@code c} take between {@code x0} and {@code x1}. */
    static int legendRows(Content c, Font small, double x0, double x1) {
        List<double[]> places = keyPlaces(c, small, x0, x1);
        return places.isEmpty() ? 1 : (int) places.get(places.size() - 1)[1] + 1;
    }

    /**
     * Line keys (short strokes, not circles) for each line, the events and the reference line, wrapped onto further
     * rows rather than cut at the plot's right edge; the unscaled line's key says when part of it is off the scale.
     */
    void legend() {
        Color text = p.colour(ChartColour.TEXT);
        Font small = p.small();
        List<double[]> places = keyPlaces(content, small, d.px0 + 4, d.px1);
        List<Double> widths = keyWidths(content, small);
        for (int k = 0; k < places.size(); k++) {
            d.legendRows = Math.max(d.legendRows, (int) places.get(k)[1] + 1);
            d.legendRight = Math.max(d.legendRight, places.get(k)[0] + widths.get(k));
        }
        int key = 0;
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int li = 0; li < content.lines().size(); li++) {
            double xk = places.get(key)[0];
            double yk = s.top + 9 + places.get(key++)[1] * LEGEND_ROW;
            g.setFill(sc.colours().apply(li));
            g.fillRect(xk, yk - 1.25, 18, 2.5);
            g.setFill(text);
            String name = content.lines().get(li).name();
            g.fillText(name, xk + 24, yk);
            if (li == content.unscaledLine() && !d.offScaleRuns.isEmpty()) {
                double xa = xk + 24 + CanvasChart.textWidth(name, small) + 8;
                g.setFill(sc.colours().apply(li));
                g.fillPolygon(new double[] {xa - 4, xa + 4, xa}, new double[] {yk + 4, yk + 4, yk - 4}, 3);
                g.setFill(text);
                g.fillText(tr(OFF_SCALE), xa + 8, yk);
            }
        }
        if (content.markerLine() >= 0) {
            double xk = places.get(key)[0];
            double yk = s.top + 9 + places.get(key++)[1] * LEGEND_ROW;
            g.setFill(p.colour(ChartColour.EVENT));
            g.fillRect(xk + 2.25, yk - 6, 1.5, 12);
            g.fillRect(xk + 7.25, yk - 6, 1.5, 12);
            g.setFill(text);
            g.fillText(eventsName(content), xk + 16, yk);
        }
        if (sc.flowDays().length > 0) {
            // after the last key (the flow lane's key is not among the content's keys), on a new row when it does not fit
            String name = Messages.tr("cashFlows.legend", LocaleFormat.integer(sc.flowDays().length));
            double wd = 16 + CanvasChart.textWidth(name, small);
            double xk = d.px0 + 4;
            int row = 0;
            if (!places.isEmpty()) {
                double[] lastPlace = places.get(places.size() - 1);
                xk = lastPlace[0] + widths.get(places.size() - 1) + GAP;
                row = (int) lastPlace[1];
                if (xk + wd > d.px1) {
                    xk = d.px0 + 4;
                    row++;
                }
            }
            double yk = s.top + 9 + row * LEGEND_ROW;
            d.legendRows = Math.max(d.legendRows, row + 1);
            d.legendRight = Math.max(d.legendRight, xk + wd);
            g.setFill(p.colour(ChartColour.SERIES_3));
            g.fillRect(xk + 4.25, yk - 6, 1.5, 12);
            g.setFill(text);
            g.fillText(name, xk + 16, yk);
        }
        if (!Double.isNaN(content.horizontal())) {
            double xk = places.get(key)[0];
            double yk = s.top + 9 + places.get(key)[1] * LEGEND_ROW;
            g.setFill(p.colour(ChartColour.REFERENCE));
            ChartPainter.dashes(g, xk, xk + 18, yk, 1.5, 6, 4, true);
            g.setFill(text);
            g.fillText(content.horizontalName(), xk + 24, yk);
        }
    }
}
