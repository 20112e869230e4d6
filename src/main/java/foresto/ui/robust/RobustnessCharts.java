package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
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
            lines.add(new PathChart.Series(first ? tr("robust.chart.variants", Texts.count(r.variants().size())) : null, v.values(),
                    ChartColour.ON, 0.45, 1, false));
            first = false;
        }
        lines.add(new PathChart.Series(tr("main.perf.offCol"), r.off().values(), ChartColour.OFF, 1, 1.4, false));
        if (r.variants().size() > 1) {
            lines.add(new PathChart.Series(tr("robust.chart.best", f.name(r.best())), r.best().values(), ChartColour.HEATMAP_BETTER,
                    1, 1.2, false));
            lines.add(new PathChart.Series(tr("robust.chart.worst", f.name(r.worst())), r.worst().values(), ChartColour.HEATMAP_WORSE,
                    1, 1.2, false));
        }
        lines.add(new PathChart.Series(tr("robust.chart.tranche"), r.tranche().values(), ChartColour.ON, 1, 2.2,
                false));
        return new PathChart.Content(epochDays(r.dates()), List.of(), lines, Double.NaN, "", false, tr("robust.chart.value"),
                i -> timingReadout(f, i), i -> timingSummary(f, i));
    }

    /** At most this many variants are read out one by one; more would not fit in the readout's box. */
    static final int LISTED_VARIANTS = 12;

    /**
     * The timing chart's readout on day i: every variant's value (the best and worst marked), OFF's and the
     * tranche's; with more than {@value #LISTED_VARIANTS} variants the {@link #timingSummary}. (On a chart too short
     * for every variant's line the chart shows the summary too.)
     */
    static List<String> timingReadout(TimingFigures f, int i) {
        TimingStudy.Result r = f.result();
        List<String> out = new ArrayList<>();
        List<TimingStudy.Variant> variants = r.variants();
        boolean marked = variants.size() > 1;
        if (variants.size() <= LISTED_VARIANTS) {
            for (TimingStudy.Variant v : variants) {
                String name = f.name(v);
                if (marked && v == r.best()) {
                    name = tr("robust.chart.best", name);
                } else if (marked && v == r.worst()) {
                    name = tr("robust.chart.worst", name);
                }
                out.add(valueLine(name, v.values()[i]));
            }
            out.add(valueLine(tr("main.perf.offCol"), r.off().values()[i]));
            out.add(valueLine(tr("robust.chart.tranche"), r.tranche().values()[i]));
            return out;
        }
        return timingSummary(f, i);
    }

    /** The tranche, OFF, the best and the worst variant on day i, saying the other variants are left out. */
    static List<String> timingSummary(TimingFigures f, int i) {
        TimingStudy.Result r = f.result();
        List<String> out = new ArrayList<>();
        List<TimingStudy.Variant> variants = r.variants();
        out.add(valueLine(tr("robust.chart.tranche"), r.tranche().values()[i]));
        out.add(valueLine(tr("main.perf.offCol"), r.off().values()[i]));
        out.add(valueLine(tr("robust.chart.best", f.name(r.best())), r.best().values()[i]));
        out.add(valueLine(tr("robust.chart.worst", f.name(r.worst())), r.worst().values()[i]));
        out.add(tr("robust.readout.variantsOmitted", Texts.count(variants.size())));
        return out;
    }

    private static String valueLine(String name, double value) {
        return tr("robust.readout.line", name, PathChart.format(value, false));
    }

    /**
     * Each window's premium (ON − OFF CAGR) at its start date, with the zero line; the readout writes the premium in
     * percentage points, as the axis, the table and the summary do.
     */
    public static PathChart.Content premiums(WindowsFigures f) {
        List<WindowsStudy.WindowResult> ws = f.result().windows();
        LocalDate[] starts = ws.stream().map(w -> w.window().start()).toArray(LocalDate[]::new);
        double[] premiums = f.premiums();
        return new PathChart.Content(epochDays(starts), List.of(),
                List.of(new PathChart.Series(tr("robust.chart.premiumSeries"), premiums, ChartColour.ON,
                        1, 1, ws.size() <= 400)),
                0, tr("robust.chart.zero"), true, tr("robust.chart.premiumAxis"), i -> premiumReadout(premiums, i));
    }

    /** The premium chart's readout for window i: its premium in percentage points. */
    static List<String> premiumReadout(double[] premiums, int i) {
        return List.of(tr("robust.readout.premium", Texts.points(premiums[i])));
    }

    /** The premiums' histogram with their median. */
    public static HistogramChart.Content premiumHistogram(WindowsFigures f) {
        return new HistogramChart.Content(f.premiums(), tr("robust.chart.premiumHistogram"), f.result().summary().median());
    }

    /** A's and B's 5–95 % and 25–75 % bands across the resampled paths, with their medians. */
    public static PathChart.Content fan(BootstrapFigures f) {
        var r = f.result();
        ChartColour b = f.versusOff() ? ChartColour.OFF : ChartColour.SERIES_6;
        List<PathChart.Band> bands = List.of(
                new PathChart.Band(tr("robust.chart.band", "B", "5–95 %"), r.fanB()[0], r.fanB()[4], b, 0.14),
                new PathChart.Band(tr("robust.chart.band", "B", "25–75 %"), r.fanB()[1], r.fanB()[3], b, 0.26),
                new PathChart.Band(tr("robust.chart.band", "A", "5–95 %"), r.fanA()[0], r.fanA()[4], ChartColour.ON, 0.14),
                new PathChart.Band(tr("robust.chart.band", "A", "25–75 %"), r.fanA()[1], r.fanA()[3], ChartColour.ON, 0.26));
        List<PathChart.Series> lines = List.of(
                new PathChart.Series(tr("robust.chart.median", "B", f.nameB()), r.fanB()[2], b, 1, 1.8, false),
                new PathChart.Series(tr("robust.chart.median", "A", f.nameA()), r.fanA()[2], ChartColour.ON, 1, 1.8, false));
        return new PathChart.Content(epochDays(r.dates()), bands, lines, Double.NaN, "", false, tr("robust.chart.value"),
                i -> fanReadout(f, i));
    }

    /** The fan chart's readout on day i: A's and then B's median, and their p5, p25, p75 and p95. */
    static List<String> fanReadout(BootstrapFigures f, int i) {
        var r = f.result();
        List<String> out = new ArrayList<>();
        out.addAll(fanSide("A", f.nameA(), r.fanA(), i));
        out.addAll(fanSide("B", f.nameB(), r.fanB(), i));
        return out;
    }

    private static List<String> fanSide(String side, String name, double[][] fan, int i) {
        return List.of(tr("robust.readout.fanMedian", side, name, PathChart.format(fan[2][i], false)),
                tr("robust.readout.fanPercentiles", side, PathChart.format(fan[0][i], false),
                        PathChart.format(fan[1][i], false), PathChart.format(fan[3][i], false),
                        PathChart.format(fan[4][i], false)));
    }

    /** The per-path CAGR differences' histogram with their median. */
    public static HistogramChart.Content cagrDifferences(BootstrapFigures f) {
        return new HistogramChart.Content(f.cagrDifferences(), tr("robust.chart.diffHistogram"),
                f.result().cagrDiff().median());
    }

    /** timing.png: the value paths. */
    public static List<Image> images(TimingFigures f) {
        return List.of(new Image("timing.png", path(timing(f), tr("robust.chart.timingTitle", f.ruleName(), f.heading())), 1200, 650));
    }

    /** windows-premium.png and windows-histogram.png. */
    public static List<Image> images(WindowsFigures f) {
        return List.of(
                new Image("windows-premium.png", path(premiums(f), tr("robust.chart.premiumByStart", f.ruleName(),
                        Integer.toString(f.result().lengthMonths()), f.heading())), 1200, 500),
                new Image("windows-histogram.png", histogram(premiumHistogram(f), tr("robust.chart.premiumsOf",
                        Texts.count(f.result().summary().count()), f.ruleName(), f.heading())), 1200, 450));
    }

    /** bootstrap-fan.png and bootstrap-cagr-diff.png. */
    public static List<Image> images(BootstrapFigures f) {
        return List.of(
                new Image("bootstrap-fan.png", path(fan(f), tr("robust.chart.fanTitle", f.nameA(), f.nameB(), f.heading())), 1200, 650),
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
