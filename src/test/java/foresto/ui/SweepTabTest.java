package foresto.ui;

import foresto.backtest.InlineRule;
import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.engine.MarketData;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.robust.BootstrapStudy;
import foresto.ui.sweep.Heatmap;
import foresto.ui.sweep.SweepViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sweep tab end to end: run with progress, hover a cell, click through to Analysis, export the grid. */
class SweepTabTest extends RobotTestBase {

    private static Point2D centreOf(Heatmap map, int i, int j, SweepRunner.Result r) {
        return map.localToScreen(map.cellCentre(i, j));
    }

    @Test
    void aSweepRunsShowsAHeatmapOpensACellInAnalysisAndExports(FxRobot robot) throws Exception {
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty() && !fx.window.mainViewModel().busyProperty().get());
        robot.clickOn("Sweep");
        robot.interact(() -> {
            vm.fromProperty().set("0.02");
            vm.toProperty().set("0.06");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.002");
        });
        robot.clickOn("#sweepRunButton");
        try {
            UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        } catch (AssertionError e) {
            throw new AssertionError("sweep did not finish: " + vm.statusProperty().get() + " busy=" + vm.busyProperty().get(), e);
        }
        SweepRunner.Result r = vm.resultProperty().get();
        assertThat(r.rules()).containsExactly("drift:0.02", "drift:0.04", "drift:0.06");
        assertThat(r.costRates()).containsExactly(0.0, 0.002);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).startsWith("Swept 6 cells");
        assertThat(vm.statusProperty().get()).contains("on daily data (f = 252)"); // what volatility and tracking error assume
        // the cells table lists every cell with its cost drag and break-even cost rate
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        assertThat(cells.getItems()).hasSize(6);
        assertThat(cells.getColumns()).extracting(c -> ((TableColumn<?, ?>) c).getText())
                .contains("Cost drag", "Break-even cost rate", "Tracking error");
        // the tab's scenario pickers are the Analysis setup's
        assertThat(robot.lookup("#sweepPortfolioBox").queryComboBox().getValue()).isEqualTo(fx.window.mainViewModel().portfolioProperty().get());

        fx.screenshot(robot, "sweep-tab.png");
        Heatmap map = fx.window.sweepView().heatmap();
        assertThat(map.result()).isSameAs(r);
        assertThat(map.getHeight()).as("the heatmap has room").isGreaterThan(200);
        robot.moveTo(centreOf(map, 0, 0, r));
        try {
            UiFixture.waitUntil(() -> fx.window.sweepView().tooltip().isShowing());
        } catch (AssertionError e) {
            throw new AssertionError("no tooltip: hover=" + map.isHover() + " pointer=" + robot.point(map).query()
                    + " target=" + centreOf(map, 0, 0, r) + " bounds=" + map.localToScreen(map.getBoundsInLocal()), e);
        }
        assertThat(fx.window.sweepView().tooltip().getText()).startsWith("Drift ≥ 2 %p at cost 0.00 %").contains("final value");

        // shift+click overlays cells' value paths (each the same single run as the cell) with OFF's
        robot.press(KeyCode.SHIFT);
        robot.clickOn(centreOf(map, 0, 1, r));
        robot.clickOn(centreOf(map, 2, 0, r));
        robot.release(KeyCode.SHIFT);
        UiFixture.waitUntil(() -> vm.comparePathsProperty().get().size() == 3);
        var paths = vm.comparePathsProperty().get();
        assertThat(paths.get(0).name()).isEqualTo("Drift ≥ 2 %p at cost 0.20 %");
        assertThat(paths.get(0).y()[paths.get(0).y().length - 1]).isEqualTo(r.at(0, 1).metrics().finalValue());
        assertThat(paths.get(1).y()[paths.get(1).y().length - 1]).isEqualTo(r.at(2, 0).metrics().finalValue());
        assertThat(paths.get(2).name()).startsWith("OFF");
        assertThat(fx.window.main().tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Sweep");

        // a click runs that single rule through the normal service and shows it in Analysis
        double cellFinal = r.at(1, 1).metrics().finalValue();
        robot.clickOn(centreOf(map, 1, 1, r));
        TabPane tabs = fx.window.main().tabs();
        UiFixture.waitUntil(() -> tabs.getSelectionModel().getSelectedIndex() == 0);
        var main = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> main.resultProperty().get() != null && !main.busyProperty().get());
        // the cell's rule in words, as the legend and the setup name it, not its stored spec "inline drift:0.04"
        assertThat(main.statusProperty().get()).contains(", Drift ≥ 4 %p, cost 0.20 %, ").doesNotContain("inline", "drift:");
        assertThat(main.resultProperty().get().run().summary().on().finalValue()).isEqualTo(cellFinal);

        Path out = Files.createTempDirectory("sweep").resolve("grid.csv");
        fx.exportTarget = out;
        robot.clickOn("Sweep");
        robot.clickOn("#sweepExportButton");
        UiFixture.waitUntil(() -> Files.exists(out));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).contains("rule,cost_rate,check");
    }

    /**
     * With "Bootstrap paths" filled in, every cell is also run against OFF on that many resampled histories: the
     * picker offers "P(beats OFF)", the heatmap is coloured by it, the table has its column, and each cell's value is
     * the bootstrap study of that cell's rule against OFF (computed here separately). Emptied, the next sweep is plain.
     */
    @Test
    void aSweepWithBootstrapPathsOffersPBeatsOffInTheHeatmapAndTheTable(FxRobot robot) throws Exception {
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty() && !fx.window.mainViewModel().busyProperty().get());
        robot.clickOn("Sweep");
        robot.interact(() -> {
            vm.familyProperty().set(SweepViewModel.Family.ABSOLUTE_BAND);
            vm.fromProperty().set("0.02");
            vm.toProperty().set("0.04");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.002");
        });
        ComboBox<Metric> picker = robot.lookup("#sweepMetricBox").queryComboBox();
        assertThat(picker.getItems()).doesNotContain(Metric.P_BEATS_OFF);
        robot.clickOn("#sweepBootstrapPaths").write("12");
        assertThat(vm.bootstrapPathsProperty().get()).isEqualTo("12");
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get().bootstrap() != null
                && !vm.busyProperty().get());
        SweepRunner.Result r = vm.resultProperty().get();
        assertThat(r.bootstrap().paths()).isEqualTo(12);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).startsWith("Swept 4 cells").contains("12 resampled histories");
        assertThat(picker.getItems()).contains(Metric.P_BEATS_OFF);
        // picked in the tab's own picker (its popup's cell and the table's header share the words, so not by text)
        robot.interact(() -> picker.getSelectionModel().select(Metric.P_BEATS_OFF));
        UiFixture.waitUntil(() -> vm.metricProperty().get() == Metric.P_BEATS_OFF);
        Heatmap map = fx.window.sweepView().heatmap();
        assertThat(map.metric()).isEqualTo(Metric.P_BEATS_OFF);
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        assertThat(cells.getColumns()).extracting(c -> ((TableColumn<?, ?>) c).getText()).contains("P(beats OFF)");
        fx.screenshot(robot, "sweep-tab-bootstrap.png");

        // each cell against an independent bootstrap study of its rule and cost against OFF, on the tab's scenario
        var setup = fx.window.mainViewModel();
        MarketData data = fx.service.marketData(setup.datasetProperty().get());
        var req = setup.request();
        Scenario scenario = new Scenario(setup.portfolioProperty().get().weights(),
                req.startDate() == null ? data.firstDate() : req.startDate(),
                req.endDate() == null ? data.lastDate() : req.endDate(), req.initialValue(), req.missingDataPolicy());
        for (int i = 0; i < r.rules().size(); i++) {
            for (int j = 0; j < r.costRates().size(); j++) {
                SweepRunner.Row row = r.at(i, j);
                RebalancingRule rule = InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo());
                BootstrapStudy.Result study = BootstrapStudy.run(data, scenario, rule, Optional.empty(), 12, null, 1, 1,
                        BootstrapStudy.Progress.NONE, () -> false);
                assertThat(row.robust().pBeatsOff()).as(row.rule() + " at " + row.costRate()).isEqualTo(study.pBeats());
                assertThat(Metric.P_BEATS_OFF.of(row)).isEqualTo(study.pBeats());
                assertThat(row.robust().cagrDiffMedian()).isEqualTo(study.cagrDiff().median());
            }
        }
        robot.moveTo(centreOf(map, 0, 0, r));
        UiFixture.waitUntil(() -> fx.window.sweepView().tooltip().isShowing());
        assertThat(fx.window.sweepView().tooltip().getText()).contains("of 12 resampled histories");

        // emptied: a plain sweep again, and the picker falls back to a metric every sweep has
        robot.interact(() -> vm.bootstrapPathsProperty().set(""));
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> vm.resultProperty().get() != r && vm.resultProperty().get() != null && !vm.busyProperty().get());
        assertThat(vm.resultProperty().get().bootstrap()).isNull();
        assertThat(picker.getItems()).doesNotContain(Metric.P_BEATS_OFF);
        assertThat(vm.metricProperty().get()).isEqualTo(Metric.FINAL_VALUE);
        assertThat(cells.getColumns()).extracting(c -> ((TableColumn<?, ?>) c).getText()).doesNotContain("P(beats OFF)");
    }
}
