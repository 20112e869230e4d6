package foresto.ui.sweep;

import foresto.backtest.Metric;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-value grid (a one-cell sweep, or cells all equal) has no range to colour: its cells and the scale's bar take
 * the neutral colour and the bar is labelled with that one value; a grid with a range keeps its scale.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapScaleTest {
    private static final Color RED = Color.rgb(225, 65, 65);
    private static final Color NEUTRAL = Color.rgb(250, 250, 250);
    /** The former scale of a one-cell sweep worse than OFF: full red. */
    private static final DoubleFunction<Color> SCALE = v -> RED;

    @Start
    void start(Stage stage) {
        // the toolkit, for painting on a canvas
    }

    @Test
    void oneValueIsNeutralAndARangeKeepsItsScale() {
        assertThat(HeatmapScale.flat(338_851, 338_851)).isTrue();
        assertThat(HeatmapScale.flat(1, 2)).isFalse();
        assertThat(HeatmapScale.colours(338_851, 338_851, NEUTRAL, SCALE).apply(338_851)).isEqualTo(NEUTRAL);
        assertThat(HeatmapScale.colours(1, 2, NEUTRAL, SCALE).apply(1.5)).isEqualTo(RED);
    }

    @Test
    void theBarOfOneValueIsNeutralAndLabelledWithIt(FxRobot robot) {
        ChartTheme theme = ChartTheme.DEFAULT.with(ChartColour.HEATMAP_NEUTRAL, NEUTRAL);
        double v = 338_851;
        HeatmapScale scale = new HeatmapScale(Metric.FINAL_VALUE, HeatmapScale.colours(v, v, NEUTRAL, SCALE), theme);
        Canvas canvas = new Canvas(140, 300);
        AtomicReference<List<String>> labels = new AtomicReference<>();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            // OFF above the single value, as in a one-cell sweep worse than buy-and-hold
            labels.set(scale.paint(canvas.getGraphicsContext2D(), 10, 10, 290, v, v, 343_309));
            image.set(canvas.snapshot(new SnapshotParameters(), null));
        });
        assertThat(labels.get()).containsExactly(Metric.FINAL_VALUE.format(v));
        Color middle = image.get().getPixelReader().getColor(17, 150);
        assertThat(middle.getRed()).as("bar colour " + middle).isCloseTo(NEUTRAL.getRed(), Offset.offset(0.01));
        assertThat(middle.getGreen()).as("bar colour " + middle).isCloseTo(NEUTRAL.getGreen(), Offset.offset(0.01));
        assertThat(middle.getBlue()).as("bar colour " + middle).isCloseTo(NEUTRAL.getBlue(), Offset.offset(0.01));
    }
}
