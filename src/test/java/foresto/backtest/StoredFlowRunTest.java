package foresto.backtest;

import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.PathResult;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.model.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run with a flow schedule as the app shows it: the view of a new run and of the stored run opened later carry the
 * same flows, a repeat is the reused run, and the other allocation of the same flows is computed for the comparison
 * and never stored.
 */
class StoredFlowRunTest {
    static ServiceFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    /** Each test its own initial value {@code v}, so no test reuses another's run. */
    private static BacktestRequest withContribution(double v, FlowAllocation allocation) {
        return fx.monthlyRequest(v).withRule(fx.rule("P2_DRIFT_5PCT_10BP").ruleId()).withCashFlows(
                CashFlowSchedule.ofAmount(250, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY).withAllocation(allocation));
    }

    @Test
    void aNewRunAndTheSameRunOpenedLaterShowTheSameFlowsAndARepeatIsReused() {
        BacktestService s = fx.service(true);
        BacktestService.Shown fresh = s.runAndShow(withContribution(10_000, FlowAllocation.TOWARD_TARGET), new Cancellation());
        assertThat(fresh.result().reused()).isFalse();
        RunView opened = s.open(fresh.result().runId());
        // 2021-03-01..2022-06-30: a flow on the first trading day of April 2021 .. June 2022, 15 months
        assertThat(fresh.view().flows().on().flows()).hasSize(15);
        assertThat(fresh.view().flows().off().contributed()).isEqualTo(15 * 250.0);
        assertThat(opened.flows()).isEqualTo(fresh.view().flows());
        assertThat(RunView.scheduleOf(opened.run())).isEqualTo(withContribution(10_000, FlowAllocation.TOWARD_TARGET).cashFlows());

        long runs = fx.count("simulation_run");
        BacktestService.Shown again = s.runAndShow(withContribution(10_000, null), new Cancellation()); // not given = toward target
        assertThat(again.result().reused()).isTrue();
        assertThat(again.result().runId()).isEqualTo(fresh.result().runId());
        assertThat(again.view().flows()).isEqualTo(fresh.view().flows());
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        // a run without flows has none
        BacktestService.Shown plain = s.runAndShow(fx.monthlyRequest(10_500), new Cancellation());
        assertThat(plain.view().flows()).isNull();
        assertThat(s.open(plain.result().runId()).flows()).isNull();
        assertThat(RunView.scheduleOf(plain.view().run())).isNull();
    }

    @Test
    void theOtherAllocationIsTheEnginesRunOfTheSameFlowsAndIsNotStored() {
        BacktestService s = fx.service(true);
        BacktestResult stored = s.run(withContribution(11_000, FlowAllocation.TOWARD_TARGET));
        long runs = fx.count("simulation_run");
        long flows = fx.count("run_cash_flow");

        Optional<RunSummary> proRata = s.withAllocation(s.findRun(stored.runId()), FlowAllocation.PRO_RATA, new Cancellation());

        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("run_cash_flow")).isEqualTo(flows);
        BacktestRequest req = withContribution(11_000, FlowAllocation.PRO_RATA);
        MarketData data = s.marketData(fx.dataset);
        Scenario scenario = new Scenario(fx.portfolio("Balanced 60/30/10").weights(), req.startDate(), req.endDate(),
                req.initialValue(), req.missingDataPolicy());
        PathResult engine = ScenarioSimulation.run(data, scenario, Optional.of(fx.rule("P2_DRIFT_5PCT_10BP").toEngineRule()),
                req.cashFlows(), true).on().orElseThrow();
        assertThat(proRata).isPresent();
        assertThat(proRata.get().on().eventCount()).isEqualTo(engine.metrics().eventCount());
        assertThat(proRata.get().on().totalTurnover()).isEqualTo(engine.metrics().totalTurnover());
        assertThat(proRata.get().on().totalCost()).isEqualTo(engine.metrics().totalCost());
        assertThat(proRata.get().on().finalValue()).isEqualTo(engine.metrics().finalValue());
        assertThat(proRata.get().on().finalValue()).isNotEqualTo(stored.summary().on().finalValue());
    }

    @Test
    void runsWithoutARuleOrASchedulesHaveNoOtherAllocation() {
        BacktestService s = fx.service(true);
        BacktestResult noRule = s.run(fx.monthlyRequest(12_000).withRule(null).withCashFlows(
                CashFlowSchedule.ofAmount(250, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)));
        BacktestResult noFlows = s.run(fx.monthlyRequest(20_000));
        assertThat(s.withAllocation(s.findRun(noRule.runId()), FlowAllocation.PRO_RATA, new Cancellation())).isEmpty();
        assertThat(s.withAllocation(s.findRun(noFlows.runId()), FlowAllocation.PRO_RATA, new Cancellation())).isEmpty();
    }

    @Test
    void aRunWhosePortfolioWasDeactivatedSinceHasNoComparisonRatherThanOneOnOtherTerms() {
        BacktestService s = fx.service(true);
        BacktestRequest req = fx.monthlyRequest(13_000).withRule(fx.rule("P2_DRIFT_5PCT_10BP").ruleId()).withCashFlows(
                CashFlowSchedule.ofAmount(300, Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY));
        BacktestResult stored = s.run(req);
        fx.execute("UPDATE portfolio SET is_active = false WHERE portfolio_id = " + req.portfolioId());
        try {
            assertThat(s.withAllocation(s.findRun(stored.runId()), FlowAllocation.PRO_RATA, new Cancellation())).isEmpty();
            assertThat(s.open(stored.runId()).flows().on().flows()).isNotEmpty(); // the run itself still opens
        } finally {
            fx.execute("UPDATE portfolio SET is_active = true WHERE portfolio_id = " + req.portfolioId());
        }
    }
}
