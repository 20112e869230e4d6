package foresto.ui.chart;

import foresto.ui.main.RunModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fills the value chart and the drift chart from a run, the same way in the app and in the PNG report. */
public final class RunCharts {
    private RunCharts() {
    }

    /** Both charts' content and full-range frames, built without touching the live scene (any thread). */
    public record Prepared(TimeSeriesChart.Content value, TimeSeriesChart.Frame valueFrame,
                           TimeSeriesChart.Content drift, TimeSeriesChart.Frame driftFrame) {
    }

    public static Prepared prepare(RunModel m, double valueWidth, double driftWidth, boolean log) {
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
            values.add(new TimeSeriesChart.Line("ON: " + m.run().request().ruleName(), x, m.paths().on()));
            drifts.add(new TimeSeriesChart.Line("ON", x, m.onDrift()));
        }
        values.add(new TimeSeriesChart.Line("OFF: buy-and-hold", x, m.paths().off()));
        drifts.add(new TimeSeriesChart.Line("OFF", x, m.offDrift()));
        int markerLine = m.paths().hasOn() ? 0 : -1;
        var value = new TimeSeriesChart.Content(values, markerLine, markers, Double.NaN, "");
        var drift = new TimeSeriesChart.Content(drifts, markerLine, markers, m.threshold(), m.thresholdLabel());
        return new Prepared(value, TimeSeriesChart.build(value, TimeSeriesChart.Range.ALL, valueWidth, log),
                drift, TimeSeriesChart.build(drift, TimeSeriesChart.Range.ALL, driftWidth, false));
    }

    /** On the FX thread: shows prepared frames. */
    public static void apply(TimeSeriesChart valueChart, TimeSeriesChart driftChart, Prepared p) {
        valueChart.setData(p.value(), p.valueFrame());
        driftChart.setData(p.drift(), p.driftFrame());
    }

    /** On the FX thread: prepares and shows at once (the headless report). */
    public static void populate(TimeSeriesChart valueChart, TimeSeriesChart driftChart, RunModel m) {
        if (m == null) {
            valueChart.clear();
            driftChart.clear();
            return;
        }
        apply(valueChart, driftChart, prepare(m, valueChart.plotWidth(), driftChart.plotWidth(), valueChart.logScaleProperty().get()));
    }

    public static void formatAxes(TimeSeriesChart valueChart, TimeSeriesChart driftChart) {
        valueChart.setYFormat(v -> Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.4g", v));
        driftChart.setYFormat(v -> String.format(Locale.ROOT, "%.1f", v * 100));
    }
}
