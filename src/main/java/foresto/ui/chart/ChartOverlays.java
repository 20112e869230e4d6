package foresto.ui.chart;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.ui.chart.ChartPainter.Pass;
import foresto.ui.chart.ChartPainter.Scene;
import foresto.ui.chart.TimeSeriesChart.Content;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The steps of a {@link ChartPainter} paint that draw over the data: the day cursor and the legend. */
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

    /** Line keys (short strokes, not circles) for each line, the events and the reference line. */
    void legend() {
        Color text = p.colour(ChartColour.TEXT);
        Font small = p.small();
        double xk = d.px0 + 4;
        double yk = s.top + 9;
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
            g.setFill(p.colour(ChartColour.EVENT));
            g.fillRect(xk + 2.25, yk - 6, 1.5, 12);
            g.fillRect(xk + 7.25, yk - 6, 1.5, 12);
            g.setFill(text);
            String name = "Rebalancing events (" + content.markers().size() + ")";
            g.fillText(name, xk + 16, yk);
            xk += 16 + CanvasChart.textWidth(name, small) + 18;
        }
        if (sc.flowDays().length > 0) {
            g.setFill(p.colour(ChartColour.SERIES_3));
            g.fillRect(xk + 4.25, yk - 6, 1.5, 12);
            g.setFill(text);
            String name = Messages.tr("cashFlows.legend", LocaleFormat.integer(sc.flowDays().length));
            g.fillText(name, xk + 16, yk);
            xk += 16 + CanvasChart.textWidth(name, small) + 18;
        }
        if (!Double.isNaN(content.horizontal())) {
            g.setFill(p.colour(ChartColour.REFERENCE));
            ChartPainter.dashes(g, xk, xk + 18, yk, 1.5, 6, 4, true);
            g.setFill(text);
            g.fillText(content.horizontalName(), xk + 24, yk);
        }
    }
}
