package foresto.ui.robust;

import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.ui.chart.ChartColour;
import javafx.scene.layout.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The studies' charts, the same in the tab and in the command line's PNGs: what each chart shows, and the charts of
 * a study as images to write (file name, chart, size).
 */
public final class RobustnessCharts {
    /** One chart to write as {@code fileName}, laid out at {@code width} × {@code height}. */
    public record Image(String fileName, Region chart, double width, double height) {
    }

    private RobustnessCharts() {
    }

    static double[] epochDays(LocalDate[] dates) {
        double[] x = new double[dates.length];
        for (int i = 0; i < dates.length; i++) {
            x[i] = dates[i].toEpochDay();
        }
        return x;
    }

    /** Every variant's value path as a thin line, OFF in grey, the best and worst variant, the tranche in bold. */
    public static PathChart.Content timing(TimingFigures f) {
        TimingStudy.Result r = f.result();
        List<PathChart.Series> lines = new ArrayList<>();
        boolean first = true;
        for (TimingStudy.Variant v : r.variants()) {
            lines.add(new PathChart.Series(first ? "Variants (" + r.variants().size() + ")" : null, v.values(),
                    ChartColour.ON, 0.45, 1, false));
            first = false;
        }
        lines.add(new PathChart.Series("OFF", r.off().values(), ChartColour.OFF, 1, 1.4, false));
        if (r.variants().size() > 1) {
            lines.add(new PathChart.Series("Best: " + f.name(r.best()), r.best().values(), ChartColour.HEATMAP_BETTER,
                    1, 1.2, false));
            lines.add(new PathChart.Series("Worst: " + f.name(r.worst()), r.worst().values(), ChartColour.HEATMAP_WORSE,
                    1, 1.2, false));
        }
        lines.add(new PathChart.Series("Tranche (mean of the variants)", r.tranche().values(), ChartColour.ON, 1, 2.2,
                false));
        return new PathChart.Content(epochDays(r.dates()), List.of(), lines, Double.NaN, "", false, "Value");
    }

    /** Each window's premium (ON − OFF CAGR) at its start date, with the zero line. */
    public static PathChart.Content premiums(WindowsFigures f) {
        List<WindowsStudy.WindowResult> ws = f.result().windows();
        LocalDate[] starts = ws.stream().map(w -> w.window().start()).toArray(LocalDate[]::new);
        return new PathChart.Content(epochDays(starts), List.of(),
                List.of(new PathChart.Series("Premium of the window starting on that date", f.premiums(), ChartColour.ON,
                        1, 1, ws.size() <= 400)),
                0, "zero: ON = OFF", true, "CAGR ON − OFF (%p)");
    }

    /** The premiums' histogram with their median. */
    public static HistogramChart.Content premiumHistogram(WindowsFigures f) {
        return new HistogramChart.Content(f.premiums(), "Premium, CAGR ON − OFF (%p)", f.result().summary().median());
    }

    /** A's and B's 5–95 % and 25–75 % bands across the resampled paths, with their medians. */
    public static PathChart.Content fan(BootstrapFigures f) {
        var r = f.result();
        ChartColour b = f.versusOff() ? ChartColour.OFF : ChartColour.SERIES_6;
        List<PathChart.Band> bands = List.of(
                new PathChart.Band("B 5–95 %", r.fanB()[0], r.fanB()[4], b, 0.14),
                new PathChart.Band("B 25–75 %", r.fanB()[1], r.fanB()[3], b, 0.26),
                new PathChart.Band("A 5–95 %", r.fanA()[0], r.fanA()[4], ChartColour.ON, 0.14),
                new PathChart.Band("A 25–75 %", r.fanA()[1], r.fanA()[3], ChartColour.ON, 0.26));
        List<PathChart.Series> lines = List.of(
                new PathChart.Series("B median: " + f.nameB(), r.fanB()[2], b, 1, 1.8, false),
                new PathChart.Series("A median: " + f.nameA(), r.fanA()[2], ChartColour.ON, 1, 1.8, false));
        return new PathChart.Content(epochDays(r.dates()), bands, lines, Double.NaN, "", false, "Value");
    }

    /** The per-path CAGR differences' histogram with their median. */
    public static HistogramChart.Content cagrDifferences(BootstrapFigures f) {
        return new HistogramChart.Content(f.cagrDifferences(), "CAGR A − B per resampled history (%p)",
                f.result().cagrDiff().median());
    }

    /** timing.png: the value paths. */
    public static List<Image> images(TimingFigures f) {
        return List.of(new Image("timing.png", path(timing(f), "Timing: " + f.ruleName() + " — " + f.heading()), 1200, 650));
    }

    /** windows-premium.png and windows-histogram.png. */
    public static List<Image> images(WindowsFigures f) {
        return List.of(
                new Image("windows-premium.png", path(premiums(f), "Premium by start date: " + f.ruleName() + ", "
                        + f.result().lengthMonths() + "-month windows — " + f.heading()), 1200, 500),
                new Image("windows-histogram.png", histogram(premiumHistogram(f), "Premiums of "
                        + f.result().summary().count() + " windows: " + f.ruleName() + " — " + f.heading()), 1200, 450));
    }

    /** bootstrap-fan.png and bootstrap-cagr-diff.png. */
    public static List<Image> images(BootstrapFigures f) {
        return List.of(
                new Image("bootstrap-fan.png", path(fan(f), "Resampled histories: A " + f.nameA() + ", B " + f.nameB()
                        + " — " + f.heading()), 1200, 650),
                new Image("bootstrap-cagr-diff.png", histogram(cagrDifferences(f), f.sentence()), 1200, 450));
    }

    private static PathChart path(PathChart.Content c, String title) {
        PathChart chart = new PathChart();
        chart.titleProperty().set(title);
        chart.setContent(c);
        return chart;
    }

    private static HistogramChart histogram(HistogramChart.Content c, String title) {
        HistogramChart chart = new HistogramChart();
        chart.titleProperty().set(title);
        chart.setContent(c);
        return chart;
    }
}
