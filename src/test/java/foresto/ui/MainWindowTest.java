package foresto.ui;

import foresto.backtest.BacktestRequest;
import foresto.csv.EventTable;
import foresto.engine.MissingDataPolicy;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import foresto.ui.main.EventRow;
import foresto.ui.main.MainViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Robot tests of the analysis screen, headless under Monocle, on a real PostgreSQL. */
class MainWindowTest extends RobotTestBase {
    @TempDir
    static Path dir;

    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String comboId, String text) {
        robot.clickOn("#" + comboId);
        robot.clickOn(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && cell.getText() != null && cell.getText().equals(text));
    }

    @Test
    void pickPortfolioAndRuleToggleOnRunThenChartsTableAndExportAgree(FxRobot robot) throws Exception {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        choose(robot, "portfolioBox", "Growth 80/20");
        choose(robot, "ruleBox", "P2_PERIODIC_QUARTERLY_FTD_10BP");
        CheckBox toggle = robot.lookup("#rebalancingToggle").queryAs(CheckBox.class);
        if (toggle.isSelected()) {
            robot.clickOn(toggle); // make sure the click below is what turns it on
        }
        robot.clickOn(toggle);
        assertThat(vm().rebalancingOnProperty().get()).isTrue();
        assertThat(vm().portfolioProperty().get().name()).isEqualTo("Growth 80/20");
        assertThat(vm().ruleProperty().get().ruleName()).isEqualTo("P2_PERIODIC_QUARTERLY_FTD_10BP");

        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> vm().resultProperty().get() != null && !vm().busyProperty().get()
                && fx.window.main().chartedRun.get() == vm().resultProperty().get());

        int events = vm().getEvents().size();
        assertThat(events).isEqualTo(39); // 2010-04 .. 2019-10: 39 quarter starts after the purchase
        var valueChart = fx.window.main().valueChart();
        UiFixture.waitUntil(() -> valueChart.markerIds().size() == events); // drawn at the next pulse
        assertThat(valueChart.seriesNames()).containsExactly("ON: P2_PERIODIC_QUARTERLY_FTD_10BP", "OFF: buy-and-hold",
                "Rebalancing events");
        assertThat(valueChart.markerIds()).hasSize(events);
        assertThat(fx.window.main().driftChart().markerIds()).hasSize(events);
        TableView<?> table = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() == events); // two frames after the charts
        var firstRow = (EventRow) table.getItems().get(0);
        assertThat(firstRow.event()).isSameAs(vm().getEvents().get(0));
        assertThat(firstRow.cells()).isEqualTo(EventRow.of(0, vm().getEvents().get(0)).cells());
        assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo(vm().getEvents().get(0).eventDate().toString());
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactlyElementsOf(EventTable.COLUMNS.stream().map(EventTable.Column::title).toList());

        // selecting a row highlights its marker on both charts, and a marker click selects the row
        robot.interact(() -> table.getSelectionModel().select(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().selectedEventProperty().get()).isEqualTo(5);
        assertThat(fx.window.main().valueChart().selectedMarkerIds()).containsExactly(5);
        assertThat(fx.window.main().driftChart().selectedMarkerIds()).containsExactly(5);
        robot.clickOn(fx.window.main().valueChart().markerScreenPoint(9));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(9);

        // sorting the table reorders its rows only: the run's events keep their date order, and a marker still selects
        // its own row wherever the sort put it
        List<LocalDate> dates = vm().getEvents().stream().map(e -> e.eventDate()).toList();
        @SuppressWarnings("unchecked")
        var turnover = (TableColumn<Object, ?>) table.getColumns().get(
                EventTable.headers().indexOf("turnover"));
        robot.interact(() -> {
            turnover.setSortType(TableColumn.SortType.DESCENDING);
            ((TableView<Object>) table).getSortOrder().setAll(turnover);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((EventRow) table.getItems().get(0)).index()).isNotZero();
        assertThat(vm().getEvents().stream().map(e -> e.eventDate()).toList()).isEqualTo(dates);
        robot.clickOn(fx.window.main().valueChart().markerScreenPoint(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((EventRow) table.getSelectionModel().getSelectedItem()).index()).isEqualTo(3);
        assertThat(vm().selectedEventProperty().get()).isEqualTo(3);
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(vm().getWeightsAtDay()).hasSize(2);
        assertThat(vm().dayDetailProperty().get()).contains("Event: first trading day of the quarter");

        // the summary shows both paths
        assertThat(vm().getSummary()).hasSize(11);
        assertThat(robot.lookup("#weightsTable").queryAs(TableView.class).getColumns())
                .extracting(c -> ((TableColumn<?, ?>) c).getText()).contains("Drift (% of band)");
        assertThat(vm().getSummary().get(5).on()).isEqualTo(Integer.toString(events));

        // export writes the same rows
        fx.exportTarget = dir.resolve("ui-events.csv");
        robot.clickOn("#exportButton");
        UiFixture.waitUntil(() -> Files.exists(fx.exportTarget) && !vm().busyProperty().get());
        List<String> lines = List.of(Files.readString(fx.exportTarget, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(events + 1);
        assertThat(lines.get(0)).isEqualTo(String.join(",", EventTable.headers()));
        assertThat(lines.get(1)).startsWith(vm().getEvents().get(0).eventDate() + ",PERIODIC,");

        // zoom to a date range and back
        var value = fx.window.main().valueChart();
        robot.interact(() -> value.zoomTo(LocalDate.of(2015, 1, 1).toEpochDay(),
                LocalDate.of(2016, 12, 31).toEpochDay()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.markerIds()).hasSize(8);
        assertThat(fx.window.main().driftChart().markerIds()).hasSize(8);
        assertThat(value.markersOnLine()).isTrue(); // eight events across the plot: drawn on the line too
        robot.clickOn("#resetZoomButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.markerIds()).hasSize(events);
        robot.clickOn("#logScaleBox");
        assertThat(value.logScaleProperty().get()).isTrue();

        fx.screenshot(robot, "main-window.png");

        // the same request again is reused, visibly (Ctrl+Enter runs)
        robot.press(KeyCode.CONTROL, KeyCode.ENTER)
                .release(KeyCode.ENTER, KeyCode.CONTROL);
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().statusProperty().get().startsWith("Reused run #"));
        assertThat(vm().resultProperty().get().reused()).isTrue();
    }

    @Test
    void historyOpensAStoredRunWithoutRecomputing(FxRobot robot) {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        PortfolioRecord p = vm().getPortfolios().get(0);
        RuleRecord r = vm().getRules().get(0);
        var stored = fx.service.run(new BacktestRequest(p.portfolioId(), null, null, null, 5.0,
                MissingDataPolicy.SKIP, r.ruleId()));
        robot.interact(() -> vm().open(stored.runId()));
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null && vm().resultProperty().get().run().runId() == stored.runId());
        assertThat(vm().statusProperty().get()).startsWith("Reused run #" + stored.runId());
        assertThat(vm().getEvents()).hasSize(stored.eventCount());
        assertThat(vm().getHistory()).extracting(x -> x.runId()).contains(stored.runId());
        assertThat(robot.lookup("#openRunButton").queryAs(Button.class)).isNotNull();
        assertThat(robot.lookup("#portfolioBox").queryAs(ComboBox.class).getItems()).isNotEmpty();

        // the History table, not in view, is brought up to date when its tab is opened (not on every stored run)
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup("#historyTable").queryTableView();
        assertThat(table.getItems()).isEmpty();
        robot.clickOn("History");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).containsExactlyElementsOf(vm().getHistory());
        assertThat(table.getItems()).extracting(RunRecord::runId).contains(stored.runId());
        robot.clickOn("Analysis");
    }
}
