package foresto.ui;

import foresto.ui.main.RunModel;
import foresto.ui.common.ColumnFit;
import foresto.ui.sweep.SweepViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table readable at 1280 × 800, the smallest window the lab is made for: no header cut on any tab after a run,
 * the events table at least 8 rows tall, and numbers sorted as numbers.
 */
class ReadableTablesTest extends RobotTestBase {

    private void smallestWindow(FxRobot robot) {
        fx.resize(robot, 1280, 800);
    }

    private void runAnalysis(FxRobot robot) {
        var vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        robot.interact(() -> {
            vm.ruleProperty().set(vm.getRules().stream()
                    .filter(r -> r.ruleName().equals("P2_PERIODIC_MONTHLY_FTD_10BP")).findFirst().orElseThrow());
            vm.rebalancingOnProperty().set(true);
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        assertThat(vm.getEvents()).as("monthly rebalancing ON").hasSizeGreaterThan(100);
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> events.getItems().size() == vm.getEvents().size());
    }

    private void runSweep(FxRobot robot) {
        SweepViewModel vm = fx.window.sweepViewModel();
        robot.interact(() -> {
            vm.fromProperty().set("0.01");
            vm.toProperty().set("0.09");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.002");
        });
        robot.interact(() -> fx.window.main().tabs().getSelectionModel().select(tab(fx.window.main().tabs(), "Sweep")));
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
    }

    private static Tab tab(TabPane pane, String text) {
        return pane.getTabs().stream().filter(t -> text.equals(t.getText())).findFirst().orElseThrow();
    }

    @Test
    void noHeaderIsCutOnAnyTabAfterARunAtTheSmallestWindow(FxRobot robot) {
        smallestWindow(robot);
        runAnalysis(robot);
        runSweep(robot);
        List<String> cut = new ArrayList<>();
        Set<TableView<?>> seen = new LinkedHashSet<>();
        TabPane tabs = fx.window.main().tabs();
        for (Tab t : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            visit(robot, t.getText(), t.getContent(), seen, cut);
        }
        fx.screenshot(robot, "tables-1280x800.png");
        assertThat(seen).as("tables looked at").extracting(Node::getId)
                .contains("eventTable", "annualTable", "historyTable", "studyTable", "ruleTable", "sweepCellTable",
                        "robustTimingTable", "robustWindowsTable");
        assertThat(cut).as("headers cut at 1280 × 800").isEmpty();
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    /** Checks the tables showing under {@code root}, then every tab of the tab panes in it, one at a time. */
    static void visit(FxRobot robot, String where, Node root, Set<TableView<?>> seen, List<String> cut) {
        if (root == null) {
            return;
        }
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> table && table.isVisible() && table.getScene() != null && table.getWidth() > 0
                    && showing(table)) {
                seen.add(table);
                robot.interact(table::layout);
                cut.addAll(cutHeaders(where, table));
            }
        }
        for (Node n : root.lookupAll(".tab-pane")) {
            if (n instanceof TabPane inner && n != root && showing(inner)) {
                Tab keep = inner.getSelectionModel().getSelectedItem();
                for (Tab t : List.copyOf(inner.getTabs())) {
                    robot.interact(() -> inner.getSelectionModel().select(t));
                    WaitForAsyncUtils.waitForFxEvents();
                    visit(robot, where + " › " + t.getText(), t.getContent(), seen, cut);
                }
                robot.interact(() -> inner.getSelectionModel().select(keep));
            }
        }
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The headers of {@code table} whose text does not fit: measured with the header label's own font against the
     * column's width less the label's padding, and the text the label actually draws (an ellipsis when cut).
     */
    static List<String> cutHeaders(String where, TableView<?> table) {
        List<String> cut = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            Label label = ColumnFit.headerLabel(table, c);
            assertThat(label).as(where + ": header of " + c.getText()).isNotNull();
            Text measure = new Text(c.getText());
            measure.setFont(label.getFont());
            double text = measure.getLayoutBounds().getWidth();
            double room = c.getWidth() - label.getInsets().getLeft() - label.getInsets().getRight();
            Text drawn = (Text) label.lookup(".text");
            if (text > room || drawn == null || !c.getText().equals(drawn.getText())) {
                cut.add(where + " / " + table.getId() + " / \"" + c.getText() + "\": text " + Math.round(text)
                        + " px in a " + Math.round(c.getWidth()) + " px column"
                        + (drawn == null ? "" : ", drawn \"" + drawn.getText() + "\""));
            }
        }
        return cut;
    }

    /** Rows of {@code table} in view: its height under the header over its (fixed) row height. */
    private static double rowsInView(TableView<?> table) {
        Node header = table.lookup(".column-header-background");
        return (table.getHeight() - header.getBoundsInParent().getHeight()) / table.getFixedCellSize();
    }

    @Test
    void theFlowsAndWeightsTablesShowMoreRowsAtTheSmallestWindow(FxRobot robot) {
        smallestWindow(robot);
        runAnalysis(robot);
        TabPane lower = fx.window.main().lowerTabs();
        Tab flowsTab = lower.getTabs().stream().filter(t -> "flowsTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> lower.getSelectionModel().select(flowsTab));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> flows = robot.lookup("#flowsTable").queryAs(TableView.class);
        TableView<?> weights = robot.lookup("#weightsTable").queryAs(TableView.class);
        assertThat(rowsInView(flows)).as("flows rows at 1280 × 800 (table %s px, row %s px)", flows.getHeight(),
                flows.getFixedCellSize()).isGreaterThanOrEqualTo(6);
        assertThat(rowsInView(weights)).as("weights rows at 1280 × 800 (table %s px, row %s px)", weights.getHeight(),
                weights.getFixedCellSize()).isGreaterThanOrEqualTo(3);
        robot.interact(() -> lower.getSelectionModel().select(0));
    }

    @Test
    void onAnEventDayTheWeightsTableShowsEveryClassOfAFourClassPortfolioAndItsDriftInFull(FxRobot robot) {
        smallestWindow(robot);
        var vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        fx.chooseFourClassesWithDrift(robot, "Four classes " + System.nanoTime());
        // the targets in the weights table's order, each weight kept with its unit and class on one line
        assertThat(robot.lookup("#weightsLabel").queryAs(Label.class).getText()).isEqualTo(
                "Targets: Equity\u00a050.0\u00a0%, Bonds\u00a030.0\u00a0%, Short-term\u00a010.0\u00a0%, Gold\u00a010.0\u00a0%");
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        assertThat(vm.getEvents()).isNotEmpty();
        robot.interact(() -> vm.selectedEventProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.dayDetailProperty().get()).as("a day with an event").contains("\n").contains("breached");
        @SuppressWarnings("unchecked")
        TableView<RunModel.ClassWeight> weights = robot.lookup("#weightsTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> weights.getItems().size() == 4);
        robot.interact(weights::layout);
        fx.screenshot(robot, "weights-event-1280x800.png");
        assertThat(rowsInView(weights)).as("weights rows at 1280 × 800 on an event day (table %s px, row %s px)",
                weights.getHeight(), weights.getFixedCellSize()).isGreaterThanOrEqualTo(4);
        TableColumn<RunModel.ClassWeight, ?> drift = weights.getVisibleLeafColumns().get(weights.getVisibleLeafColumns().size() - 1);
        Label detail = robot.lookup("#dayDetailLabel").queryAs(Label.class);
        for (RunModel.ClassWeight w : weights.getItems()) {
            Text measure = new Text(w.driftCell());
            measure.setFont(detail.getFont());
            assertThat(measure.getLayoutBounds().getWidth() + 18).as("drift text " + w.driftCell() + " in "
                    + drift.getWidth() + " px").isLessThanOrEqualTo(drift.getWidth());
            assertThat(w.driftCell()).matches("[+-]?\\d+\\.\\d\\d %p \\(\\d+ %\\)");
        }
    }

    @Test
    void theCashFlowLabelsAreNotCutAtTheSmallestWindow(FxRobot robot) {
        smallestWindow(robot);
        TitledPane flows = robot.lookup("#cashFlowsPane").queryAs(TitledPane.class);
        robot.interact(() -> flows.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> flows.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "cash-flows-1280x800.png");
        List<String> cut = new ArrayList<>();
        int looked = 0;
        for (Node n : flows.lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                looked++;
                Text drawn = (Text) l.lookup(".text");
                if (drawn == null || !l.getText().equals(drawn.getText())) {
                    cut.add("\"" + l.getText() + "\" drawn \"" + (drawn == null ? null : drawn.getText()) + "\"");
                }
            }
        }
        robot.interact(() -> flows.setExpanded(false));
        assertThat(looked).isGreaterThanOrEqualTo(6);
        assertThat(cut).as("cash-flow labels cut at 1280 × 800").isEmpty();
    }

    @Test
    void historyShowsThePortfolioRuleAndDatasetNamesInFull(FxRobot robot) {
        smallestWindow(robot);
        runAnalysis(robot);
        TabPane tabs = fx.window.main().tabs();
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, "History")));
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !history.getItems().isEmpty());
        robot.interact(history::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "history-1280x800.png");
        List<String> cut = cutCells(history, List.of("Portfolio", "Rule", "Dataset"));
        assertThat(cut).as("history cells drawn cut at 1280 × 800").isEmpty();
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    /** The rendered cells of {@code table}'s columns titled {@code titles} whose text is drawn cut (an ellipsis). */
    static List<String> cutCells(TableView<?> table, List<String> titles) {
        List<String> cut = new ArrayList<>();
        int looked = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && titles.contains(cell.getTableColumn().getText()) && cell.getText() != null && !cell.getText().isEmpty()) {
                looked++;
                Text drawn = (Text) cell.lookup(".text");
                if (drawn == null || !cell.getText().equals(drawn.getText())) {
                    cut.add(cell.getTableColumn().getText() + ": \"" + cell.getText() + "\" drawn \""
                            + (drawn == null ? null : drawn.getText()) + "\" in " + Math.round(cell.getWidth()) + " px");
                }
            }
        }
        assertThat(looked).as("cells looked at").isGreaterThanOrEqualTo(titles.size());
        return cut;
    }

    @Test
    void theEventsTableShowsAtLeastEightRowsAndItsSplitCanBeDragged(FxRobot robot) {
        smallestWindow(robot);
        runAnalysis(robot);
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        assertThat(events.getItems().size()).isGreaterThan(8);
        Node header = events.lookup(".column-header-background");
        Node row = events.lookup(".table-row-cell");
        double rowsShown = (events.getHeight() - header.getBoundsInParent().getHeight()) / ((Region) row).getHeight();
        assertThat(rowsShown).as("rows in view at 1280 × 800 (table " + events.getHeight() + " px, header "
                + header.getBoundsInParent().getHeight() + " px, row " + ((Region) row).getHeight() + " px, window "
                + fx.window.scene().getHeight() + " px)").isGreaterThanOrEqualTo(8);
        fx.screenshot(robot, "events-1280x800.png");
        // the split between charts and the lower tabs is a divider the user drags
        var split = (SplitPane) robot.lookup("#analysisSplit").query();
        assertThat(split.getDividers()).hasSize(1);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClickOnANumbersHeaderSortsTheSweepCellsByValue(FxRobot robot) {
        smallestWindow(robot);
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty()
                && !fx.window.mainViewModel().busyProperty().get());
        runSweep(robot);
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        UiFixture.showTabOf(robot, cells);
        for (String title : List.of("Events", "Final value", "Cost rate")) {
            TableColumn<?, ?> column = cells.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst()
                    .orElseThrow();
            robot.interact(() -> ((TableView<Object>) cells).scrollToColumn((TableColumn<Object, ?>) column));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(ColumnFit.headerLabel(cells, column)); // ascending
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cells.getSortOrder()).containsExactly((TableColumn) column);
            List<String> texts = new ArrayList<>();
            robot.interact(() -> texts.addAll(shownTexts(cells, column)));
            List<Double> numbers = texts.stream().map(ReadableTablesTest::number).toList();
            assertThat(numbers).as(title + " " + texts).isSorted();
            if (title.equals("Events")) {
                // the grid's event counts mix one and two digits: sorted as text they would not be in this order
                assertThat(texts.stream().sorted().toList()).as("text order differs").isNotEqualTo(texts);
            }
        }
    }

    /** The texts the column's cells draw, top to bottom, scrolling each row into view. */
    private static List<String> shownTexts(TableView<?> table, TableColumn<?, ?> column) {
        TreeMap<Integer, String> byRow = new TreeMap<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            table.scrollTo(i);
            table.layout();
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && !cell.isEmpty()
                        && cell.getIndex() < table.getItems().size()) {
                    byRow.put(cell.getIndex(), cell.getText());
                }
            }
        }
        assertThat(byRow).as("every row drawn").hasSize(table.getItems().size());
        return List.copyOf(byRow.values());
    }

    /** The number a cell's text shows (grouping commas dropped). */
    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").replace("%", "").trim());
    }
}
