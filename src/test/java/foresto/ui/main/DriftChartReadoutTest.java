package foresto.ui.main;

import foresto.ui.chart.TimeSeriesChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift chart's own hover readout writes its values in the drift axis's unit, as the value chart's drift lines do:
 * points under an absolute band's axis, × band under a relative or hybrid band's — never the chart's plain percent.
 */
@ExtendWith(ApplicationExtension.class)
class DriftChartReadoutTest {
    @Start
    void start(Stage stage) {
        // no scene needed: the readout text is built from the chart's content
    }

    private static TimeSeriesChart driftChart(DriftScale scale) {
        double[] days = {18000, 18001};
        TimeSeriesChart value = new TimeSeriesChart("Value");
        TimeSeriesChart drift = new TimeSeriesChart("Drift");
        RunCharts.formatAxes(value, drift);
        TimeSeriesChart.Content driftLines = new TimeSeriesChart.Content(List.of(
                new TimeSeriesChart.Line("ON", days, new double[] {0.01, 0.0281}),
                new TimeSeriesChart.Line("OFF", days, new double[] {0.02, 0.0623})));
        RunCharts.apply(value, drift, new RunCharts.Prepared(new TimeSeriesChart.Content(List.of()), driftLines, scale));
        return drift;
    }

    @Test
    void anAbsoluteBandsDriftChartReadsOutPoints() {
        assertThat(driftChart(new DriftScale(false, 0.05)).valuesAt(18001)).isEqualTo("ON: 2.81 %p\nOFF: 6.23 %p");
    }

    @Test
    void aRelativeBandsDriftChartReadsOutTimesTheBand() {
        assertThat(driftChart(new DriftScale(true, 1.0)).valuesAt(18000)).isEqualTo("ON: 0.01× band\nOFF: 0.02× band");
    }
}
