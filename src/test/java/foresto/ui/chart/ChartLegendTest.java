package foresto.ui.chart;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drift-like chart (ON, OFF, events, the band line): its legend wraps instead of running past the plot, and OFF,
 * left out of the scale, is clipped and its stretches above the axis found.
 */
@ExtendWith(ApplicationExtension.class)
class ChartLegendTest {
    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final double[] ON = {0, 0.4, 0.8, 1.1, 0.2, 0.5, 0.9, 0.3};
    private static final double[] OFF = {0, 0.6, 2.5, 6.0, 8.0, 1.0, 9.0, 9.5};

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    private static TimeSeriesChart.Content drift(int unscaled) {
        return new TimeSeriesChart.Content(List.of(new TimeSeriesChart.Line("ON", X, ON, TimeSeriesChart.ON_COLOUR),
                new TimeSeriesChart.Line("OFF", X, OFF, TimeSeriesChart.OFF_COLOUR)), 0,
                List.of(new TimeSeriesChart.Marker(3, "event", 0)), 1.0, "band edge (drift ÷ band = 1)", unscaled);
    }

    private static DrawnChart paint(FxRobot robot, TimeSeriesChart.Content content, double w) {
        DrawnChart[] out = new DrawnChart[1];
        robot.interact(() -> {
            Canvas c = new Canvas(w, 220);
            out[0] = ChartPainter.paint(c.getGraphicsContext2D(), w, 220, new ChartPainter.Scene(content,
                    TimeSeriesChart.Range.ALL, false, TimeSeriesChart.Units.RATIO, "drift ÷ band (×)", "", null, null,
                    i -> ChartTheme.DEFAULT.series(i, content.lines().get(i).color()), ChartTheme.DEFAULT, new double[0]));
        });
        return out[0];
    }

    @Test
    void aNarrowChartsLegendTakesASecondRowAndStaysInsideThePlot(FxRobot robot) {
        DrawnChart wide = paint(robot, drift(1), 1200);
        assertThat(wide.legendRows).isEqualTo(1);
        assertThat(wide.py0).isEqualTo(6 + 18 + 4);
        DrawnChart narrow = paint(robot, drift(1), 330);
        assertThat(narrow.legendRows).isGreaterThanOrEqualTo(2);
        assertThat(narrow.py0).isEqualTo(6 + 18 * narrow.legendRows + 4);
        assertThat(narrow.legendRight).isLessThanOrEqualTo(narrow.px1);
    }

    @Test
    void theUnscaledLineLeavesTheAxisToTheOthersAndItsStretchesAboveAreFound(FxRobot robot) {
        DrawnChart clipped = paint(robot, drift(1), 800);
        // the axis spans ON (up to 1.1) and the line at 1, padded by 4 %: OFF is above it on closes 2–4 and 6–7
        assertThat(clipped.yTicks.stream().mapToDouble(AxisTicks.Tick::value).max().orElseThrow()).isLessThan(1.2);
        assertThat(clipped.offScaleRuns).extracting(r -> r[0] + "-" + r[1]).containsExactly("2-4", "6-7");
        DrawnChart all = paint(robot, drift(1).scaledToAll(), 800);
        assertThat(all.offScaleRuns).isEmpty();
        // OFF sets it too: −0.38 … 9.88 on a 158 px plot (3 ticks at most), so ticks 5 apart, the top one at 5
        assertThat(all.yTicks.stream().mapToDouble(AxisTicks.Tick::value).max().orElseThrow()).isEqualTo(5.0);
    }
}
