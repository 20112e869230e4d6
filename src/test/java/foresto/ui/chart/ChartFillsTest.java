package foresto.ui.chart;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' axis-aligned lines, filled as rectangles (not stroked): which pixels they cover, read back from the
 * canvas and worked out by hand.
 */
@ExtendWith(ApplicationExtension.class)
class ChartFillsTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    private static PixelReader draw(FxRobot robot, Consumer<GraphicsContext> painting) {
        PixelReader[] out = new PixelReader[1];
        robot.interact(() -> {
            Canvas c = new Canvas(40, 20);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, 40, 20);
            g.setFill(Color.BLACK);
            painting.accept(g);
            out[0] = c.snapshot(null, null).getPixelReader();
        });
        return out[0];
    }

    private static boolean black(PixelReader p, int x, int y) {
        return p.getColor(x, y).getBrightness() < 0.01;
    }

    private static boolean white(PixelReader p, int x, int y) {
        return p.getColor(x, y).getBrightness() > 0.99;
    }

    @Test
    void aHorizontalDashedLineHasDashesAndGapsOfTheirLengthsAndStopsAtItsEnd(FxRobot robot) {
        // from 2 to 27, dashes of 6 and gaps of 4, one pixel thick on row 5: dashes cover 2–7, 12–17, 22–26 (cut at 27)
        PixelReader p = draw(robot, g -> ChartPainter.dashes(g, 2, 27, 5.5, 1, 6, 4, true));
        for (int x = 0; x < 40; x++) {
            boolean in = x >= 2 && x < 8 || x >= 12 && x < 18 || x >= 22 && x < 27;
            assertThat(in ? black(p, x, 5) : white(p, x, 5)).as("column " + x).isTrue();
            assertThat(white(p, x, 4) && white(p, x, 6)).as("rows beside, column " + x).isTrue();
        }
    }

    @Test
    void aVerticalDashedLineRunsDownItsColumn(FxRobot robot) {
        // column 10, from row 1 to 19, dashes of 3 and gaps of 3: rows 1–3, 7–9, 13–15 (19 is a gap's end)
        PixelReader p = draw(robot, g -> ChartPainter.dashes(g, 1, 19, 10.5, 1, 3, 3, false));
        for (int y = 0; y < 20; y++) {
            boolean in = y >= 1 && y < 4 || y >= 7 && y < 10 || y >= 13 && y < 16;
            assertThat(in ? black(p, 10, y) : white(p, 10, y)).as("row " + y).isTrue();
            assertThat(white(p, 9, y) && white(p, 11, y)).isTrue();
        }
    }

    @Test
    void aFrameCoversItsFourEdgesOnePixelWideAndNothingInside(FxRobot robot) {
        // outer edges: columns 3 and 3 + 30, rows 2 and 2 + 15
        PixelReader p = draw(robot, g -> ChartPainter.frame(g, 3, 2, 30, 15));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                boolean edge = (x == 3 || x == 33) && y >= 2 && y <= 17 || (y == 2 || y == 17) && x >= 3 && x <= 33;
                assertThat(edge ? !white(p, x, y) : white(p, x, y)).as("(" + x + ", " + y + ")").isTrue();
            }
        }
    }
}
