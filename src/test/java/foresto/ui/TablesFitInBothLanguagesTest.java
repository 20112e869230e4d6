package foresto.ui;

import foresto.engine.BaseDayPolicy;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.ui.common.AssetClassText;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.main.MainViewModel;
import foresto.ui.sweep.SweepViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables the newcomer found cut at 1280 × 800, in Korean and in English: the weights at close on an event day of a
 * four-class portfolio, the Flows table of a monthly contribution, and the Sweep's cells after a sweep; every header
 * and every rule cell of the cells drawn in full.
 */
class TablesFitInBothLanguagesTest extends FixtureTestBase {
    @Test
    void inKoreanNoHeaderOfTheWeightsFlowsOrSweepCellsTablesIsCut(FxRobot robot) throws Exception {
        assertThat(cutIn(robot, Locale.KOREAN, "ko")).as("Korean headers and rule cells cut at 1280 × 800").isEmpty();
    }

    @Test
    void inEnglishNoHeaderOfTheWeightsFlowsOrSweepCellsTablesIsCut(FxRobot robot) throws Exception {
        assertThat(cutIn(robot, Locale.ENGLISH, "en")).as("English headers and rule cells cut at 1280 × 800").isEmpty();
    }

    private List<String> cutIn(FxRobot robot, Locale language, String tag) throws Exception {
        fx.showSmallest(language);
        MainViewModel vm = fx.window.mainViewModel();
        fx.chooseFourClassesWithDrift(robot, "Four " + tag + " " + System.nanoTime());
        robot.interact(() -> {
            CashFlowSetup s = vm.cashFlows().choices();
            s.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
            s.amountProperty().set("1000");
            s.frequencyProperty().set(Frequency.MONTHLY);
            s.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
            s.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get()
                && fx.window.main().chartedRun.get() == vm.resultProperty().get());
        assertThat(vm.getEvents()).isNotEmpty();
        robot.interact(() -> vm.selectedEventProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();

        TableView<?> weights = robot.lookup("#weightsTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> weights.getItems().size() == 4);
        robot.interact(weights::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "weights-event-1280x800-" + tag + ".png");
        cut.addAll(ReadableTablesTest.cutHeaders("weights at close", weights));

        TabPane lower = fx.window.main().lowerTabs();
        Tab flowsTab = lower.getTabs().stream().filter(t -> "flowsTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> lower.getSelectionModel().select(flowsTab));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> flows = robot.lookup("#flowsTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !flows.getItems().isEmpty());
        robot.interact(flows::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "flows-1280x800-" + tag + ".png");
        cut.addAll(ReadableTablesTest.cutHeaders("flows", flows));
        cut.addAll(beyondTheRightEdge("flows", flows));
        // the class columns in the app's class order, Equity first
        List<String> classTitles = flows.getVisibleLeafColumns().stream().skip(2).map(TableColumnBase::getText).toList();
        List<String> classNames = List.of("EQUITY", "BOND", "SHORT_TERM", "GOLD").stream().map(AssetClassText::of).toList();
        assertThat(classTitles).as("flows class columns").hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(classTitles.get(i)).as("flows class column " + i).startsWith(classNames.get(i));
        }
        // dates on screen read as in the events table and the pickers, in either language
        Object firstDate = flows.getVisibleLeafColumns().get(0).getCellData(0);
        assertThat(String.valueOf(firstDate)).as("a flow's date").matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(vm.dayDetailProperty().get()).as("the selected day's detail").containsPattern("^\\d{4}-\\d{2}-\\d{2}");
        robot.interact(() -> lower.getSelectionModel().select(0));

        SweepViewModel sweep = fx.window.sweepViewModel();
        TabPane tabs = fx.window.main().tabs();
        Tab sweepTab = tabs.getTabs().stream().filter(t -> "sweepTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            tabs.getSelectionModel().select(sweepTab);
            sweep.fromProperty().set("0.02");
            sweep.toProperty().set("0.06");
            sweep.stepProperty().set("0.02");
            sweep.costRatesProperty().set("0,0.002");
        });
        robot.interact(sweep::run);
        UiFixture.waitUntil(() -> sweep.resultProperty().get() != null && !sweep.busyProperty().get());
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        UiFixture.showTabOf(robot, cells);
        robot.interact(cells::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "sweep-cells-1280x800-" + tag + ".png");
        cut.addAll(ReadableTablesTest.cutHeaders("sweep cells", cells));
        cut.addAll(ReadableTablesTest.cutCells(cells, List.of(cells.getColumns().get(0).getText())));
        // then every table on every tab, as the English check does
        Set<TableView<?>> seen = new LinkedHashSet<>();
        for (Tab t : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            ReadableTablesTest.visit(robot, t.getText(), t.getContent(), seen, cut);
        }
        assertThat(seen).as("tables looked at").extracting(Node::getId)
                .contains("eventTable", "historyTable", "ruleTable", "sweepCellTable", "flowsTable", "weightsTable");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        return cut;
    }

    /** The headers of a table that fits its columns without a scroll bar but whose last column passes its right edge. */
    private static List<String> beyondTheRightEdge(String where, TableView<?> table) {
        double sum = table.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getWidth).sum();
        double inside = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight();
        boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(n -> n.isVisible()
                && n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL);
        return sum > inside + 0.5 && !scrolls ? List.of(where + ": columns " + Math.round(sum) + " px in a "
                + Math.round(inside) + " px table without a scroll bar") : List.of();
    }
}
