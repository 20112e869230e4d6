package foresto.ui;

import foresto.i18n.Messages;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
        Messages.use(Locale.forLanguageTag(language));
        FxToolkit.setupStage(stage -> fx.start(stage));
        fx.resize(robot, 1280, 800);
        fx.showRobustnessWith(robot, QUARTERLY);
        var vm = fx.window.mainViewModel();
        Label note = robot.lookup("#robustTimingNote").queryAs(Label.class);
        assertThat(note.isVisible()).as("the note before a study").isTrue();
        robot.clickOn("#robustTimingRun");
        TableView<?> table = robot.lookup("#robustTimingTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() >= 3 && !vm.busyProperty().get());
        robot.interact(() -> fx.window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();

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
}
