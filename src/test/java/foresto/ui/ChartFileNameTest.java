package foresto.ui;

import foresto.ui.chart.TimeSeriesChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved chart's default file name says what it shows, in stable ASCII, not the chart's code name. */
@ExtendWith(ApplicationExtension.class)
class ChartFileNameTest {
    @Test
    void chartsOutsideTheAnalysisTabAreNamedAfterWhatTheyShow() {
        TabPane tabs = new TabPane(new Tab("Analysis", new StackPane()));
        TimeSeriesChart heat = new TimeSeriesChart("y");
        heat.setId("sweepHeatmap");
        assertThat(ChartCaption.fileName(heat, tabs, null)).isEqualTo("foresto-sweep-heatmap.png");
        heat.setId("robustFanChart");
        assertThat(ChartCaption.fileName(heat, tabs, null)).isEqualTo("foresto-robustness-bootstrap-fan.png");
        heat.setId("someNewChart");
        assertThat(ChartCaption.fileName(heat, tabs, null)).isEqualTo("foresto-some-new.png");
        heat.setId(null);
        assertThat(ChartCaption.fileName(heat, tabs, null)).isEqualTo("foresto-chart.png");
    }

    @Test
    void aChartOfTheAnalysisTabWithNoRunShownHasNoRunNumber() {
        TimeSeriesChart value = new TimeSeriesChart("y");
        value.setId("valueChart");
        TabPane tabs = new TabPane(new Tab("Analysis", new StackPane(value)));
        assertThat(ChartCaption.fileName(value, tabs, null)).isEqualTo("foresto-run-value.png");
        assertThat(ChartCaption.words("annualBars")).isEqualTo("annual-bars");
    }
}
