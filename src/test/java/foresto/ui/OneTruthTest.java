package foresto.ui;

import foresto.backtest.BacktestRequest;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.db.MarketDataRepository;
import foresto.engine.CheckFrequency;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RunRecord;
import foresto.rule.RuleCodec;
import foresto.sample.SyntheticMarket;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import foresto.ui.sweep.Heatmap;
import foresto.ui.sweep.SweepViewModel;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One truth on screen: what the setup shows is what the shown run was made of (opened from a sweep cell or the
 * History), an import keeps it, a dataset switch moves the window with the data, the setup says when it no longer
 * matches; hovering a chart reads out the day; a restart shows the last run and layout again.
 */
class OneTruthTest extends RobotTestBase {

    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    private void loaded() {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getLayoutBounds()).getMinY();
    }

    private Label changedLabel(FxRobot robot) {
        return robot.lookup("#changedLabel").queryAs(Label.class);
    }

    private void choose(FxRobot robot, String comboId, String text) {
        robot.clickOn("#" + comboId);
        robot.clickOn(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && cell.getText() != null && cell.getText().equals(text));
    }

    private void runAndWait(FxRobot robot) {
        long before = vm().resultProperty().get() == null ? -1 : vm().resultProperty().get().run().runId();
        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null
                && !vm().resultProperty().get().isPreview() && vm().resultProperty().get().run().runId() != before);
    }

    private static Point2D cellCentre(Heatmap map, int i, int j, SweepRunner.Result r) {
        return map.localToScreen(map.cellCentre(i, j)); // the heatmap's own geometry (its colour scale takes the right)
    }

    @Test
    void aSweepCellOpensWithItsRuleInTheSetupAndRunRepeatsIt(FxRobot robot) {
        loaded();
        // the setup shows a stored hybrid-or-other rule first; the cell's rule must replace it
        String storedRule = vm().ruleProperty().get().ruleName();
        SweepViewModel sweep = fx.window.sweepViewModel();
        robot.clickOn("Sweep");
        robot.interact(() -> {
            sweep.familyProperty().set(SweepViewModel.Family.HYBRID_BAND);
            sweep.fromProperty().set("0.03");
            sweep.toProperty().set("0.05");
            sweep.stepProperty().set("0.02");
            sweep.rhoProperty().set("0.25");
            sweep.costRatesProperty().set("0,0.002");
        });
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> sweep.resultProperty().get() != null && !sweep.busyProperty().get());
        SweepRunner.Result r = sweep.resultProperty().get();
        assertThat(r.rules()).containsExactly("drift-hybrid:0.03/0.25", "drift-hybrid:0.05/0.25");
        robot.clickOn(cellCentre(fx.window.sweepView().heatmap(), 1, 1, r));
        UiFixture.waitUntil(() -> fx.window.main().tabs().getSelectionModel().getSelectedIndex() == 0);
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null
                && !vm().resultProperty().get().isPreview());
        RunModel shown = vm().resultProperty().get();
        assertThat(shown.run().summary().on().finalValue()).isEqualTo(r.at(1, 1).metrics().finalValue());

        // the setup now holds the cell's rule, cost included, and says so in its picker and label
        assertThat(vm().rebalancingOnProperty().get()).isTrue();
        assertThat(vm().ruleProperty().get().ruleName()).isNotEqualTo(storedRule)
                .isEqualTo("Drift ≥ min(5 %p, 25 % of target), cost 0.20 % (sweep cell)");
        ComboBox<?> ruleBox = robot.lookup("#ruleBox").queryComboBox();
        assertThat(ruleBox.getButtonCell().getText()).isEqualTo("Drift ≥ min(5 %p, 25 % of target), cost 0.20 % (sweep cell)");
        RebalancingRule asked = vm().request().inlineRule();
        assertThat(RuleCodec.spec(asked)).isEqualTo("drift-hybrid:0.05/0.25");
        assertThat(asked.costRate()).isEqualTo(0.002);
        assertThat(changedLabel(robot).isVisible()).isFalse();

        // Run repeats exactly the cell: the same stored run
        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().statusProperty().get().startsWith("Reused run #"));
        assertThat(vm().resultProperty().get().run().runId()).isEqualTo(shown.run().runId());
    }

    @Test
    void aRunOpenedFromTheHistoryPutsEveryChoiceIntoTheSetupAndEditsShowChangedSinceThisRun(FxRobot robot) {
        loaded();
        PortfolioRecord p = vm().getPortfolios().get(1);
        DatasetRecord d = vm().getDatasets().stream().filter(x -> x.label().startsWith("SYNTHETIC ui")).findFirst().orElseThrow();
        RebalancingRule rule = InlineRule.of("drift-hybrid:0.04/0.3", null, 0.0015, "monthly", 0.5);
        var stored = fx.service.run(new BacktestRequest(p.portfolioId(), d.datasetId(), LocalDate.of(2011, 2, 1),
                LocalDate.of(2016, 6, 30), 2500.0, MissingDataPolicy.SKIP, null, rule));
        // the setup shows something else first
        robot.interact(() -> {
            vm().portfolioProperty().set(vm().getPortfolios().get(0));
            vm().ruleProperty().set(vm().getRules().get(0));
            vm().initialValueProperty().set("10000");
        });

        robot.interact(() -> vm().load()); // the stored run joins the history, as after any reload
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().getHistory().stream().anyMatch(x -> x.runId() == stored.runId()));
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup("#historyTable").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().stream().anyMatch(x -> x.runId() == stored.runId()));
        Node row = robot.lookup((Node n) -> n instanceof TableRow<?> tr && tr.getItem() instanceof RunRecord rr
                && rr.runId() == stored.runId()).query();
        robot.doubleClickOn(row);
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null
                && vm().resultProperty().get().run().runId() == stored.runId());

        assertThat(vm().portfolioProperty().get().portfolioId()).isEqualTo(p.portfolioId());
        assertThat(vm().datasetProperty().get().datasetId()).isEqualTo(d.datasetId());
        assertThat(vm().startDateProperty().get()).isEqualTo(LocalDate.of(2011, 2, 1));
        assertThat(vm().endDateProperty().get()).isEqualTo(LocalDate.of(2016, 6, 30));
        assertThat(vm().initialValueProperty().get()).isEqualTo("2500");
        assertThat(vm().rebalancingOnProperty().get()).isTrue();
        // every rule-model-v2 field and the cost, not the rule picked before
        RebalancingRule inSetup = vm().request().inlineRule();
        assertThat(RuleCodec.hashParameters(inSetup)).isEqualTo(RuleCodec.hashParameters(rule))
                .containsEntry("check_frequency", CheckFrequency.MONTHLY)
                .containsEntry("rebalance_to", 0.5);
        assertThat(inSetup.costRate()).isEqualTo(0.0015);
        assertThat(changedLabel(robot).isVisible()).isFalse();

        // an edit makes the setup differ from the run: said beside Run; undone, it goes again
        Node field = robot.lookup("#initialValueField").query();
        Node run = robot.lookup("#runButton").query();
        double[] before = {sceneY(field), sceneY(run)};
        robot.doubleClickOn("#initialValueField").write("3000");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().initialValueProperty().get()).isEqualTo("3000");
        assertThat(changedLabel(robot).isVisible()).isTrue();
        // the note appearing moves nothing under the pointer: the field just edited and Run keep their places
        robot.interact(() -> run.getScene().getRoot().layout());
        assertThat(new double[]{sceneY(field), sceneY(run)}).as("field and Run with the note shown").containsExactly(before);
        assertThat(changedLabel(robot).getText()).startsWith("Changed since this run");
        robot.doubleClickOn("#initialValueField").write("2500");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(changedLabel(robot).isVisible()).isFalse();
        choose(robot, "ruleBox", vm().getRules().get(0).ruleName());
        assertThat(changedLabel(robot).isVisible()).isTrue();
    }

    @Test
    void anImportKeepsTheSetupAndTheShownRunAndADatasetSwitchMovesTheWindowWithTheData(FxRobot robot) {
        loaded();
        DatasetRecord big = vm().getDatasets().stream().filter(x -> x.label().startsWith("SYNTHETIC ui")).findFirst().orElseThrow();
        robot.interact(() -> {
            vm().datasetProperty().set(big);
            vm().startDateProperty().set(LocalDate.of(2012, 1, 3));
            vm().endDateProperty().set(LocalDate.of(2013, 6, 28));
            vm().initialValueProperty().set("4321");
        });
        runAndWait(robot);
        long shownId = vm().resultProperty().get().run().runId();

        // an import (a small 5-month dataset) reloads the lists: nothing shown or chosen changes
        String small = "SMALL truth " + System.nanoTime();
        new MarketDataRepository(fx.db.dataSource()).insert(small, "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2018, 1, 2), LocalDate.of(2018, 5, 31), 5), false);
        int before = vm().getDatasets().size();
        robot.interact(() -> vm().load());
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().getDatasets().size() == before + 1);
        assertThat(vm().resultProperty().get().run().runId()).isEqualTo(shownId);
        assertThat(vm().datasetProperty().get().datasetId()).isEqualTo(big.datasetId());
        assertThat(vm().startDateProperty().get()).isEqualTo(LocalDate.of(2012, 1, 3));
        assertThat(vm().endDateProperty().get()).isEqualTo(LocalDate.of(2013, 6, 28));
        assertThat(vm().initialValueProperty().get()).isEqualTo("4321");
        assertThat(changedLabel(robot).isVisible()).isFalse();

        // to the small dataset: the window is clamped into its dates
        DatasetRecord smallDs = vm().getDatasets().stream().filter(x -> x.label().startsWith(small)).findFirst().orElseThrow();
        choose(robot, "datasetBox", smallDs.toString());
        assertThat(vm().datasetProperty().get().datasetId()).isEqualTo(smallDs.datasetId());
        assertThat(vm().startDateProperty().get()).isEqualTo(smallDs.firstDate());
        assertThat(vm().endDateProperty().get()).isEqualTo(smallDs.lastDate());
        assertThat(changedLabel(robot).isVisible()).isTrue();
        // back to the large one: the small one's 5-month window is not kept
        choose(robot, "datasetBox", big.toString());
        assertThat(vm().startDateProperty().get()).isEqualTo(big.firstDate());
        assertThat(vm().endDateProperty().get()).isEqualTo(big.lastDate());
        assertThat(robot.lookup("#startPicker").queryAs(DatePicker.class).getValue()).isEqualTo(big.firstDate());
    }

    @Test
    void hoveringTheChartsReadsOutTheDateAndEachSeriesValue(FxRobot robot) {
        loaded();
        robot.interact(() -> {
            vm().ruleProperty().set(vm().getRules().get(2)); // a drift rule: ON and OFF drift
            vm().rebalancingOnProperty().set(true);
            vm().startDateProperty().set(LocalDate.of(2010, 1, 4));
            vm().endDateProperty().set(LocalDate.of(2019, 12, 31));
            vm().initialValueProperty().set("10000");
        });
        runAndWait(robot);
        RunModel m = vm().resultProperty().get();
        TimeSeriesChart value = fx.window.main().valueChart();
        int k = m.dayCount() / 2;
        LocalDate day = m.paths().dates()[k];
        assertThat(value.readoutText()).isEmpty();
        robot.moveTo(value.dayScreenPoint(day.toEpochDay()));
        UiFixture.waitUntil(() -> !value.readoutText().isEmpty());
        // the pointer lands on the nearest drawn day: read which, then check its values
        String text = value.readoutText();
        LocalDate at = LocalDate.parse(text.substring(0, 10));
        int i = Arrays.asList(m.paths().dates()).indexOf(at);
        assertThat(i).as("a day of the run").isGreaterThanOrEqualTo(0);
        assertThat(Math.abs(i - k)).as("near the pointer").isLessThan(10);
        Label readout = (Label) value.lookup("#chartReadout");
        assertThat(readout.isVisible()).isTrue();
        assertThat(readout.getText()).isEqualTo(text);
        assertThat(text).contains(String.format(Locale.ROOT, "%,.2f", m.paths().on()[i]))
                .contains(String.format(Locale.ROOT, "%,.2f", m.paths().off()[i]))
                .contains("OFF: " + m.driftScale().format(m.offDrift()[i])); // the drift on that day too, in the drift axis's unit
        assertThat(m.paths().on()[i]).as("grouped money").isGreaterThan(1000);
        assertThat(text).matches("(?s).*\\d,\\d{3}\\.\\d{2}.*");

        TimeSeriesChart drift = fx.window.main().driftChart();
        robot.moveTo(drift.dayScreenPoint(day.toEpochDay()));
        UiFixture.waitUntil(() -> !drift.readoutText().isEmpty());
        String dt = drift.readoutText();
        LocalDate dAt = LocalDate.parse(dt.substring(0, 10));
        int j = Arrays.asList(m.paths().dates()).indexOf(dAt);
        // the drift chart's own readout speaks its axis's unit too (points for this absolute band), not a plain percent
        assertThat(dt).contains("ON: " + String.format(Locale.ROOT, "%.2f", m.onDrift()[j] * 100) + " %p")
                .contains("OFF: " + String.format(Locale.ROOT, "%.2f", m.offDrift()[j] * 100) + " %p")
                .doesNotContainPattern("%(?!p)");
        // off the chart, no readout
        robot.moveTo("#runButton");
        UiFixture.waitUntil(() -> drift.readoutText().isEmpty());
    }

    @Test
    void aRestartShowsTheLastRunLogScaleWindowSizeAndSplitsAgain(FxRobot robot) throws Exception {
        UiState state = UiState.inMemory();
        FxToolkit.setupStage(stage -> fx.start(stage, state));
        loaded();
        robot.interact(() -> {
            vm().startDateProperty().set(LocalDate.of(2014, 1, 2));
            vm().initialValueProperty().set("777");
        });
        runAndWait(robot);
        long runId = vm().resultProperty().get().run().runId();
        robot.clickOn("#logScaleBox");
        assertThat(fx.window.main().valueChart().logScaleProperty().get()).isTrue();
        SplitPane split = robot.lookup("#analysisSplit").queryAs(SplitPane.class);
        Stage stage = (Stage) fx.window.scene().getWindow();
        robot.interact(() -> {
            split.setDividerPositions(0.55);
            stage.setWidth(1300);
            stage.setHeight(850);
        });
        // the analyst picks something else without running it: the shown run's choices come back with it
        robot.interact(() -> vm().initialValueProperty().set("1"));

        FxToolkit.setupStage(s -> fx.start(s, state)); // the lab started again on the same remembered state
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().resultProperty().get().run().runId()).isEqualTo(runId);
        assertThat(vm().statusProperty().get()).contains("Showing run #" + runId);
        assertThat(vm().initialValueProperty().get()).isEqualTo("777");
        assertThat(changedLabel(robot).isVisible()).isFalse();
        assertThat(fx.window.main().valueChart().logScaleProperty().get()).isTrue();
        assertThat(robot.lookup("#logScaleBox").queryAs(CheckBox.class).isSelected()).isTrue();
        SplitPane again = robot.lookup("#analysisSplit").queryAs(SplitPane.class);
        assertThat(again).isNotSameAs(split);
        assertThat(again.getDividerPositions()[0]).isCloseTo(0.55, within(0.01));
        Stage restarted = (Stage) fx.window.scene().getWindow();
        assertThat(restarted.getWidth()).isEqualTo(1300);
        assertThat(restarted.getHeight()).isEqualTo(850);

        // a remembered run that no longer exists: nothing is shown, and it is forgotten
        UiState gone = UiState.inMemory();
        gone.put(UiState.LAST_RUN, "987654321");
        FxToolkit.setupStage(s -> fx.start(s, gone));
        loaded();
        assertThat(vm().resultProperty().get()).isNull();
        assertThat(gone.get(UiState.LAST_RUN)).isEmpty();
    }
}
