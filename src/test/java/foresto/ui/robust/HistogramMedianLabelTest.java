package foresto.ui.robust;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap histogram's median label lies over nothing else: not over a bar (the tallest ones stand by the
 * median), not over the plot with its zero and median lines, not over the title, and within the chart's width.
 */
@ExtendWith(ApplicationExtension.class)
class HistogramMedianLabelTest {
    private final HistogramChart chart = new HistogramChart();

    @Start
    void start(Stage stage) {
        chart.titleProperty().set("CAGR A − B");
        stage.setScene(new Scene(new Pane(chart), 500, 240));
        stage.show();
    }

    /** CAGR differences piled up just right of zero, as the trial's bootstrap drew them, with a left tail. */
    private static double[] values(double centre) {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            double u = (i + 0.5) / v.length;
            v[i] = centre + 0.003 * (u - 0.5) - (u < 0.3 ? 0.02 * (0.3 - u) : 0);
        }
        return v;
    }

    private void show(FxRobot robot, double[] values, double median, double width) {
        robot.interact(() -> {
            chart.setContent(new HistogramChart.Content(values, "A − B (%p)", median));
            chart.resize(width, 230);
            chart.layout();
        });
        robot.interact(chart::layout);
    }

    @Test
    void theMedianLabelOverlapsNoBarNoLineAndNoTitle(FxRobot robot) {
        for (double centre : new double[] {0.0015, -0.004, 0.02, 0.0}) {
            for (double width : new double[] {290, 480}) {
                double[] v = values(centre);
                show(robot, v, centre, width);
                Rectangle2D label = chart.medianLabel();
                assertThat(label).as("a median label is drawn").isNotNull();
                assertThat(label.getWidth()).isGreaterThan(20);
                Rectangle2D plot = chart.plot();
                assertThat(label.intersects(plot)).as("label %s over the plot %s (centre %s, width %s)", label, plot,
                        centre, width).isFalse();
                for (Rectangle2D bar : chart.bars()) {
                    assertThat(label.intersects(bar)).as("label %s over bar %s", label, bar).isFalse();
                }
                assertThat(label.getMinY()).as("below the title").isGreaterThanOrEqualTo(6 + 20);
                assertThat(label.getMinX()).isGreaterThanOrEqualTo(plot.getMinX());
                assertThat(label.getMaxX()).isLessThanOrEqualTo(plot.getMaxX() + 0.5);
            }
        }
    }

    @Test
    void theLabelStandsOverTheMedianWhereThereIsRoom(FxRobot robot) {
        show(robot, values(0.0015), 0.0015, 480);
        Rectangle2D label = chart.medianLabel();
        Rectangle2D plot = chart.plot();
        assertThat(plot.getMinY()).as("the plot starts below the label's row").isGreaterThanOrEqualTo(label.getMaxY());
        // the tallest bar reaches up to the plot's top region, right under the label
        double tallest = chart.bars().stream().mapToDouble(Rectangle2D::getMinY).min().orElseThrow();
        assertThat(tallest).isLessThan(plot.getMinY() + 0.1 * plot.getHeight());
    }
}
