package foresto.ui;

import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.i18n.Messages;
import foresto.ui.common.RuleText;
import foresto.ui.sweep.SweepViewModel;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One form per meaning on the Sweep and Robustness tabs: the Cells table names a cell's rule in the heatmap's words
 * (its spec on hover) and sorts them in the grid's order, not as text; a robust cell's hover writes P(beats OFF) with
 * two decimals, as the table and the Robustness tab do; the timing table's figures are right-aligned.
 */
class RobustSweepFormatsTest extends RobotTestBase {

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /**
     * In English, once the setup has loaded, a sweep of absolute bands {@code from} … {@code to} by {@code step} at the
     * cost rates {@code costs}, each cell also on {@code paths} resampled histories ("": none), run on the Sweep tab.
     */
    private SweepRunner.Result absoluteBands(FxRobot robot, String from, String to, String step, String costs,
                                             String paths) {
        Messages.use(Locale.ENGLISH);
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty()
                && !fx.window.mainViewModel().busyProperty().get());
        SweepViewModel vm = fx.window.sweepViewModel();
        robot.interact(() -> {
            vm.familyProperty().set(SweepViewModel.Family.ABSOLUTE_BAND);
            vm.fromProperty().set(from);
            vm.toProperty().set(to);
            vm.stepProperty().set(step);
            vm.costRatesProperty().set(costs);
            vm.bootstrapPathsProperty().set(paths);
            TabPane tabs = fx.window.main().tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getContent() == fx.window.sweepView()).findFirst().orElseThrow());
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        return vm.resultProperty().get();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theCellsTableWritesRulesInWordsAndSortsThemByBand(FxRobot robot) {
        SweepRunner.Result r = absoluteBands(robot, "0.02", "0.10", "0.04", "0", "");
        assertThat(r.rules()).containsExactly("drift:0.02", "drift:0.06", "drift:0.1");
        TableView<SweepRunner.Row> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        UiFixture.showTabOf(robot, cells);
        TableColumn<SweepRunner.Row, ?> rule = cells.getColumns().get(0);
        assertThat(rule.getText()).isEqualTo(Messages.tr("sweep.col.rule"));
        List<Object> shown = new ArrayList<>();
        for (int i = 0; i < cells.getItems().size(); i++) {
            shown.add(rule.getCellData(i));
        }
        assertThat(shown).containsExactly("Drift ≥ 2 %p", "Drift ≥ 6 %p", "Drift ≥ 10 %p");
        SweepRunner.Row cell = r.at(0, 0);
        assertThat(shown.get(0)).isEqualTo(RuleText.brief(InlineRule.of(cell.rule(), null, cell.costRate(), cell.check(),
                cell.rebalanceTo())));
        // its spec on hover, as the CSV and the command line write it
        robot.interact(cells::layout);
        TableCell<?, ?> first = cellOf(cells, rule, "Drift ≥ 2 %p");
        assertThat(first.getTooltip()).isNotNull();
        assertThat(first.getTooltip().getText()).isEqualTo("drift:0.02");
        // sorted by the band (as text "Drift ≥ 10 %p" would come first)
        robot.interact(() -> {
            cells.getSortOrder().setAll((TableColumn) rule);
            rule.setSortType(TableColumn.SortType.DESCENDING);
            cells.sort();
        });
        assertThat(cells.getItems()).extracting(SweepRunner.Row::rule).containsExactly("drift:0.1", "drift:0.06", "drift:0.02");
        robot.interact(() -> {
            rule.setSortType(TableColumn.SortType.ASCENDING);
            cells.sort();
        });
        assertThat(cells.getItems()).extracting(SweepRunner.Row::rule).containsExactly("drift:0.02", "drift:0.06", "drift:0.1");
    }

    @Test
    void aRobustCellsHoverWritesItsShareAsTheCellsTableDoes(FxRobot robot) {
        SweepRunner.Row cell = absoluteBands(robot, "0.05", "0.05", "0.01", "0.001", "8").at(0, 0);
        String share = String.format(Locale.ROOT, "%.2f %%", cell.robust().pBeatsOff() * 100);
        String se = String.format(Locale.ROOT, "%.2f %%", cell.robust().pBeatsOffSe() * 100);
        assertThat(fx.window.sweepView().heatmap().describe(0, 0))
                .contains("ended above OFF in " + share + " ± " + se + " of 8 resampled histories");
    }

    @Test
    void theTimingTablesFiguresAreRightAligned(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        fx.resize(robot, 1280, 800);
        fx.showRobustnessWith(robot, "P2_PERIODIC_QUARTERLY_FTD_10BP");
        var vm = fx.window.mainViewModel();
        robot.clickOn("#robustTimingRun");
        TableView<?> table = robot.lookup("#robustTimingTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() >= 3 && !vm.busyProperty().get());
        robot.interact(table::layout);
        WaitForAsyncUtils.waitForFxEvents();
        for (int c = 0; c < table.getColumns().size(); c++) {
            TableColumn<?, ?> column = table.getColumns().get(c);
            String text = String.valueOf(column.getCellData(0));
            TableCell<?, ?> cell = cellOf(table, column, text);
            HPos expected = c < 2 ? HPos.LEFT : HPos.RIGHT; // months and day are words; the rest figures
            assertThat(cell.getAlignment().getHpos()).as(column.getText() + " \"" + text + "\"").isEqualTo(expected);
        }
    }

    /** The shown cell of {@code column} whose text is {@code text}. */
    private static TableCell<?, ?> cellOf(TableView<?> table, TableColumn<?, ?> column, String text) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && text.equals(cell.getText())) {
                return cell;
            }
        }
        throw new AssertionError("no cell \"" + text + "\" in " + column.getText());
    }
}
