package foresto.ui.chart;

import foresto.ui.chart.ChartPainter.Scene;
import foresto.ui.chart.TimeSeriesChart.Content;
import foresto.ui.chart.TimeSeriesChart.Line;
import foresto.ui.chart.TimeSeriesChart.Range;
import foresto.ui.chart.TimeSeriesChart.Units;
import javafx.scene.text.Font;

import java.util.Arrays;
import java.util.List;

/**
 * The scale step of a {@link ChartPainter} paint: the visible index range of the lines' arrays, the value range of
 * what is visible, and the layout (title, legend row, plot, event lane, date labels) with the value ticks. It writes
 * the plot's place, the date range and the value ticks into the {@link DrawnChart} the control reads back; the other steps
 * draw with {@link #valueAxis} and the rows and indices kept here.
 */
final class ChartScale {
    /** The value axis: padded value range {@code lo}..{@code hi} (log or linear) onto pixel rows {@code y1}..{@code y0}. */
    record ValueScale(boolean log, double lo, double hi, double y0, double y1) {
        double pixel(double v) {
            return y1 - ((log ? Math.log(v) : v) - lo) / (hi - lo) * (y1 - y0);
        }
    }

    /** The visible index range of the lines' arrays. */
    final int from;
    final int to;
    /** The title's and legend's top. */
    final double top;
    /** Whether the chart has an event lane under the plot. */
    final boolean lane;
    /** The event lane's top. */
    final double laneTop;
    /** Whether the chart has a cash-flow lane (under the event lane, if any). */
    final boolean flowLane;
    /** The cash-flow lane's top. */
    final double flowLaneTop;
    final ValueScale valueAxis;
    /** The room under the plot for the date labels. */
    static final double DATE_LABELS = 20;
    /** The least gap between value ticks that {@link Scene#minValueTicks} may bring them down to. */
    static final double MIN_TICK_GAP = 22;

    private ChartScale(int from, int to, double top, boolean lane, double laneTop, boolean flowLane, double flowLaneTop,
                       ValueScale valueAxis) {
        this.from = from;
        this.to = to;
        this.top = top;
        this.lane = lane;
        this.laneTop = laneTop;
        this.flowLane = flowLane;
        this.flowLaneTop = flowLaneTop;
        this.valueAxis = valueAxis;
    }

    /**
     * The scale of {@code sc} on a {@code w} × {@code h} canvas, its geometry written into {@code d}; null when nothing
     * visible has a value (then only the date range has been written).
     */
    static ChartScale of(Scene sc, double w, double h, Font small, DrawnChart d) {
        Content content = sc.content();
        double[] x = content.lines().get(0).x();
        Range r = sc.range();
        int from = r.isAll() ? 0 : firstAtOrAfter(x, r.from());
        int to = r.isAll() ? x.length - 1 : lastAtOrBefore(x, r.to());
        if (to < from) {
            to = from;
        }
        d.xLo = x[from];
        d.xHi = Math.max(x[to], x[from] + 1);
        double[] range = valueRange(content, sc.log(), from, to);
        if (range == null) {
            return null;
        }
        return layout(sc, w, h, small, d, from, to, range[0], range[1]);
    }

    static int firstAtOrAfter(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.min(x.length - 1, -i - 1);
    }

    static int lastAtOrBefore(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /**
     * The values the axis spans, {lo, hi}: every visible value (positive ones on the log scale) of every line but the
     * unscaled one, and the reference line, padded by 4 % (of the logarithms on the log scale); null when nothing visible has a value.
     */
    private static double[] valueRange(Content content, boolean log, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int li = 0; li < content.lines().size(); li++) {
            if (li == content.unscaledLine()) {
                continue; // clipped and marked where it leaves the others' range
            }
            Line line = content.lines().get(li);
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

    /**
     * Round value ticks for a plot {@code plotHeight} px tall: about one per 42 px, and at least {@code least} while
     * they stay {@link #MIN_TICK_GAP} px apart, so a short plot still reads at more than one or two values.
     */
    static List<AxisTicks.Tick> valueTicks(double plotHeight, double ylo, double yhi, boolean log, Units units,
                                           double tickScale, int least) {
        int maxY = Math.max(2, (int) (plotHeight / 42));
        List<AxisTicks.Tick> ticks = ticks(ylo, yhi, maxY, log, units, tickScale);
        for (int more = maxY + 1; ticks.size() < least && more <= plotHeight / MIN_TICK_GAP; more++) {
            List<AxisTicks.Tick> denser = ticks(ylo, yhi, more, log, units, tickScale);
            if (denser.size() > ticks.size() && smallestGap(denser, plotHeight, ylo, yhi, log) >= MIN_TICK_GAP) {
                ticks = denser;
            }
        }
        return ticks;
    }

    /** The smallest distance in pixels between neighbouring ticks on a plot {@code plotHeight} px high. */
    private static double smallestGap(List<AxisTicks.Tick> ticks, double plotHeight, double ylo, double yhi, boolean log) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ticks.size(); i++) {
            double a = ticks.get(i - 1).value();
            double b = ticks.get(i).value();
            double part = log ? (Math.log(b) - Math.log(a)) / (Math.log(yhi) - Math.log(ylo)) : (b - a) / (yhi - ylo);
            gap = Math.min(gap, part * plotHeight);
        }
        return gap;
    }

    private static List<AxisTicks.Tick> ticks(double ylo, double yhi, int maxY, boolean log, Units units,
                                              double tickScale) {
        return log ? AxisTicks.log(ylo, yhi, maxY, units == Units.MONEY)
                : AxisTicks.linear(ylo, yhi, maxY, tickScale, units == Units.MONEY);
    }

    /**
     * The layout (title, legend rows, plot, event lane, date labels), the value ticks and the value axis. The legend
     * takes as many rows as its keys need at the plot's width (one when they fit), so no key is cut at the edge.
     */
    private static ChartScale layout(Scene sc, double w, double h, Font small, DrawnChart d, int from, int to,
                                     double ylo, double yhi) {
        boolean log = sc.log();
        double top = 6 + (sc.title().isEmpty() ? 0 : 22);
        boolean lane = sc.content().markerLine() >= 0;
        boolean flowLane = sc.flowDays().length > 0;
        Units units = sc.units();
        double tickScale = units == Units.PERCENT ? 100 : 1;
        int rows = 1;
        for (int pass = 0; pass < 3; pass++) {
            d.py0 = top + ChartOverlays.LEGEND_ROW * rows + 4;
            d.py1 = h - (sc.dateLabels() ? DATE_LABELS : 4) - (lane ? ChartPainter.LANE : 0) - (flowLane ? ChartPainter.LANE : 0);
            d.yTicks = valueTicks(d.py1 - d.py0, ylo, yhi, log, units, tickScale, sc.minValueTicks());
            double labelW = 0;
            for (AxisTicks.Tick t : d.yTicks) {
                labelW = Math.max(labelW, CanvasChart.textWidth(t.label(), small));
            }
            d.px0 = 8 + 16 + labelW + 6;
            d.px1 = w - 16;
            int need = ChartOverlays.legendRows(sc.content(), small, d.px0 + 4, d.px1);
            if (need <= rows) {
                break;
            }
            rows = need;
        }
        double laneTop = d.py1 + 2;
        double flowLaneTop = laneTop + (lane ? ChartPainter.LANE : 0);
        ValueScale y = new ValueScale(log, log ? Math.log(ylo) : ylo, log ? Math.log(yhi) : yhi, d.py0, d.py1);
        return new ChartScale(from, to, top, lane, laneTop, flowLane, flowLaneTop, y);
    }
}
