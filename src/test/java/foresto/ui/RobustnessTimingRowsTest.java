package foresto.ui;

import foresto.i18n.Messages;
import foresto.ui.robust.PathChart;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800, in English and in Korean, the Robustness tab's timing study shows at least six rows of its variants
 * table under the value paths, with the headline figures and the Run and Cancel buttons in view.
 */
class RobustnessTimingRowsTest extends RobotTestBase {
    private static final String QUARTERLY = "P2_PERIODIC_QUARTERLY_FTD_10BP";

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void theVariantsTableShowsSixRowsUnderTheChartAt1280x800(String language, FxRobot robot)
            throws TimeoutException, IOException {
        fx.openRobustness(robot, language, 1280, 800, QUARTERLY);
        Label note = robot.lookup("#robustTimingNote").queryAs(Label.class);
        assertThat(note.isVisible()).as("the note before a study").isTrue();
        TableView<?> table = fx.runStudy(robot, "#robustTimingRun", "#robustTimingTable", 3);

        Node header = table.lookup(".column-header-background");
        Region row = (Region) table.lookup(".table-row-cell");
        double rowsShown = (table.getHeight() - header.getBoundsInParent().getHeight()) / row.getHeight();
        Region chart = robot.lookup("#robustTimingChart").queryAs(Region.class);
        String sizes = language + ": chart " + chart.getHeight() + " px, table " + table.getHeight() + " px, row "
                + row.getHeight() + " px, header " + header.getBoundsInParent().getHeight() + " px, " + rowsShown + " rows";
        fx.screenshot(robot, "robustness-timing-1280x800-" + language + ".png");
        Files.writeString(Path.of("target/screenshots", "robustness-timing-1280x800-" + language + ".txt"), sizes);
        assertThat(rowsShown).as("variant rows in view: " + sizes).isGreaterThanOrEqualTo(6);
        assertThat(chart.getHeight()).as("chart height: " + sizes).isGreaterThanOrEqualTo(160);

        // the table, the headline and the Run and Cancel buttons lie within the window, uncut
        double windowBottom = fx.window.scene().getHeight();
        assertThat(UiFixture.sceneBottom(table)).as("table bottom: " + sizes).isLessThanOrEqualTo(windowBottom);
        // the note gives its line to the chart once the headline says what varied; it stays on the Run button
        assertThat(note.isVisible()).as("the note beside a study").isFalse();
        assertThat(robot.lookup("#robustTimingRun").queryAs(Button.class).getTooltip().getText()).isEqualTo(note.getText())
                .isEqualTo(Messages.tr("robust.timingNote"));
        Label headline = robot.lookup("#robustTimingHeadline").queryAs(Label.class);
        assertThat(headline.getText()).isNotEmpty();
        assertThat(headline.getHeight()).as("headline height").isGreaterThanOrEqualTo(headline.prefHeight(headline.getWidth()) - 0.5);
        assertThat(UiFixture.sceneTop(headline)).isGreaterThanOrEqualTo(0);
        for (String id : new String[] {"#robustTimingRun", "#robustCancelButton"}) {
            Node button = robot.lookup(id).query();
            assertThat(UiFixture.sceneTop(button)).as(id + " top").isGreaterThanOrEqualTo(0);
            assertThat(UiFixture.sceneBottom(button)).as(id + " bottom").isLessThanOrEqualTo(windowBottom);
        }
    }

    /**
     * With the setup's cash flows on (their note shown), the value paths get a readable height over six rows of the
     * table, the divider moves either way, and the hover readout's box lies inside the chart wherever the pointer is,
     * naming the best and worst variants.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void withCashFlowsTheChartIsReadableAndItsReadoutStaysInside(String language, FxRobot robot)
            throws TimeoutException {
        fx.openRobustness(robot, language, 1280, 800, QUARTERLY);
        fx.contribute(robot, "100");
        Label flowsNote = robot.lookup("#robustFlowsNote").queryAs(Label.class);
        assertThat(flowsNote.isVisible()).as("the cash-flow note").isTrue();
        TableView<?> table = fx.runStudy(robot, "#robustTimingRun", "#robustTimingTable", 3);
        fx.screenshot(robot, "robustness-timing-flows-1280x800-" + language + ".png");

        PathChart chart = robot.lookup("#robustTimingChart").queryAs(PathChart.class);
        Node header = table.lookup(".column-header-background");
        Region row = (Region) table.lookup(".table-row-cell");
        double rowsShown = (table.getHeight() - header.getBoundsInParent().getHeight()) / row.getHeight();
        String sizes = language + ": chart " + chart.getHeight() + " px, table " + table.getHeight() + " px, " + rowsShown + " rows";
        assertThat(chart.getHeight()).as("chart height: " + sizes).isGreaterThanOrEqualTo(220);
        assertThat(rowsShown).as("variant rows in view: " + sizes).isGreaterThanOrEqualTo(6);
        assertThat(UiFixture.sceneBottom(table)).as("table bottom: " + sizes).isLessThanOrEqualTo(fx.window.scene().getHeight());
        assertThat(UiFixture.sceneBottom(flowsNote)).as("the note on the sub-views' tab row")
                .isLessThanOrEqualTo(UiFixture.sceneTop(robot.lookup("#robustTimingRun").query()));

        // the readout inside the chart at its left, middle and right, near the top and the bottom of the plot
        for (double fx0 : new double[] {0.12, 0.5, 0.97}) {
            for (double fy : new double[] {0.35, 0.9}) {
                robot.interact(() -> chart.hover(chart.getWidth() * fx0, chart.getHeight() * fy));
                String at = "pointer at " + fx0 + ", " + fy + " of " + sizes;
                Bounds box = chart.readoutBounds().orElseThrow(() -> new AssertionError("no readout: " + at));
                assertThat(box.getMinX()).as("left " + at).isGreaterThanOrEqualTo(0);
                assertThat(box.getMinY()).as("top " + at).isGreaterThanOrEqualTo(0);
                assertThat(box.getMaxX()).as("right " + at).isLessThanOrEqualTo(chart.getWidth());
                assertThat(box.getMaxY()).as("bottom " + at).isLessThanOrEqualTo(chart.getHeight());
                String text = chart.readoutText();
                assertThat(text).as(at).contains(Messages.tr("robust.chart.tranche"), Messages.tr("main.perf.offCol"));
                assertThat(text.lines().filter(l -> l.startsWith(Messages.tr("robust.chart.best", "").trim())
                        || l.startsWith(Messages.tr("robust.chart.worst", "").trim())).count()).as("best and worst " + at)
                        .isEqualTo(2);
            }
        }

        // the divider moves down (a bigger chart, fewer rows) and back up
        SplitPane split = robot.lookup("#robustTimingSplit").queryAs(SplitPane.class);
        double start = split.getDividerPositions()[0];
        robot.interact(() -> {
            split.setDividerPositions(start + 0.15);
            split.layout();
        });
        assertThat(split.getDividerPositions()[0]).as("moved down").isGreaterThan(start + 0.1);
        double lower = chart.getHeight();
        robot.interact(() -> {
            split.setDividerPositions(start - 0.02);
            split.layout();
        });
        assertThat(split.getDividerPositions()[0]).as("moved up").isLessThan(start);
        assertThat(chart.getHeight()).isLessThan(lower);
    }
}
