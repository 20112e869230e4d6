package foresto.engine;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Flows in the path loop (SEMANTICS §13.2–§13.4), by hand on tiny markets. */
class CashFlowPathTest {
    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static final CashFlowSchedule MONTHLY_50 = CashFlowSchedule.ofAmount(50, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);

    /** 60/40 of 100 on Jan 30; Jan 31 equity +10 %; Feb 1 (the flow date) equity −10 %; Feb 2 bond +5 %. */
    static final LocalDate[] FOUR = {d(2024, 1, 30), d(2024, 1, 31), d(2024, 2, 1), d(2024, 2, 2)};
    static final MarketData FOUR_DAYS = Markets.of(FOUR, (c, i) -> c == AssetClass.EQUITY ? (i == 1 ? 0.1 : i == 2 ? -0.1 : 0.0)
            : c == AssetClass.BOND && i == 3 ? 0.05 : 0.0);
    static final Scenario FOUR_SCENARIO = new Scenario(Markets.SIXTY_FORTY, FOUR[0], FOUR[3], 100, MissingDataPolicy.SKIP);

    @Test
    void offTimeWeightedIndexIsTheReturnWithoutFlows() {
        // Without flows: 100 → (66 + 40) = 106 → (59.4 + 40) = 99.4 → 59.4 + 42 = 101.4. Pro rata keeps the mix, so the
        // TWR index is 1.06, 0.994, 1.014 whatever flows come in: r_2 = (V_2 − 50)/106 − 1 with V_2 = 149.4.
        PathResult off = ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(), MONTHLY_50, false).off();
        CashFlowResult cf = off.cashFlows();
        assertThat(cf.twrIndex()[1]).isCloseTo(1.06, within(1e-14));
        assertThat(cf.twrIndex()[2]).isCloseTo(0.994, within(1e-14));
        assertThat(cf.twrIndex()[3]).isCloseTo(1.014, within(1e-14));
        assertThat(cf.twrTotal()).isCloseTo(0.014, within(1e-14));
        assertThat(off.metrics().totalReturn()).isEqualTo(cf.twrTotal());
        assertThat(off.metrics().cagr()).isEqualTo(cf.twrCagr());
        assertThat(off.values()[2]).isCloseTo(149.4, within(1e-12));
        assertThat(off.values()[3]).isCloseTo(149.4 * 101.4 / 99.4, within(1e-12));
        assertThat(off.metrics().finalValue()).isEqualTo(off.values()[3]);
        PathResult plain = ScenarioSimulation.off(FOUR_DAYS, FOUR_SCENARIO, false).off();
        assertThat(cf.twrTotal()).isCloseTo(plain.metrics().totalReturn(), within(1e-14));
        assertThat(cf.contributed()).isEqualTo(50.0);
        assertThat(cf.withdrawn()).isEqualTo(0.0);
        assertThat(cf.netFlow()).isEqualTo(50.0);
        assertThat(cf.depletedOn()).isNull();
        assertThat(cf.flows()).hasSize(1);
        CashFlow f = cf.flows().get(0);
        assertThat(f.date()).isEqualTo(d(2024, 2, 1));
        assertThat(f.amount()).isEqualTo(50.0);
        assertThat(f.trades().get("EQUITY")).isCloseTo(50 * 59.4 / 99.4, within(1e-12));
        assertThat(f.trades().get("BOND")).isCloseTo(50 * 40 / 99.4, within(1e-12));
    }

    @Test
    void moneyWeightedReturnSolvesTheCashFlows() {
        // −100 on Jan 30, −50 on Feb 1, +V_3 on Feb 2: the mwr zeroes Σ c·(1 + r)^((t_n − t_i)/365).
        PathResult off = ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(), MONTHLY_50, false).off();
        double r = off.cashFlows().mwr().getAsDouble();
        double v3 = off.values()[3];
        double npv = -100 * Math.pow(1 + r, 3 / 365.0) - 50 * Math.pow(1 + r, 1 / 365.0) + v3;
        assertThat(npv).isCloseTo(0, within(1e-9));
        assertThat(r).isGreaterThan(0);
    }

    @Test
    void towardTargetContributionBuysTheUnderweightBond() {
        // ON monthly (fires Feb 1 anyway): after returns P = (59.4, 40), V = 99.4; L with 0.6·L ≥ 59.4 … 0.4·L − 40 = 50
        // → L = 225 but then equity needs 0.6·225 − 59.4 = 75.6 > 0; F = 50 ≥ max P/w − V = 100 − 99.4, so the result is
        // exactly 60/40 of 149.4 and the monthly rule then trades nothing.
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        PathResult on = ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.of(rule), MONTHLY_50, true).on().orElseThrow();
        CashFlow f = on.cashFlows().flows().get(0);
        assertThat(f.trades().get("EQUITY")).isCloseTo(0.6 * 149.4 - 59.4, within(1e-12));
        assertThat(f.trades().get("BOND")).isCloseTo(0.4 * 149.4 - 40, within(1e-12));
        assertThat(on.events()).hasSize(1);
        assertThat(on.events().get(0).turnover()).isCloseTo(0, within(1e-15));
        assertThat(on.closeWeights()[0][2]).isCloseTo(0.6, within(1e-15));
    }

    @Test
    void growthCompoundsByCalendarDaysFromThePurchase() {
        // Zero returns, New Year a holiday; purchase Dec 29 2023; flows on the first trading day of Jan, Feb, Mar 2024 = 4, 34, 63 days
        // later: 10·1.1^(4/365.25) = 10.010443251313308, 10·1.1^(34/365.25) = 10.089116057410457,
        // 10·1.1^(63/365.25) = 10.16575410949066.
        LocalDate[] dates = Markets.weekdays(d(2023, 12, 29), d(2024, 3, 5), d(2024, 1, 1));
        MarketData m = Markets.of(dates, (c, i) -> 0.0);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        CashFlowSchedule g = CashFlowSchedule.ofAmount(10, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY).withGrowth(0.1);
        CashFlowResult cf = ScenarioSimulation.run(m, s, Optional.empty(), g, false).off().cashFlows();
        List<CashFlow> flows = cf.flows();
        assertThat(flows).extracting(CashFlow::date).containsExactly(d(2024, 1, 2), d(2024, 2, 1), d(2024, 3, 1));
        assertThat(flows.get(0).amount()).isCloseTo(10.010443251313308, within(1e-12));
        assertThat(flows.get(1).amount()).isCloseTo(10.089116057410457, within(1e-12));
        assertThat(flows.get(2).amount()).isCloseTo(10.16575410949066, within(1e-12));
        assertThat(cf.contributed()).isCloseTo(30.265313418214426, within(1e-12));
        assertThat(cf.twrTotal()).isEqualTo(0.0);
    }

    @Test
    void withdrawalsDepleteThePath() {
        // Zero returns, 100, −40 on the first trading day of Feb, Mar, Apr: 60, 20, then −40 ≥ 20 depletes on Apr 1 with
        // F = −20; the path stays 0. Withdrawn 100, TWR 0, and the mwr is 0 (−100 + 40 + 40 + 20 = 0 at r = 0).
        LocalDate[] dates = {d(2024, 1, 30), d(2024, 1, 31), d(2024, 2, 1), d(2024, 3, 1), d(2024, 4, 1), d(2024, 4, 2),
            d(2024, 5, 2)};
        MarketData m = Markets.of(dates, (c, i) -> 0.0);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        CashFlowSchedule w = CashFlowSchedule.ofAmount(-40, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        SimulationResult r = ScenarioSimulation.run(m, s, Optional.of(rule), w, false);
        for (PathResult p : List.of(r.off(), r.on().orElseThrow())) {
            assertThat(p.values()).containsExactly(100, 100, 60, 20, 0, 0, 0);
            CashFlowResult cf = p.cashFlows();
            assertThat(cf.depletedOn()).isEqualTo(d(2024, 4, 1));
            assertThat(cf.flows()).extracting(CashFlow::amount).containsExactly(-40.0, -40.0, -20.0);
            assertThat(cf.withdrawn()).isEqualTo(100.0);
            assertThat(cf.netFlow()).isEqualTo(-100.0);
            assertThat(cf.twrTotal()).isEqualTo(0.0);
            assertThat(cf.mwr().getAsDouble()).isCloseTo(0, within(1e-12));
            assertThat(p.metrics().finalValue()).isEqualTo(0.0);
            assertThat(p.metrics().maxDrawdown()).isEqualTo(0.0);
        }
        // ON: the monthly rule fires on Feb 1 and Mar 1 (at target, turnover 0), not on the depletion day or after
        assertThat(r.on().orElseThrow().events()).extracting(RebalancingEvent::eventDate)
                .containsExactly(d(2024, 2, 1), d(2024, 3, 1));
    }

    @Test
    void maxDrawdownIsTheTimeWeightedIndexsNotTheValuePaths() {
        // FOUR_DAYS with 50 paid in on Feb 1: the value path 100, 106, 149.4, 151.52… never falls, the index 1, 1.06,
        // 0.994, 1.014 falls from its peak 1.06 to 0.994.
        PathResult off = ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(), MONTHLY_50, false).off();
        assertThat(off.metrics().maxDrawdown()).isCloseTo(1 - 0.994 / 1.06, within(1e-14));
        assertThat(off.values()).isSorted();
    }

    @Test
    void aDepletionDaysMarketFallCountsInTheDrawdown() {
        // 100 held 60/40, equity −50 % on Apr 1 (V = 70 after the returns), then −80 (the schedule's only flow date, from
        // flows_from = Apr 1) takes everything: F = −70, r = (0 + 70)/100 − 1 = −0.3; the index falls 30 % and stays.
        LocalDate[] dates = {d(2024, 1, 30), d(2024, 1, 31), d(2024, 2, 1), d(2024, 3, 1), d(2024, 4, 1), d(2024, 4, 2)};
        MarketData m = Markets.of(dates, (c, i) -> c == AssetClass.EQUITY && i == 4 ? -0.5 : 0.0);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        CashFlowSchedule w = CashFlowSchedule.ofAmount(-80, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)
                .withLimits(d(2024, 4, 1), null);
        PathResult off = ScenarioSimulation.run(m, s, Optional.empty(), w, false).off();
        assertThat(off.cashFlows().depletedOn()).isEqualTo(d(2024, 4, 1));
        assertThat(off.cashFlows().twrIndex()).containsExactly(1, 1, 1, 1, 0.7, 0.7);
        assertThat(off.metrics().maxDrawdown()).isCloseTo(0.3, within(1e-15));
        assertThat(off.metrics().totalReturn()).isCloseTo(-0.3, within(1e-15));
    }

    @Test
    void withdrawalRateTakesAShareOfTheValueAfterReturns() {
        // 4 % of V after Feb 1's returns (99.4) = 3.976.
        CashFlowSchedule rate = CashFlowSchedule.ofRate(0.04, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        PathResult off = ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(), rate, false).off();
        assertThat(off.cashFlows().flows().get(0).amount()).isCloseTo(-3.976, within(1e-12));
        assertThat(off.values()[2]).isCloseTo(99.4 * 0.96, within(1e-12));
        assertThat(off.cashFlows().twrTotal()).isCloseTo(0.014, within(1e-14));
    }

    @Test
    void driftRuleTradesLessWithTowardTargetContributions() {
        // Equity +0.3 % a day, bond flat: the drift rule (5 %) fires again and again; monthly contributions of 5 % of the
        // initial value toward the targets buy the underweight bond and push the breaches back.
        LocalDate[] dates = Markets.weekdays(d(2020, 1, 1), d(2022, 12, 31));
        MarketData m = Markets.of(dates, (c, i) -> c == AssetClass.EQUITY ? 0.003 : 0.0);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        var drift = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        CashFlowSchedule c = CashFlowSchedule.ofAmount(5, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        PathResult toward = ScenarioSimulation.run(m, s, Optional.of(drift), c, false).on().orElseThrow();
        PathResult proRata = ScenarioSimulation.run(m, s, Optional.of(drift), c.withAllocation(FlowAllocation.PRO_RATA), false)
                .on().orElseThrow();
        assertThat(proRata.metrics().eventCount()).isGreaterThan(0);
        assertThat(toward.metrics().eventCount()).isLessThan(proRata.metrics().eventCount());
        assertThat(toward.metrics().totalTurnover()).isLessThan(proRata.metrics().totalTurnover());
    }

    @Test
    void offWithFlowsKeepsTheBuyAndHoldMix() {
        LocalDate[] dates = Markets.weekdays(d(2021, 1, 1), d(2021, 12, 31));
        MarketData m = Markets.random(dates, 7, 0.01);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        PathResult plain = ScenarioSimulation.off(m, s, true).off();
        PathResult flows = ScenarioSimulation.run(m, s, Optional.empty(), MONTHLY_50, true).off();
        for (int k = 0; k < dates.length; k++) {
            assertThat(flows.closeWeights()[0][k]).isCloseTo(plain.closeWeights()[0][k], within(1e-12));
        }
        assertThat(flows.metrics().totalReturn()).isCloseTo(plain.metrics().totalReturn(), within(1e-12));
        assertThat(flows.metrics().volatility()).isCloseTo(plain.metrics().volatility(), within(1e-12));
        assertThat(flows.metrics().maxDrawdown()).isCloseTo(plain.metrics().maxDrawdown(), within(1e-12));
    }

    @Test
    void withoutAScheduleNothingChanges() {
        LocalDate[] dates = Markets.weekdays(d(2021, 1, 1), d(2021, 12, 31));
        MarketData m = Markets.random(dates, 11, 0.01);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, dates[0], dates[dates.length - 1], 100, MissingDataPolicy.SKIP);
        var drift = new RebalancingRule.Drift(0.03, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        SimulationResult a = ScenarioSimulation.run(m, s, Optional.of(drift), false);
        SimulationResult b = ScenarioSimulation.run(m, s, Optional.of(drift), null, false);
        assertThat(Arrays.equals(a.on().orElseThrow().values(), b.on().orElseThrow().values())).isTrue();
        assertThat(b.on().orElseThrow().metrics()).isEqualTo(a.on().orElseThrow().metrics());
        assertThat(b.off().hasCashFlows()).isFalse();
    }

    @Test
    void badSchedulesAreRefusedWithInvalidRequest() {
        var f = Frequency.MONTHLY;
        var b = BaseDayPolicy.FIRST_TRADING_DAY;
        assertInvalid(() -> new CashFlowSchedule(10.0, 0.04, f, b, 0, 0, 0, null, null, null));
        assertInvalid(() -> new CashFlowSchedule(null, null, f, b, 0, 0, 0, null, null, null));
        assertInvalid(() -> CashFlowSchedule.ofRate(0, f, b));
        assertInvalid(() -> CashFlowSchedule.ofRate(1, f, b));
        assertInvalid(() -> CashFlowSchedule.ofAmount(0, f, b));
        assertInvalid(() -> CashFlowSchedule.ofAmount(10, f, b).withGrowth(-0.5));
        assertInvalid(() -> CashFlowSchedule.ofAmount(10, f, b).withGrowth(1));
        assertInvalid(() -> CashFlowSchedule.ofRate(0.04, f, b).withGrowth(0.02));
        assertInvalid(() -> CashFlowSchedule.ofAmount(10, f, b).withLimits(d(2024, 2, 1), d(2024, 1, 31)));
        assertInvalid(() -> CashFlowSchedule.ofAmount(10, Frequency.QUARTERLY, b).withCalendarShift(3, 0));
        assertInvalid(() -> CashFlowSchedule.ofAmount(10, f, b).withCalendarShift(0, 21));
        // no flow date: the window's only month start is Feb 1, and the flows begin after it
        assertInvalid(() -> ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(),
                MONTHLY_50.withLimits(d(2024, 2, 2), null), false));
        // an allocation without a rule
        assertInvalid(() -> ScenarioSimulation.run(FOUR_DAYS, FOUR_SCENARIO, Optional.empty(),
                MONTHLY_50.withAllocation(FlowAllocation.PRO_RATA), false));
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
    }
}
