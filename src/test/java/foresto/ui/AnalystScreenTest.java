package foresto.ui;

import foresto.backtest.ImportService;
import foresto.backtest.RuleService;
import foresto.engine.PathStats;
import foresto.engine.RebalancingEvent;
import foresto.ui.chart.AxisTicks;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunCharts;
import foresto.ui.main.RunModel;
import javafx.geometry.Bounds;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analyst's screen, driven by the robot: readable axes, events that never hide the line, a day cursor on
 * every chart, the drawdown, annual-return and cost views, and a summary that fits.
 */
class AnalystScreenTest extends RobotTestBase {

    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    private void runMonthly(FxRobot robot) {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        robot.interact(() -> {
            vm().portfolioProperty().set(vm().getPortfolios().stream().filter(p -> p.name().equals("Growth 80/20")).findFirst().orElseThrow());
            vm().ruleProperty().set(vm().getRules().stream().filter(r -> r.ruleName().equals("P2_PERIODIC_MONTHLY_FTD_10BP")).findFirst().orElseThrow());
            vm().rebalancingOnProperty().set(true);
            vm().run();
        });
        UiFixture.waitUntil(() -> vm().resultProperty().get() != null && !vm().busyProperty().get()
                && fx.window.main().chartedRun.get() == vm().resultProperty().get()
                && fx.window.main().valueChart().markerIds().size() == vm().getEvents().size());
    }

    private void select(FxRobot robot, String tabText) {
        Tab tab = fx.window.main().lowerTabs().getTabs().stream().filter(t -> t.getText().equals(tabText)).findFirst().orElseThrow();
        robot.interact(() -> fx.window.main().lowerTabs().getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void axesReadAtRoundValuesAndDenseEventsLeaveTheLineVisible(FxRobot robot) {
        runMonthly(robot);
        TimeSeriesChart value = fx.window.main().valueChart();
        int events = vm().getEvents().size();
        assertThat(events).isGreaterThan(100); // monthly over ten years

        // the value axis: no currency configured here
        assertThat(value.yLabel()).isEqualTo("Portfolio value");
        // dates: every tick on 1 January (years) — never 2003-02 or 2006-04
        assertThat(value.xTicks()).isNotEmpty().allSatisfy(t -> {
            LocalDate d = LocalDate.ofEpochDay((long) t.value());
            assertThat(d.getDayOfYear()).isEqualTo(1);
            assertThat(t.label()).isEqualTo(Integer.toString(d.getYear()));
        });
        // values: round steps (a multiple of 1, 2 or 5 × 10^k), all labels in one format
        assertRound(value.yTicks());
        // 100+ markers: in the lane only, the line stays visible
        assertThat(value.markerIds()).hasSize(events);
        assertThat(value.markersOnLine()).isFalse();
        // pointing at an event's lane mark shows its tooltip; a click there selects it
        int probe = 40;
        robot.moveTo(value.markerScreenPoint(probe));
        UiFixture.waitUntil(() -> value.eventTooltip().isShowing());
        assertThat(value.eventTooltip().getText()).startsWith(vm().getEvents().get(probe).eventDate().toString());
        robot.clickOn(value.markerScreenPoint(probe));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().selectedEventProperty().get()).isEqualTo(probe);
        assertThat(value.selectedMarkerIds()).containsExactly(probe);

        robot.clickOn("#logScaleBox");
        UiFixture.waitUntil(() -> value.logScaleProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.yTicks()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> {
            double mantissa = t.value() / Math.pow(10, Math.floor(Math.log10(t.value()) + 1e-12));
            assertThat(mantissa).isCloseTo(Math.rint(mantissa), within(1e-9)); // 9,000 / 10,000 / 20,000, never 8,103
        });
        robot.clickOn("#logScaleBox");

        // zoomed to one year the events are far enough apart to sit on the line too, and the ticks become months
        robot.interact(() -> value.zoomTo(LocalDate.of(2015, 1, 1).toEpochDay(), LocalDate.of(2015, 12, 31).toEpochDay()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.markerIds()).hasSize(12);
        assertThat(value.markersOnLine()).isTrue();
        assertThat(value.xTicks()).allSatisfy(t -> assertThat(LocalDate.ofEpochDay((long) t.value()).getDayOfMonth()).isEqualTo(1));
        robot.clickOn("#resetZoomButton");
    }

    private static void assertRound(List<AxisTicks.Tick> ticks) {
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(2);
        double step = ticks.get(1).value() - ticks.get(0).value();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
        assertThat(List.of(1.0, 2.0, 5.0)).anySatisfy(m -> assertThat(mantissa).isCloseTo(m, within(1e-9)));
        for (AxisTicks.Tick t : ticks) {
            assertThat(t.value() / step).isCloseTo(Math.rint(t.value() / step), within(1e-6));
            assertThat(t.label()).doesNotContain("E").doesNotContain("e");
        }
        assertThat(ticks).extracting(t -> t.label().replaceAll("[0-9]", "9")).allSatisfy(pattern ->
                assertThat(pattern.contains(".")).isEqualTo(ticks.get(0).label().contains(".")));
    }

    @Test
    void aClickOnAPlainDayPutsACursorOnBothChartsAndExplainsThatClose(FxRobot robot) {
        runMonthly(robot);
        RunModel m = vm().resultProperty().get();
        TimeSeriesChart value = fx.window.main().valueChart();
        // a day in the middle of a month, far from any first-trading-day event
        int day = -1;
        for (int k = 0; k < m.dayCount(); k++) {
            LocalDate d = m.paths().dates()[k];
            if (d.getYear() == 2014 && d.getMonthValue() == 6 && d.getDayOfMonth() >= 15) {
                day = k;
                break;
            }
        }
        assertThat(m.eventOnDay(day)).isEqualTo(-1);
        robot.clickOn(value.dayScreenPoint(m.x()[day]));
        WaitForAsyncUtils.waitForFxEvents();
        // the pixel under the pointer maps to a day within a pixel's worth of the one aimed at
        int selected = vm().selectedDayProperty().get();
        assertThat(Math.abs(m.x()[selected] - m.x()[day])).isLessThan(8);
        assertThat(value.selectedDayProperty().get()).isEqualTo(selected);
        assertThat(fx.window.main().driftChart().selectedDayProperty().get()).isEqualTo(selected);
        assertThat(vm().getWeightsAtDay()).hasSize(2);
        assertThat(vm().dayDetailProperty().get()).startsWith(m.paths().dates()[selected] + ": max drift OFF");
        // selecting an event moves the cursor to its day
        robot.interact(() -> vm().selectedEventProperty().set(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.selectedDayProperty().get()).isEqualTo(m.eventIndex(3));
    }

    @Test
    void drawdownAnnualReturnsCostsAndTheWholeSummaryAreInView(FxRobot robot) throws Exception {
        runMonthly(robot);
        RunModel m = vm().resultProperty().get();
        double[] on = m.paths().on();

        select(robot, "Drawdown");
        TimeSeriesChart dd = fx.window.main().drawdownChart();
        assertThat(dd.seriesNames()).containsExactly("ON: P2_PERIODIC_MONTHLY_FTD_10BP", "OFF: buy-and-hold");
        double peak = on[0];
        double worst = 0;
        for (double v : on) { // the underwater curve's lowest point, by hand
            peak = Math.max(peak, v);
            worst = Math.min(worst, v / peak - 1);
        }
        double drawnWorst = Arrays.stream(dd.content().lines().get(0).y()).min().orElseThrow();
        assertThat(drawnWorst).isCloseTo(worst, within(1e-12));
        assertThat(-drawnWorst).isCloseTo(m.run().summary().on().maxDrawdown(), within(1e-9));

        select(robot, "Annual returns");
        assertThat(fx.window.main().annualBars().years()).containsExactly(2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019);
        // the years compound to the whole window's total return, for each side
        for (var side : RunCharts.annual(m)) {
            double g = 1;
            for (var y : side.years()) {
                g *= 1 + y.value();
            }
            var metrics = side.name().equals("ON") ? m.run().summary().on() : m.run().summary().off();
            assertThat(g - 1).as(side.name()).isCloseTo(metrics.totalReturn(), within(1e-12));
        }
        TableView<?> years = robot.lookup("#annualTable").queryAs(TableView.class);
        assertThat(years.getItems()).hasSize(10);

        select(robot, "Costs");
        TimeSeriesChart costs = fx.window.main().costChart();
        double[] cum = costs.content().lines().get(0).y();
        double sum = 0;
        for (RebalancingEvent e : vm().getEvents()) {
            sum += e.costAmount();
        }
        assertThat(cum[cum.length - 1]).isCloseTo(sum, within(1e-9 * sum));
        assertThat(costs.markerIds()).hasSize(vm().getEvents().size());

        select(robot, "Summary");
        var summary = fx.window.main().summary();
        assertThat(summary.metrics()).hasSize(vm().getSummary().size()).contains("Sharpe (risk-free 0)", "Turnover / year");
        Bounds viewport = summary.getViewportBounds();
        assertThat(summary.getContent().getLayoutBounds().getHeight()).as("every summary row in view at 1400 × 900")
                .isLessThanOrEqualTo(viewport.getHeight());
        assertThat(fx.window.scene().getHeight()).isEqualTo(900);
        // the frequency the annualised figures assume is named next to the grid (the sample data is daily)
        assertThat(robot.lookup("#summaryFrequency").queryLabeled().getText()).isEqualTo("daily data (f = 252)");
        // a risk-free rate typed by the analyst is used and named; a wrong one is said and not used
        double sharpeAt0 = Double.parseDouble(vm().getSummary().stream().filter(row -> row.metric().startsWith("Sharpe"))
                .findFirst().orElseThrow().on());
        robot.doubleClickOn("#riskFreeField").eraseText(3).write("3 %");
        WaitForAsyncUtils.waitForFxEvents();
        var sharpe = vm().getSummary().stream().filter(row -> row.metric().startsWith("Sharpe")).findFirst().orElseThrow();
        assertThat(sharpe.metric()).isEqualTo("Sharpe (risk-free 3 %)");
        assertThat(Double.parseDouble(sharpe.on())).isCloseTo(PathStats.sharpe(on, 0.03), within(0.0005))
                .isLessThan(sharpeAt0);
        robot.interact(() -> vm().shown().riskFreeProperty().set("abc"));
        assertThat(vm().shown().riskFreeProblemProperty().get()).contains("not a rate");
        assertThat(vm().getSummary()).anyMatch(row -> row.metric().equals("Sharpe (risk-free 0)"));
        robot.interact(() -> vm().shown().riskFreeProperty().set("0"));
        fx.screenshot(robot, "summary-tab.png");
        select(robot, "Annual returns");
        fx.screenshot(robot, "annual-tab.png");
        select(robot, "Events");
    }

    @Test
    void aConfiguredCurrencyLabelsTheValueAxis(FxRobot robot) throws Exception {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = MainWindow.create(fx.service, new RuleService(fx.db.dataSource()),
                    new ImportService(fx.db.dataSource()), new FxTaskExecutor(), UiState.inMemory(),
                    (o, n) -> Optional.empty(), "KRW");
        });
        assertThat(w[0].main().valueChart().yLabel()).isEqualTo("Portfolio value (KRW)");
    }
}
