package foresto.ui.chart;

import foresto.ui.main.RunModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fills the value chart and the drift chart from a run, the same way in the app and in the PNG report. */
public final class RunCharts {
    private RunCharts() {
    }

    public static void populate(TimeSeriesChart valueChart, TimeSeriesChart driftChart, RunModel m) {
        if (m == null) {
            valueChart.clear();
            driftChart.clear();
            return;
        }
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
        valueChart.rangeFromProperty().set(Double.NaN);
        int markerLine = m.paths().hasOn() ? 0 : -1;
        valueChart.setData(values, markerLine, markers, Double.NaN, "");
        driftChart.setData(drifts, markerLine, markers, m.threshold(), Double.isNaN(m.threshold()) ? ""
                : String.format(Locale.ROOT, "Threshold %.2f%%p", m.threshold() * 100));
    }

    public static void formatAxes(TimeSeriesChart valueChart, TimeSeriesChart driftChart) {
        valueChart.setYFormat(v -> Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.4g", v));
        driftChart.setYFormat(v -> String.format(Locale.ROOT, "%.1f", v * 100));
    }
}
