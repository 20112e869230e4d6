package foresto.ui.chart;

import java.util.Arrays;
import java.util.List;

/**
 * Where the last paint of a {@link TimeSeriesChart} put things: the plot, the date range, the events drawn, the
 * points drawn per line and the ticks; and what lies under a point of the canvas (the control's hit tests). Written
 * by the {@link ChartPainter} steps during one paint, read by the control until the next.
 */
final class DrawnChart {
    double px0;
    double px1;
    double py0;
    double py1;
    double xLo;
    double xHi = 1;
    int[] shownMarkerIds = new int[0];
    /** How many cash flows the flow lane shows (inside the visible range). */
    int shownFlows;
    double[] shownMarkerX = new double[0];
    double[] shownMarkerY = new double[0];
    boolean markersOnLine;
    int[] drawnPoints = new int[0];
    List<AxisTicks.Tick> xTicks = List.of();
    List<AxisTicks.Tick> yTicks = List.of();
    /** The unscaled line's stretches off the value axis, each {first, last} index. */
    List<int[]> offScaleRuns = List.of();
    /** The legend's rows and the right edge of its rightmost key. */
    int legendRows;
    double legendRight;
    /** The value axis's title as drawn (the short one when the full one did not fit), and the length it had. */
    String yTitle = "";
    double yTitleRoom;

    double xPixel(double day) {
        return px0 + (day - xLo) / Math.max(1e-9, xHi - xLo) * (px1 - px0);
    }

    double dayAt(double cx) {
        return xLo + (cx - px0) / Math.max(1e-9, px1 - px0) * (xHi - xLo);
    }

    /**
     * The position (in {@link #shownMarkerIds}) of the event drawn under a canvas point, or -1: within 4 px of its lane
     * mark in the lane, or 7 px of its circle on the line when the events are drawn there; the nearest one wins.
     */
    int markerAt(double cx, double cy) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        boolean inLane = cy >= py1 && cy <= py1 + ChartPainter.LANE + 2;
        for (int i = 0; i < shownMarkerIds.length; i++) {
            double dx = Math.abs(cx - shownMarkerX[i]);
            double d = inLane ? dx : markersOnLine ? Math.hypot(dx, cy - shownMarkerY[i]) : Double.MAX_VALUE;
            if (d <= (inLane ? 4 : 7) && d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The index into {@code x} (the lines' epoch days) of the day nearest a canvas column. */
    int dayIndexAt(double[] x, double cx) {
        double v = dayAt(cx);
        int i = Arrays.binarySearch(x, Math.rint(v));
        int idx = i >= 0 ? i : Math.min(x.length - 1, Math.max(0, -i - 1));
        if (idx > 0 && Math.abs(x[idx - 1] - v) < Math.abs(x[idx] - v)) {
            idx--;
        }
        return idx;
    }
}
