package foresto.ui.sweep;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.error.ErrorCode;
import foresto.model.PortfolioRecord;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sweep tab on the setup's cash-flow schedule, without a window: every cell runs on it (each equals an independent
 * run of the engine on the same schedule), the compared paths and a cell opened in Analysis too, and a schedule the
 * setup refuses starts no sweep.
 */
class SweepFlowsTest {
    private static final LocalDate START = LocalDate.of(2012, 1, 3);
    private static BacktestService service;

    @BeforeAll
    static void setUp() {
        service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true), Clock.systemUTC());
    }

    private final List<UiError> errors = new ArrayList<>();
    private MainViewModel main;
    private SweepViewModel sweep;

    private void open() {
        main = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        main.load();
        main.startDateProperty().set(START);
        sweep = new SweepViewModel(service, main, TaskExecutor.sameThread(), Runnable::run, errors::add);
        sweep.familyProperty().set(SweepViewModel.Family.ABSOLUTE_BAND);
        sweep.fromProperty().set("0.02");
        sweep.toProperty().set("0.06");
        sweep.stepProperty().set("0.04");
        sweep.costRatesProperty().set("0,0.002");
    }

    private CashFlowSetup contribution(String amount, FlowAllocation allocation) {
        CashFlowSetup c = main.cashFlows().choices();
        c.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
        c.amountProperty().set(amount);
        c.frequencyProperty().set(Frequency.MONTHLY);
        c.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
        c.allocationProperty().set(allocation);
        return c;
    }

    private Scenario scenario(MarketData data) {
        PortfolioRecord p = main.portfolioProperty().get();
        double initial = Double.parseDouble(main.initialValueProperty().get().trim().replace(",", ""));
        LocalDate end = main.endDateProperty().get() == null ? data.lastDate() : main.endDateProperty().get();
        return new Scenario(p.weights(), START, end, initial, main.missingPolicyProperty().get());
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }

    /** The cell's rule as the grid names it, built afresh. */
    private static RebalancingRule rule(SweepRunner.Row row) {
        return InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo());
    }

    @Test
    void everyCellRunsOnTheSetupsMonthlyContributionAndEqualsAnIndependentRunOnIt(@TempDir Path dir) throws IOException {
        open();
        contribution("1000", FlowAllocation.TOWARD_TARGET);
        assertThat(sweep.flowsNote().get()).contains("Contribution");
        sweep.run();
        assertThat(errors).isEmpty();
        SweepRunner.Result withFlows = sweep.resultProperty().get();
        assertThat(withFlows.offFlows()).isNotNull();
        assertThat(sweep.statusProperty().get()).contains("cash flows");

        // the same cells computed by the engine on a schedule written here, not read from the setup
        MarketData data = service.marketData(main.datasetProperty().get());
        Scenario scenario = scenario(data);
        CashFlowSchedule monthly = CashFlowSchedule.ofAmount(1000, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)
                .withAllocation(FlowAllocation.TOWARD_TARGET);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                SweepRunner.Row row = withFlows.at(i, j);
                PathResult on = ScenarioSimulation.run(data, scenario, Optional.of(rule(row)), monthly, false).on().orElseThrow();
                assertThat(row.metrics().finalValue()).as("cell %d,%d", i, j).isEqualTo(last(on.values()));
                assertThat(row.flows()).isNotNull();
                assertThat(row.flows().contributed()).isEqualTo(on.cashFlows().contributed()).isGreaterThan(10_000);
            }
        }
        assertThat(withFlows.off().finalValue()).isEqualTo(last(ScenarioSimulation.run(data, scenario, Optional.empty(),
                monthly.withAllocation(null), false).off().values()));
        // the hover and the Cells table show the flow figures of such a cell
        assertThat(CellFlows.hover(withFlows.at(1, 1))).contains("contributed").contains("MWR");
        assertThat(CellFlows.columns()).hasSize(4);
        // the app's CSV export of the cells carries the flow columns
        Path csv = dir.resolve("cells.csv");
        sweep.export(csv);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0))
                .contains("contributed", "withdrawn", "net_flow", "depleted_on", "twr_cagr", "mwr");

        // the compared cell's path is the cell's own run, ending at its final value
        sweep.toggleCompared(1, 1);
        List<TimeSeriesChart.Line> lines = sweep.comparePathsProperty().get();
        assertThat(last(lines.get(0).y())).isEqualTo(withFlows.at(1, 1).metrics().finalValue());
        assertThat(last(lines.get(1).y())).isEqualTo(withFlows.off().finalValue());

        // without a schedule the same cell ends elsewhere, and has no flow figures
        main.cashFlows().choices().kindProperty().set(CashFlowSetup.Kind.NONE);
        assertThat(sweep.flowsNote().get()).isEmpty();
        sweep.run();
        SweepRunner.Result plain = sweep.resultProperty().get();
        assertThat(plain.offFlows()).isNull();
        assertThat(plain.at(1, 1).flows()).isNull();
        assertThat(CellFlows.hover(plain.at(1, 1))).isEmpty();
        assertThat(plain.at(1, 1).metrics().finalValue()).isNotEqualTo(withFlows.at(1, 1).metrics().finalValue());
        assertThat(sweep.sweptFlows()).isNull();
    }

    @Test
    void aCellOpenedInAnalysisRunsOnTheScheduleTheSweepRanWith() {
        open();
        // pro rata: a run that fell back to the default allocation (toward the targets) would end elsewhere
        CashFlowSetup choices = contribution("1000", FlowAllocation.PRO_RATA);
        sweep.run();
        SweepRunner.Row cell = sweep.resultProperty().get().at(1, 1);
        MarketData data = service.marketData(main.datasetProperty().get());
        CashFlowSchedule towardTarget = CashFlowSchedule.ofAmount(1000, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        double otherAllocation = last(ScenarioSimulation.run(data, scenario(data), Optional.of(rule(cell)), towardTarget,
                false).on().orElseThrow().values());
        assertThat(otherAllocation).isNotEqualTo(cell.metrics().finalValue());

        // the setup's schedule changed after the sweep ran: the opened cell still runs on the sweep's
        choices.amountProperty().set("5000");
        choices.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        sweep.analyze(1, 1);
        assertThat(errors).isEmpty();
        var shown = main.resultProperty().get();
        assertThat(shown.run().summary().on().finalValue()).isEqualTo(cell.metrics().finalValue());
        assertThat(shown.flows()).isNotNull();
        assertThat(shown.flows().on().contributed()).isEqualTo(cell.flows().contributed());
        // and the setup shows that schedule, so Run repeats the cell
        assertThat(choices.kindProperty().get()).isEqualTo(CashFlowSetup.Kind.CONTRIBUTION);
        assertThat(Double.parseDouble(choices.amountProperty().get())).isEqualTo(1000);
        assertThat(choices.allocationProperty().get()).isEqualTo(FlowAllocation.PRO_RATA);
        assertThat(main.setup().changedSinceShownProperty().get()).isFalse();
    }

    @Test
    void aScheduleTheSetupRefusesStartsNoSweep() {
        open();
        CashFlowSetup choices = contribution("a thousand", FlowAllocation.TOWARD_TARGET);
        sweep.run();
        assertThat(sweep.resultProperty().get()).isNull();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(choices.problemProperty().get()).isNotEmpty();
        assertThat(sweep.statusProperty().get()).isEqualTo(new SweepViewModel(service, main, TaskExecutor.sameThread(),
                Runnable::run, e -> { }).statusProperty().get());
    }
}
