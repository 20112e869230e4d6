package foresto.ui;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** At 1280 × 800 the Analysis tab shows a value chart of at least 160 px (141 before) above an events table of eight rows. */
class AnalysisLayoutTest extends RobotTestBase {

    @Test
    void theValueChartIsReadableAboveEightEventRowsAt1280x800(FxRobot robot) {
        robot.interact(() -> {
            Window w = fx.window.scene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(1280);
            w.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        robot.interact(() -> {
            vm.ruleProperty().set(vm.getRules().stream()
                    .filter(r -> r.ruleName().equals("P2_PERIODIC_MONTHLY_FTD_10BP")).findFirst().orElseThrow());
            vm.rebalancingOnProperty().set(true);
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> events.getItems().size() == vm.getEvents().size());
        robot.interact(() -> fx.window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();

        Region valueChart = robot.lookup("#valueChartHost").queryAs(Region.class);
        Node header = events.lookup(".column-header-background");
        Node row = events.lookup(".table-row-cell");
        double rowsShown = (events.getHeight() - header.getBoundsInParent().getHeight()) / ((Region) row).getHeight();
        fx.screenshot(robot, "analysis-1280x800.png");
        assertThat(valueChart.getHeight()).as("value chart height at 1280 × 800 (events table " + events.getHeight()
                + " px, " + rowsShown + " rows)").isGreaterThanOrEqualTo(160);
        assertThat(rowsShown).as("event rows in view at 1280 × 800 (value chart " + valueChart.getHeight() + " px)")
                .isGreaterThanOrEqualTo(8);
    }
}
