package foresto.ui;

import foresto.backtest.Metric;
import foresto.backtest.RuleService;
import foresto.backtest.SweepRunner;
import foresto.model.RuleRecord;
import foresto.ui.chart.AxisTicks;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import foresto.ui.sweep.Heatmap;
import foresto.ui.sweep.SweepViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Sweep tab's heatmap (colour scale, values in the cells, compared cells marked, a readable comparison chart with
 * OFF in grey) and the drift panel of a relative band (drift ÷ band against 1, OFF clipped), at 1280 × 800.
 */
class HeatmapAndDriftPanelTest extends RobotTestBase {
    private static final String RELATIVE_RULE = "relative 10 %";

    @BeforeAll
    void aRelativeBandRule() {
        new RuleService(fx.db.dataSource()).create(new RuleRecord(null, RELATIVE_RULE, "DRIFT", null, "FIRST_TRADING_DAY",
                null, new BigDecimal("0.001"), LocalDate.of(2010, 1, 1), null, true, null, null, "RELATIVE",
                new BigDecimal("0.1"), "DAILY", BigDecimal.ZERO));
    }

    private void size1280x800(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) fx.window.scene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SweepRunner.Result sweep(FxRobot robot) {
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty()
                && !fx.window.mainViewModel().busyProperty().get());
        robot.clickOn("Sweep");
        robot.interact(() -> {
            vm.fromProperty().set("0.02");
            vm.toProperty().set("0.06");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.002");
        });
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        return vm.resultProperty().get();
    }

    private static Color pixel(Heatmap map, FxRobot robot, double x, double y) {
        AtomicReference<Color> out = new AtomicReference<>();
        robot.interact(() -> {
            WritableImage image = map.snapshot(null, null);
            out.set(image.getPixelReader().getColor((int) x, (int) y));
        });
        return out.get();
    }

    private static void assertSameColour(Color actual, Color expected) {
        assertThat(actual.getRed()).isCloseTo(expected.getRed(), within(0.02));
        assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), within(0.02));
        assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), within(0.02));
    }

    @Test
    void theHeatmapHasAScaleValuesInItsCellsAndMarksTheComparedCells(FxRobot robot) {
        size1280x800(robot);
        SweepRunner.Result r = sweep(robot);
        Heatmap map = fx.window.sweepView().heatmap();
        Metric metric = map.metric();
        double lo = r.rows().stream().mapToDouble(metric::of).min().orElseThrow();
        double hi = r.rows().stream().mapToDouble(metric::of).max().orElseThrow();
        // the scale runs from the best final value at the top to the worst at the bottom
        assertThat(map.scaleLabels()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(map.scaleLabels().get(0)).isEqualTo(metric.format(hi));
        assertThat(map.scaleLabels().get(map.scaleLabels().size() - 1)).isEqualTo(metric.format(lo));
        // six big cells: each shows its value
        for (int i = 0; i < r.rules().size(); i++) {
            for (int j = 0; j < r.costRates().size(); j++) {
                assertThat(map.shownValue(i, j)).as("cell %d %d", i, j).isEqualTo(metric.format(metric.of(r.at(i, j))));
            }
        }

        robot.press(KeyCode.SHIFT);
        robot.clickOn(map.localToScreen(map.cellCentre(0, 1)));
        robot.clickOn(map.localToScreen(map.cellCentre(2, 0)));
        robot.release(KeyCode.SHIFT);
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> vm.comparePathsProperty().get().size() == 3);
        assertThat(map.marked()).extracting(c -> c[0] + "," + c[1]).containsExactly("0,1", "2,0");
        // the marked cells are framed in their comparison line's colour, an unmarked one is not
        Point2D first = map.cellCentre(0, 1);
        Point2D second = map.cellCentre(2, 0);
        double cellWidth = map.cellCentre(0, 1).getX() - map.cellCentre(0, 0).getX();
        double frameX = cellWidth / 2 - 1.5; // 1.5 px inside the cell's left edge, half way down: on the frame
        assertSameColour(pixel(map, robot, first.getX() - frameX, first.getY()), map.markColour(0));
        assertSameColour(pixel(map, robot, second.getX() - frameX, second.getY()), map.markColour(1));
        Point2D unmarked = map.cellCentre(1, 1);
        Color plain = pixel(map, robot, unmarked.getX() - frameX, unmarked.getY());
        assertThat(List.of(plain.getRed(), plain.getGreen(), plain.getBlue()))
                .isNotEqualTo(List.of(map.markColour(0).getRed(), map.markColour(0).getGreen(), map.markColour(0).getBlue()));

        // the comparison chart is readable at 1280 × 800, OFF in the grey every other chart draws it in
        TimeSeriesChart compare = robot.lookup("#sweepCompareChart").queryAs(TimeSeriesChart.class);
        assertThat(compare.getHeight()).as("comparison chart height").isGreaterThanOrEqualTo(200);
        // and all of it in view: not pushed under the status line by the heatmap
        SplitPane split = (SplitPane) map.getParent().getParent();
        double chartBottom = compare.localToScene(compare.getBoundsInLocal()).getMaxY();
        assertThat(chartBottom).as("split h %s, divider %s, map h %s, chart h %s, chart top %s", split.getHeight(),
                split.getDividerPositions()[0], map.getHeight(), compare.getHeight(),
                compare.localToScene(compare.getBoundsInLocal()).getMinY()).isLessThanOrEqualTo(split.localToScene(split.getBoundsInLocal()).getMaxY() + 0.5);
        List<TimeSeriesChart.Line> lines = compare.content().lines();
        assertThat(lines.get(2).name()).startsWith("OFF");
        Color grey = ChartTheme.DEFAULT.colour(ChartColour.OFF);
        assertThat(compare.colourOf(2)).isEqualTo(grey).isEqualTo(compare.theme().colour(ChartColour.OFF));
        assertThat(compare.colourOf(0)).isNotEqualTo(grey).isEqualTo(map.markColour(0));
        assertThat(compare.colourOf(1)).isNotEqualTo(grey).isEqualTo(map.markColour(1));
        fx.screenshot(robot, "sweep-heatmap-1280x800.png");

        // clearing the comparison clears the marks
        robot.clickOn("#sweepClearCompare");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.marked()).isEmpty();
    }

    @Test
    void aRelativeBandsDriftPanelReadsDriftOverBandAgainstOneWithOffClipped(FxRobot robot) {
        size1280x800(robot);
        MainViewModel vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        robot.interact(() -> {
            vm.portfolioProperty().set(vm.getPortfolios().stream().filter(p -> p.name().equals("Growth 80/20"))
                    .findFirst().orElseThrow());
            vm.ruleProperty().set(vm.getRules().stream().filter(x -> x.ruleName().equals(RELATIVE_RULE))
                    .findFirst().orElseThrow());
            vm.rebalancingOnProperty().set(true);
            vm.run();
        });
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get()
                && fx.window.main().driftChart().content().lines().size() == 2);
        RunModel m = vm.resultProperty().get();
        TimeSeriesChart drift = fx.window.main().driftChart();
        assertThat(drift.yLabel()).isEqualTo("drift ÷ band (×)");
        assertThat(drift.units()).isEqualTo(TimeSeriesChart.Units.RATIO);
        assertThat(drift.seriesNames()).contains("band edge (drift ÷ band = 1)");
        double onMax = Arrays.stream(m.onDrift()).max().orElseThrow();
        double offMax = Arrays.stream(m.offDrift()).max().orElseThrow();
        assertThat(offMax).as("OFF drifts far past ON").isGreaterThan(1.5 * Math.max(onMax, 1));
        // the axis spans ON and the band edge; OFF leaves it and is marked where it does
        double top = drift.yTicks().stream().mapToDouble(AxisTicks.Tick::value).max().orElseThrow();
        assertThat(top).isLessThan(offMax);
        assertThat(top).isGreaterThanOrEqualTo(1.0);
        assertThat(drift.offScaleRuns()).isNotEmpty();
        for (int[] run : drift.offScaleRuns()) {
            assertThat(m.offDrift()[run[0]]).isGreaterThan(Math.max(onMax, 1.0));
        }
        // the detail line speaks in band ratios
        robot.interact(() -> vm.shown().selectDay(m.dayCount() - 1));
        assertThat(vm.dayDetailProperty().get()).contains("× band").doesNotContain("%p");
        fx.screenshot(robot, "drift-panel-relative-1280x800.png");

        // "Scale to OFF": the axis spans OFF too, nothing is off the scale
        CheckBox toOff = robot.lookup("#driftScaleToOffBox").queryAs(CheckBox.class);
        robot.clickOn(toOff);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drift.scaleToAllProperty().get()).isTrue();
        UiFixture.waitUntil(() -> drift.offScaleRuns().isEmpty());
        robot.clickOn(toOff);
    }
}
