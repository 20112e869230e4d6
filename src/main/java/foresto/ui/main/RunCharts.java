package foresto.ui.main;

import foresto.model.StoredPaths;
import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.engine.PathStats;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.model.RunRequestInfo;
import foresto.ui.common.RuleText;
import foresto.ui.chart.AnnualBars;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.FrequencyText;

import java.util.ArrayList;
import java.util.List;

/** Fills the value chart and the drift chart from a run, the same way in the app and in the PNG report. */
public final class RunCharts {
    private RunCharts() {
    }

    /** Both charts' content and the drift chart's scale, built without touching the live scene (any thread). */
    public record Prepared(TimeSeriesChart.Content value, TimeSeriesChart.Content drift, DriftScale driftScale) {
    }

    /**
     * "ON: rule" for a rebalanced run: the stored rule's name, or for a rule given inline (a sweep cell, a study's
     * rule) its band or calendar in words ("ON: Drift ≥ 4 %p") instead of the stored "inline drift:0.04". An OFF-only
     * run has no ON line.
     */
    public static String onName(RunModel m) {
        RunRequestInfo req = m.run().request();
        RebalancingRule inline = req.rebalancingRuleId() == null ? RunChoices.of(m.run()).rule() : null;
        return tr("main.charts.onName", inline == null ? req.ruleName() : RuleText.brief(inline));
    }

    /** The OFF line's name in the legend. */
    public static String offName() {
        return tr("main.charts.offName");
    }

    public static Prepared prepare(RunModel m) {
        double[] x = m.x();
        List<TimeSeriesChart.Marker> markers = new ArrayList<>();
        for (int i = 0; i < m.events().size(); i++) {
            if (m.eventIndex(i) >= 0) {
                markers.add(new TimeSeriesChart.Marker(m.eventIndex(i), m.tooltip(i), i));
            }
        }
        List<TimeSeriesChart.Line> values = new ArrayList<>();
        List<TimeSeriesChart.Line> drifts = new ArrayList<>();
        if (m.paths().hasOn()) {
            values.add(new TimeSeriesChart.Line(onName(m), x, m.paths().on(), TimeSeriesChart.ON_COLOUR));
            drifts.add(new TimeSeriesChart.Line(tr("main.perf.onCol"), x, m.onDrift(), TimeSeriesChart.ON_COLOUR));
        }
        // OFF keeps its own colour whether or not an ON line is drawn
        values.add(new TimeSeriesChart.Line(offName(), x, m.paths().off(), TimeSeriesChart.OFF_COLOUR));
        drifts.add(new TimeSeriesChart.Line(tr("main.perf.offCol"), x, m.offDrift(), TimeSeriesChart.OFF_COLOUR));
        int markerLine = m.paths().hasOn() ? 0 : -1;
        // the drift axis follows ON and the band's line; OFF, never traded back, would squash them: clipped and marked
        // where it leaves the range. A rule without a band (a calendar) has no line to read ON against: the axis spans
        // OFF too, which shows how far buy-and-hold wanders from the targets while the calendar keeps ON near them
        DriftScale scale = m.driftScale();
        int unscaled = m.paths().hasOn() && !Double.isNaN(scale.threshold()) ? drifts.size() - 1 : -1;
        return new Prepared(new TimeSeriesChart.Content(values, markerLine, markers, Double.NaN, ""),
                new TimeSeriesChart.Content(drifts, markerLine, markers, scale.threshold(), scale.thresholdLabel(), unscaled),
                scale);
    }

    /** On the FX thread: shows prepared content, the drift chart in its band kind's units. */
    public static void apply(TimeSeriesChart valueChart, TimeSeriesChart driftChart, Prepared p) {
        valueChart.setData(p.value());
        driftChart.setYLabel(p.driftScale().axisLabel());
        driftChart.setShortYLabel(p.driftScale().shortAxisLabel());
        driftChart.setUnits(p.driftScale().units());
        driftChart.setReadoutFormat(p.driftScale()::format);
        driftChart.setData(p.drift());
    }

    /** On the FX thread: prepares and shows at once (the headless report). */
    public static void populate(TimeSeriesChart valueChart, TimeSeriesChart driftChart, RunModel m) {
        if (m == null) {
            valueChart.clear();
            driftChart.clear();
            return;
        }
        apply(valueChart, driftChart, prepare(m));
    }

    /**
     * The underwater curves: drawdown from the running peak, ON and OFF; with cash flows of the time-weighted index,
     * as the Summary's max drawdown (a withdrawal is no loss).
     */
    public static TimeSeriesChart.Content drawdown(RunModel m) {
        StoredPaths r = m.returnPaths();
        List<TimeSeriesChart.Line> lines = new ArrayList<>();
        if (r.hasOn()) {
            lines.add(new TimeSeriesChart.Line(onName(m), m.x(), PathStats.drawdowns(r.on()),
                    TimeSeriesChart.ON_COLOUR));
        }
        lines.add(new TimeSeriesChart.Line(offName(), m.x(), PathStats.drawdowns(r.off()),
                TimeSeriesChart.OFF_COLOUR));
        return new TimeSeriesChart.Content(lines);
    }

    /** The ON path's cumulative trading cost (currency units), a step at each event; empty for an OFF-only run. */
    public static TimeSeriesChart.Content cumulativeCost(RunModel m) {
        if (!m.paths().hasOn()) {
            return TimeSeriesChart.Content.EMPTY;
        }
        double[] step = new double[m.dayCount()];
        for (int i = 0; i < m.events().size(); i++) {
            if (m.eventIndex(i) >= 0) {
                step[m.eventIndex(i)] += m.events().get(i).costAmount();
            }
        }
        double[] cum = new double[step.length];
        double sum = 0;
        for (int k = 0; k < step.length; k++) {
            sum += step[k];
            cum[k] = sum;
        }
        List<TimeSeriesChart.Marker> markers = new ArrayList<>();
        for (int i = 0; i < m.events().size(); i++) {
            if (m.eventIndex(i) >= 0) {
                markers.add(new TimeSeriesChart.Marker(m.eventIndex(i), m.tooltip(i), i));
            }
        }
        return new TimeSeriesChart.Content(List.of(new TimeSeriesChart.Line(tr("main.charts.cumulativeCost"), m.x(), cum,
                TimeSeriesChart.ON_COLOUR)), 0, markers, Double.NaN, "");
    }

    /** Calendar-year returns of both paths as bar series. */
    public static List<AnnualBars.Series> annual(RunModel m) {
        StoredPaths r = m.returnPaths(); // with cash flows the time-weighted years, which compound to the TWR total
        return AnnualBars.of(r.hasOn() ? years(PathStats.annualReturns(r.dates(), r.on())) : null,
                years(PathStats.annualReturns(r.dates(), r.off())));
    }

    private static List<AnnualBars.Year> years(List<PathStats.YearReturn> ys) {
        return ys.stream().map(y -> new AnnualBars.Year(y.year(), y.value())).toList();
    }

    /**
     * A chart title for a memo: portfolio, rule (or OFF), window and dataset; {@code datasetLabel} says SYNTHETIC
     * for synthetic data; data that is not daily says its frequency ("monthly data (f = 12)").
     */
    public static String heading(RunModel m, String datasetLabel) {
        var req = m.run().request();
        PeriodsPerYear f = m.run().summary().frequency();
        return req.portfolioName() + " · " + (req.ruleName() == null ? tr("main.charts.offHeading") : req.ruleName())
                + " · " + LocaleFormat.date(req.startDate()) + " – " + LocaleFormat.date(req.endDate()) + " · " + datasetLabel
                + (f.equals(PeriodsPerYear.DAILY) ? "" : " · " + FrequencyText.of(f));
    }

    public static void formatAxes(TimeSeriesChart valueChart, TimeSeriesChart driftChart) {
        valueChart.setUnits(TimeSeriesChart.Units.MONEY);
        driftChart.setUnits(TimeSeriesChart.Units.PERCENT);
    }
}
