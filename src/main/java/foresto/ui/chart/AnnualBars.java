package foresto.ui.chart;

import static foresto.i18n.Messages.tr;
import foresto.ui.common.Fonts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Calendar-year returns as grouped bars (one bar per series per year), drawn on a canvas with the same fonts,
 * round value ticks and percent format as the time-series charts. Hovering a year shows its figures.
 */
public final class AnnualBars extends CanvasChart {
    /**
     * One series: a name, its colour (a palette colour such as {@link TimeSeriesChart#ON_COLOUR} is drawn in the
     * theme's colour of that slot), and one return per year (a fraction: 0.05 = 5 %).
     */
    public record Series(String name, Color colour, List<Year> years) {
        public Series {
            years = List.copyOf(years);
        }
    }

    public record Year(int year, double value) {
    }

    private final StringProperty title = new SimpleStringProperty("");
    private final Tooltip tip = new Tooltip();
    private List<Series> series = List.of();
    private List<Integer> years = List.of();
    private List<AxisTicks.Tick> yTicks = List.of();
    private double px0;
    private double px1;

    public AnnualBars() {
        getStyleClass().add("annual-bars");
        title.addListener((o, a, b) -> invalidate());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int i = yearAt(e.getX());
            if (i < 0) {
                tip.hide();
                return;
            }
            StringBuilder sb = new StringBuilder(Integer.toString(years.get(i)));
            for (Series s : series) {
                int y = years.get(i);
                s.years().stream().filter(v -> v.year() == y).findFirst().ifPresent(v -> sb.append('\n').append(s.name())
                        .append(": ").append(String.format(Locale.ROOT, "%+.2f %%", v.value() * 100)));
            }
            tip.setText(sb.toString());
            if (getScene() != null && getScene().getWindow() != null) {
                tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setData(List<Series> s) {
        this.series = List.copyOf(s);
        TreeSet<Integer> all = new TreeSet<>();
        for (Series x : s) {
            x.years().forEach(y -> all.add(y.year()));
        }
        this.years = List.copyOf(all);
        invalidate();
    }

    /** The years drawn, in order. */
    public List<Integer> years() {
        return years;
    }

    public List<AxisTicks.Tick> yTicks() {
        return yTicks;
    }

    private int yearAt(double x) {
        if (years.isEmpty() || x < px0 || x > px1) {
            return -1;
        }
        int i = (int) ((x - px0) / ((px1 - px0) / years.size()));
        return Math.min(years.size() - 1, Math.max(0, i));
    }

    /** Where the bars go: the title's and legend's top, the plot's rows and the padded value range onto them. */
    private record Layout(double top, double py0, double py1, double lo, double hi) {
        double y(double v) {
            return py1 - (v - lo) / (hi - lo) * (py1 - py0);
        }
    }

    /** Paints in steps: the layout with the value ticks, the title, the value axis, the bars, the years, the legend. */
    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ChartTheme theme = theme();
        paintBackground(g, theme, w, h);
        yTicks = List.of();
        if (years.isEmpty() || w < 60 || h < 60) {
            return;
        }
        Font small = Fonts.regular(11);
        Layout l = layout(w, h, small);
        paintTitle(g, theme, title.get(), px0);
        valueAxis(g, theme, small, l);
        double slot = (px1 - px0) / years.size();
        bars(g, theme, l, slot);
        yearLabels(g, theme, small, l, slot);
        legend(g, theme, small, l);
    }

    /**
     * The value range (every return and zero, padded by 5 %), the plot's place and the value ticks (percent); sets
     * {@link #yTicks} and the plot's columns.
     */
    private Layout layout(double w, double h, Font small) {
        double lo = 0;
        double hi = 0;
        for (Series s : series) {
            for (Year y : s.years()) {
                lo = Math.min(lo, y.value());
                hi = Math.max(hi, y.value());
            }
        }
        double pad = (hi - lo) * 0.05 + 1e-9;
        lo -= lo < 0 ? pad : 0;
        hi += pad;
        double top = 6 + (title.get().isEmpty() ? 0 : 22);
        double py0 = top + 22;
        double py1 = h - 20;
        yTicks = AxisTicks.linear(lo, hi, Math.max(2, (int) ((py1 - py0) / 42)), 100, false);
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, textWidth(t.label(), small));
        }
        px0 = 8 + 16 + labelW + 6;
        px1 = w - 12;
        return new Layout(top, py0, py1, lo, hi);
    }

    /** Grid lines (the zero line in the axis colour) with their labels, and the axis's name. */
    private void valueAxis(GraphicsContext g, ChartTheme theme, Font small, Layout l) {
        Color axisText = theme.colour(ChartColour.AXIS_TEXT);
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.rint(l.y(t.value())) + 0.5;
            g.setFill(t.value() == 0 ? axisText : theme.colour(ChartColour.GRID));
            g.fillRect(px0, y - 0.5, px1 - px0, 1); // a fill, not a stroke: see ChartPainter#frame
            g.setFill(axisText);
            g.fillText(t.label(), px0 - 6, y);
        }
        g.save();
        g.translate(12, (l.py0() + l.py1()) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(tr("chart.annualAxis"), 0, 0);
        g.restore();
    }

    /** One bar per series in each year's slot, from zero to the year's return. */
    private void bars(GraphicsContext g, ChartTheme theme, Layout l, double slot) {
        double barW = Math.max(1, slot * 0.8 / Math.max(1, series.size()));
        double zero = l.y(0);
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            g.setFill(theme.series(si, s.colour()));
            for (Year y : s.years()) {
                int i = years.indexOf(y.year());
                double x = px0 + i * slot + slot * 0.1 + si * barW;
                double v = l.y(y.value());
                g.fillRect(x, Math.min(v, zero), barW, Math.abs(zero - v));
            }
        }
    }

    /** Year labels: every n-th, so they never overlap or cut at the edges. */
    private void yearLabels(GraphicsContext g, ChartTheme theme, Font small, Layout l, double slot) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.colour(ChartColour.AXIS_TEXT));
        int every = Math.max(1, (int) Math.ceil(textWidth("2000", small) * 1.6 / slot));
        for (int i = 0; i < years.size(); i++) {
            if (years.get(i) % every == 0 || every == 1) {
                g.fillText(Integer.toString(years.get(i)), px0 + (i + 0.5) * slot, l.py1() + 4);
            }
        }
    }

    /** The legend: square keys (these are bars) and the series' names. */
    private void legend(GraphicsContext g, ChartTheme theme, Font small, Layout l) {
        Color text = theme.colour(ChartColour.TEXT);
        double xk = px0 + 4;
        double yk = l.top() + 9;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            g.setFill(theme.series(si, s.colour()));
            g.fillRect(xk, yk - 5, 10, 10);
            g.setFill(text);
            g.fillText(s.name(), xk + 16, yk);
            xk += 16 + textWidth(s.name(), small) + 18;
        }
    }

    /** The two paths' calendar-year returns as bar series (ON first when present). */
    public static List<Series> of(List<Year> on, List<Year> off) {
        List<Series> out = new ArrayList<>();
        if (on != null) {
            out.add(new Series(tr("main.perf.onCol"), TimeSeriesChart.ON_COLOUR, on));
        }
        out.add(new Series(tr("main.perf.offCol"), TimeSeriesChart.OFF_COLOUR, off));
        return out;
    }
}
