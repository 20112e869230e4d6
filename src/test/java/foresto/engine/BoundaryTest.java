package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases built so the arithmetic is exact in binary floating point: a boundary is hit exactly, not within a
 * rounding error, so "≥" against "&gt;" and each calendar filter are each decided by a test.
 */
class BoundaryTest {
    static final Weights HALF_HALF = Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.5));

    /** Equity triples on the third close: weights 0.75 / 0.25, a drift of exactly 0.25 (all values exact). */
    static PathResult tripleOnThirdClose(double theta) {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));
        MarketData m = Markets.of(d, (c, i) -> c == AssetClass.EQUITY && i == 2 ? 2.0 : 0.0);
        var rule = new RebalancingRule.Drift(theta, BaseDayPolicy.FIRST_TRADING_DAY, 0.0);
        return ScenarioSimulation.run(m, Markets.scenario(HALF_HALF, d, MissingDataPolicy.SKIP), Optional.of(rule), false)
                .on().orElseThrow();
    }

    @Test
    void aDriftOfExactlyTheThresholdFires() {
        PathResult p = tripleOnThirdClose(0.25);
        assertThat(p.events()).hasSize(1);
        RebalancingEvent e = p.events().get(0);
        assertThat(e.eventDate()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(((TriggerDetail.Drift) e.triggerDetail()).maxDrift()).isEqualTo(0.25);
        assertThat(e.beforeWeights()).containsEntry("EQUITY", 0.75).containsEntry("BOND", 0.25);
        assertThat(e.turnover()).isEqualTo(0.5); // |0.5 − 0.75| + |0.5 − 0.25|
    }

    @Test
    void aDriftOneUlpBelowTheThresholdDoesNotFire() {
        assertThat(tripleOnThirdClose(Math.nextUp(0.25)).events()).isEmpty();
    }

    @Test
    void theLastTradingDayLooksPastTheWindowThroughTheSkipFilter() {
        // the window ends on Tue 30 Jan; Wed 31 Jan has no bond return, so under SKIP the next trading day is
        // Thu 1 Feb and 30 Jan is January's last trading day; under ZERO 31 Jan stays and 30 Jan is not
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 22), LocalDate.of(2024, 2, 2));
        MarketData m = Markets.of(d, (c, i) -> c == AssetClass.BOND && d[i].equals(LocalDate.of(2024, 1, 31)) ? Double.NaN : 0.0);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0.0);
        Weights w = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
        LocalDate end = LocalDate.of(2024, 1, 30);
        PathResult skip = ScenarioSimulation.run(m, new Scenario(w, d[0], end, 1, MissingDataPolicy.SKIP), Optional.of(rule), false)
                .on().orElseThrow();
        assertThat(skip.events()).extracting(RebalancingEvent::eventDate).containsExactly(end);
        PathResult zero = ScenarioSimulation.run(m, new Scenario(w, d[0], end, 1, MissingDataPolicy.ZERO), Optional.of(rule), false)
                .on().orElseThrow();
        assertThat(zero.events()).isEmpty();
    }
}
