package foresto.ui.chart;

import static foresto.i18n.Messages.tr;
import foresto.ui.chart.ChartPainter.Pass;
import foresto.ui.chart.ChartPainter.Scene;
import foresto.ui.common.Fonts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The steps of a {@link ChartPainter} paint that draw under the lines: the title, the grid with the value and date
 * labels, the value axis's name, the plot's frame, the event lane's background and the reference line.
 */
final class ChartAxes {
    private final Pass p;
    private final GraphicsContext g;
    private final Scene sc;
    private final DrawnChart d;
    private final ChartScale s;

    ChartAxes(Pass p) {
        this.p = p;
        this.g = p.g();
        this.sc = p.scene();
        this.d = p.drawn();
        this.s = p.scale();
    }

    void title() {
        if (!sc.title().isEmpty()) {
            g.setFont(Fonts.bold(14));
            g.setFill(p.colour(ChartColour.TEXT));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(sc.title(), d.px0, 6);
        }
    }

    /** Grid and value labels, calendar-aligned date labels (none cut at either edge), the axis's name, the frame, the lane. */
    void axes() {
        Color grid = p.colour(ChartColour.GRID);
        Color axisText = p.colour(ChartColour.AXIS_TEXT);
        g.setFont(p.small());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : d.yTicks) {
            double yp = Math.rint(s.valueAxis.pixel(t.value())) + 0.5;
            if (yp < d.py0 - 0.5 || yp > d.py1 + 0.5) {
                continue;
            }
            g.setFill(grid);
            g.fillRect(d.px0, yp - 0.5, d.px1 - d.px0, 1);
            g.setFill(axisText);
            g.fillText(t.label(), d.px0 - 6, yp);
        }
        dateLabels(grid, axisText);
        yTitle(axisText);
        g.setFill(p.colour(ChartColour.FRAME));
        ChartPainter.frame(g, Math.rint(d.px0), Math.rint(d.py0), Math.rint(d.px1 - d.px0), Math.rint(d.py1 - d.py0));
        if (s.lane) {
            g.setFill(p.colour(ChartColour.LANE));
            g.fillRect(d.px0, s.laneTop, d.px1 - d.px0, ChartPainter.LANE - 3);
        }
        if (s.flowLane) {
            g.setFill(p.colour(ChartColour.LANE));
            g.fillRect(d.px0, s.flowLaneTop, d.px1 - d.px0, ChartPainter.LANE - 3);
        }
    }

    /**
     * The value axis's name, upright along the left edge: centred on the plot when it fits there, else on the whole
     * canvas height; the short name when even that is too little room; cut with an ellipsis only as a last resort.
     */
    private void yTitle(Color axisText) {
        String suffix = sc.log() ? tr("chart.logScale") : "";
        String text = sc.yLabel() + suffix;
        double plot = d.py1 - d.py0;
        double all = p.h() - 4;
        double width = CanvasChart.textWidth(text, p.small());
        if (width > all && !sc.shortYLabel().isEmpty()) {
            text = sc.shortYLabel() + suffix;
            width = CanvasChart.textWidth(text, p.small());
        }
        while (width > all && text.length() > 2) {
            text = text.substring(0, text.length() - 2) + "…";
            width = CanvasChart.textWidth(text, p.small());
        }
        double centre = width <= plot ? (d.py0 + d.py1) / 2
                : Math.max(2 + width / 2, Math.min(p.h() - 2 - width / 2, (d.py0 + d.py1) / 2));
        d.yTitle = text;
        d.yTitleRoom = all;
        g.save();
        g.translate(12, centre);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(axisText);
        g.fillText(text, 0, 0);
        g.restore();
    }

    /** The date ticks' grid lines and their labels, skipping a label that would overlap the last one or be cut. */
    private void dateLabels(Color grid, Color axisText) {
        int maxX = Math.max(2, (int) ((d.px1 - d.px0) / 70));
        d.xTicks = AxisTicks.dates(d.xLo, d.xHi, maxX);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (AxisTicks.Tick t : d.xTicks) {
            double xp = Math.rint(d.xPixel(t.value())) + 0.5;
            g.setFill(grid);
            g.fillRect(xp - 0.5, d.py0, 1, d.py1 - d.py0);
            double tw = CanvasChart.textWidth(t.label(), p.small());
            if (!sc.dateLabels() || xp - tw / 2 < lastRight + 6 || xp + tw / 2 > p.w() - 2 || xp - tw / 2 < 2) {
                continue;
            }
            g.setFill(axisText);
            g.fillText(t.label(), xp, p.h() - 17);
            lastRight = xp + tw / 2;
        }
    }

    /**
     * The reference line (threshold), under the lines; no clip: everything drawn later lies in the plot (the value
     * range covers every visible point and the line), and a canvas clip makes the software pipeline mask every operation.
     */
    void reference() {
        double at = sc.content().horizontal();
        if (!Double.isNaN(at)) {
            g.setFill(p.colour(ChartColour.REFERENCE));
            ChartPainter.dashes(g, d.px0, d.px1, s.valueAxis.pixel(at), 1.2, 6, 4, true);
        }
    }
}
