package foresto.ui.chart;

import foresto.ui.chart.ChartPainter.Pass;
import foresto.ui.chart.ChartPainter.Scene;
import foresto.ui.chart.TimeSeriesChart.Content;
import foresto.ui.chart.TimeSeriesChart.Line;
import foresto.ui.chart.TimeSeriesChart.Marker;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a {@link ChartPainter} paint that draw the data: the lines and the lane's event ticks into one image
 * ({@link Raster}), then on the canvas the events on their line, the selected event's ring and its tick in the lane.
 * It records in the {@link DrawnChart} the points drawn per line and where each visible event went.
 */
final class ChartMarks {
    private final Pass p;
    private final GraphicsContext g;
    private final Scene sc;
    private final Content content;
    private final DrawnChart d;
    private final ChartScale s;
    /** Where the image of the lines goes on the canvas (its top-left corner). */
    private final int ox;
    private final int oy;

    ChartMarks(Pass p) {
        this.p = p;
        this.g = p.g();
        this.sc = p.scene();
        this.content = sc.content();
        this.d = p.drawn();
        this.s = p.scale();
        this.ox = (int) Math.floor(d.px0);
        this.oy = (int) Math.floor(d.py0);
    }

    /**
     * The lines, into one image (see {@link Raster}) to which {@link #laneTicks} adds the lane's event ticks: only the
     * visible range, a few points per pixel (peaks, troughs and event days kept), the first line (ON) on top.
     */
    Raster series() {
        int plotBottom = (int) Math.ceil(d.py1) - oy;
        Raster raster = new Raster((int) Math.ceil(d.px1) - ox,
                (int) Math.ceil(s.lane ? s.laneTop + ChartPainter.LANE : d.py1) - oy);
        raster.clipRows(0, plotBottom);
        int buckets = (int) Math.max(100, (d.px1 - d.px0) / 2);
        int[] keep = content.markers().stream().mapToInt(Marker::index).toArray();
        boolean log = sc.log();
        for (int li = content.lines().size() - 1; li >= 0; li--) {
            Line line = content.lines().get(li);
            int[] idx = Downsampler.indices(line.y(), s.from, s.to, buckets, keep);
            double[] xs = new double[idx.length];
            double[] ys = new double[idx.length];
            int n = 0;
            Color colour = sc.colours().apply(li);
            for (int i : idx) {
                double v = line.y()[i];
                if (Double.isNaN(v) || log && v <= 0) {
                    raster.polyline(xs, ys, n, ChartPainter.LINE_WIDTH, colour);
                    d.drawnPoints[li] += n;
                    n = 0;
                    continue;
                }
                xs[n] = d.xPixel(line.x()[i]) - ox;
                ys[n] = s.valueAxis.pixel(v) - oy;
                n++;
            }
            raster.polyline(xs, ys, n, ChartPainter.LINE_WIDTH, colour);
            d.drawnPoints[li] += n;
        }
        return raster;
    }

    /** Finds the visible events (on their line, with a value) and ticks each unselected one in the lane, into the image. */
    void laneTicks(Raster raster) {
        if (!s.lane) {
            return;
        }
        Integer sel = sc.highlighted();
        Line on = content.lines().get(content.markerLine());
        List<Marker> vis = new ArrayList<>();
        for (Marker m : content.markers()) {
            if (m.index() >= s.from && m.index() <= s.to && !Double.isNaN(on.y()[m.index()])) {
                vis.add(m);
            }
        }
        d.shownMarkerIds = new int[vis.size()];
        d.shownMarkerX = new double[vis.size()];
        d.shownMarkerY = new double[vis.size()];
        Color event = p.colour(ChartColour.EVENT);
        for (int i = 0; i < vis.size(); i++) {
            Marker m = vis.get(i);
            d.shownMarkerIds[i] = m.id();
            d.shownMarkerX[i] = d.xPixel(on.x()[m.index()]);
            d.shownMarkerY[i] = s.valueAxis.pixel(on.y()[m.index()]);
            if (sel == null || sel != m.id()) {
                raster.verticalLine((int) Math.rint(d.shownMarkerX[i]) - ox, (int) Math.rint(s.laneTop + 2) - oy,
                        (int) Math.rint(s.laneTop + ChartPainter.LANE - 5) - oy, event);
            }
        }
    }

    /** The cash flows' ticks in their own lane, inside the visible range (SEMANTICS §13: flows are not events). */
    void flowTicks() {
        if (!s.flowLane) {
            return;
        }
        double[] x = content.lines().get(0).x();
        double lo = x[s.from];
        double hi = x[s.to];
        g.setFill(p.colour(ChartColour.SERIES_3));
        int shown = 0;
        for (double day : sc.flowDays()) {
            if (day >= lo && day <= hi) {
                g.fillRect(Math.rint(d.xPixel(day)), Math.rint(s.flowLaneTop + 2), 1, ChartPainter.LANE - 7);
                shown++;
            }
        }
        d.shownFlows = shown;
    }

    /** Puts the image of the lines and lane ticks on the canvas. */
    void place(Raster raster) {
        g.drawImage(raster.toImage(), ox, oy);
    }

    /** The events on their line (only when at least 14 px apart on average: dense ones would hide it), the selected one's ring. */
    void events() {
        if (!s.lane) {
            return;
        }
        Integer sel = sc.highlighted();
        double spacing = (d.px1 - d.px0) / Math.max(1, d.shownMarkerIds.length);
        double radius = Math.min(4.5, spacing / 4);
        d.markersOnLine = spacing >= 14;
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (d.markersOnLine) {
                g.setFill(p.colour(ChartColour.EVENT));
                g.fillOval(d.shownMarkerX[i] - radius, d.shownMarkerY[i] - radius, 2 * radius, 2 * radius);
                g.setStroke(p.colour(ChartColour.BACKGROUND));
                g.setLineWidth(1);
                g.strokeOval(d.shownMarkerX[i] - radius, d.shownMarkerY[i] - radius, 2 * radius, 2 * radius);
            }
        }
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (sel != null && sel == d.shownMarkerIds[i]) {
                g.setStroke(p.colour(ChartColour.SELECTED));
                g.setLineWidth(2);
                g.strokeOval(d.shownMarkerX[i] - 6, d.shownMarkerY[i] - 6, 12, 12);
            }
        }
    }

    /** The selected event's tick in the lane, wider and in the selection colour (drawn over the cursor). */
    void selectedTick() {
        Integer sel = sc.highlighted();
        if (!s.lane || sel == null) {
            return;
        }
        for (int i = 0; i < d.shownMarkerIds.length; i++) {
            if (sel == d.shownMarkerIds[i]) {
                g.setFill(p.colour(ChartColour.SELECTED));
                double xp = Math.rint(d.shownMarkerX[i]) + 0.5;
                g.fillRect(xp - 1.5, s.laneTop, 3, ChartPainter.LANE - 3);
            }
        }
    }
}
