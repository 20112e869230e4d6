package foresto.ui;

import foresto.engine.BaseDayPolicy;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.main.EventRow;
import foresto.ui.main.MainViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new run on a window of 1280 × 800: a sorted events table shows the new run's rows in its sort order, and the
 * Summary's "saved vs pro rata" sentence wraps inside the Summary instead of running off its right edge.
 */
class NewRunScreenTest extends RobotTestBase {

    @Override
    @BeforeEach
    void showWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            fx.startAt(stage, 1280, 800);
            stage.setX(0);
            stage.setY(0);
        });
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && !vm().getRules().isEmpty() && !vm().getPortfolios().isEmpty());
    }

    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    private void run(FxRobot robot, String portfolio, String rule, boolean contribution) {
        robot.interact(() -> {
            vm().portfolioProperty().set(vm().getPortfolios().stream().filter(p -> p.name().equals(portfolio))
                    .findFirst().orElseThrow());
            vm().ruleProperty().set(vm().getRules().stream().filter(r -> r.ruleName().equals(rule)).findFirst().orElseThrow());
            vm().rebalancingOnProperty().set(true);
            CashFlowSetup s = vm().cashFlows().choices();
            s.kindProperty().set(contribution ? CashFlowSetup.Kind.CONTRIBUTION : CashFlowSetup.Kind.NONE);
            s.amountProperty().set(contribution ? "1000" : "");
            s.frequencyProperty().set(Frequency.MONTHLY);
            s.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
            s.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        });
        Object before = vm().resultProperty().get();
        robot.interact(() -> vm().run());
        UiFixture.waitUntil(() -> vm().resultProperty().get() != null && vm().resultProperty().get() != before
                && !vm().busyProperty().get() && fx.window.main().chartedRun.get() == vm().resultProperty().get());
    }

    private void select(FxRobot robot, String id) {
        Tab tab = fx.window.main().lowerTabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> fx.window.main().lowerTabs().getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSortedEventsTableShowsTheNextRunsRowsSorted(FxRobot robot) {
        run(robot, "Growth 80/20", "P2_PERIODIC_QUARTERLY_FTD_10BP", false);
        select(robot, "eventsTab");
        TableView<Object> table = robot.lookup("#eventTable").queryAs(TableView.class);
        int first = vm().getEvents().size();
        UiFixture.waitUntil(() -> table.getItems().size() == first);
        TableColumn<Object, ?> turnover = table.getColumns().stream()
                .filter(c -> c.getText().startsWith("Turnover")).findFirst().orElseThrow();
        robot.interact(() -> {
            turnover.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(turnover));
        });
        assertThat(turnovers(table)).isSorted();

        run(robot, "Growth 80/20", "P2_DRIFT_5PCT_10BP", false);
        int second = vm().getEvents().size();
        UiFixture.waitUntil(() -> table.getItems().size() == second
                && ((EventRow) table.getItems().get(0)).event() != null
                && vm().getEvents().contains(((EventRow) table.getItems().get(0)).event()));
        assertThat(table.getSortOrder()).containsExactly(turnover);
        List<Double> shown = turnovers(table);
        assertThat(shown).hasSize(second).isSorted();
        // the run's events themselves keep their date order
        assertThat(vm().getEvents().stream().map(e -> e.turnover()).toList()).isNotEqualTo(shown);
    }

    private static List<Double> turnovers(TableView<Object> table) {
        return table.getItems().stream().map(r -> ((EventRow) r).event().turnover()).toList();
    }

    @Test
    void theSavedVersusProRataSentenceWrapsInsideTheSummary(FxRobot robot) {
        run(robot, "Growth 80/20", "P2_DRIFT_5PCT_10BP", true);
        UiFixture.waitUntil(() -> vm().cashFlows().hasFlows() && vm().cashFlows().comparisonProperty().get() != null);
        select(robot, "summaryTab");
        Label line = robot.lookup("#flowComparisonLabel").queryAs(Label.class);
        UiFixture.waitUntil(() -> line.isVisible() && !line.getText().isEmpty() && line.getWidth() > 0);
        ScrollPane summary = (ScrollPane) ancestor(line, ScrollPane.class);
        Bounds viewport = summary.localToScene(summary.getBoundsInLocal());
        Bounds text = line.localToScene(line.getBoundsInLocal());
        assertThat(line.getWidth()).as("the sentence's width against the Summary's view")
                .isLessThanOrEqualTo(summary.getViewportBounds().getWidth() + 0.5);
        assertThat(text.getMaxX()).isLessThanOrEqualTo(viewport.getMaxX() + 0.5);
        assertThat(line.getHeight()).as("wrapped onto more lines, not cut").isGreaterThanOrEqualTo(line.prefHeight(line.getWidth()) - 0.5);
    }

    private static Node ancestor(Node n, Class<?> type) {
        Node p = n.getParent();
        while (p != null && !type.isInstance(p)) {
            p = p.getParent();
        }
        assertThat(p).as("a %s around %s", type.getSimpleName(), n).isNotNull();
        return p;
    }
}
