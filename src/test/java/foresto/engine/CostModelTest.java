package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostModelTest {

    @Test
    void handComputedRebalanceAtAMonthStart() {
        // 60/40 of 100. On Feb 1 equity +25 %, bond 0 %: P = (75, 40), V = 115.
        // before = (75/115, 40/115); turnover = |0.6 − 75/115| + |0.4 − 40/115| = 2 · (75/115 − 0.6) = 6/57.5
        // cost = 0.001 · T · 115 = 0.012; V' = 114.988; after = exactly 60/40 of V'.
        LocalDate[] d = {LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1)};
        MarketData m = Markets.of(d, (c, i) -> c == AssetClass.EQUITY && i == 1 ? 0.25 : 0.0);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, d[0], d[1], 100, MissingDataPolicy.SKIP);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);

        PathResult on = ScenarioSimulation.run(m, s, Optional.of(rule), false).on().orElseThrow();

        assertThat(on.events()).hasSize(1);
        RebalancingEvent e = on.events().get(0);
        assertThat(e.valueBefore()).isEqualTo(115.0);
        assertThat(e.beforeWeights()).containsOnlyKeys("BOND", "EQUITY");
        assertThat(e.beforeWeights().get("EQUITY")).isCloseTo(75.0 / 115, within(1e-15));
        assertThat(e.turnover()).isCloseTo(0.104347826086956, within(1e-14));
        assertThat(e.costRate()).isEqualTo(0.001);
        assertThat(e.costAmount()).isCloseTo(0.012, within(1e-14));
        assertThat(e.valueAfter()).isEqualTo(e.valueBefore() - e.costAmount());
        assertThat(e.valueAfter()).isCloseTo(114.988, within(1e-12));
        assertThat(e.afterWeights()).isEqualTo(Map.of("BOND", 0.4, "EQUITY", 0.6));
        assertThat(on.values()[1]).isEqualTo(e.valueAfter());
        assertThat(on.metrics().totalCost()).isEqualTo(e.costAmount());
        assertThat(on.metrics().eventCount()).isEqualTo(1);
    }

    @Test
    void theStepPutsPositionsExactlyAtTargetsOfTheValueAfterCost() {
        double[] positions = new double[AssetClass.COUNT];
        positions[AssetClass.EQUITY.ordinal()] = 75;
        positions[AssetClass.BOND.ordinal()] = 40;
        var ctx = new StepContext(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 2));
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        Rebalance r = RebalancingEngine.step(positions, Markets.SIXTY_FORTY, ctx, rule).orElseThrow();
        double vAfter = r.event().valueAfter();
        assertThat(r.positions()[AssetClass.EQUITY.ordinal()]).isEqualTo(0.6 * vAfter);
        assertThat(r.positions()[AssetClass.BOND.ordinal()]).isEqualTo(0.4 * vAfter);
        assertThat(positions[AssetClass.EQUITY.ordinal()]).as("input untouched").isEqualTo(75);
        // mid-month: no event
        var mid = new StepContext(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 5));
        assertThat(RebalancingEngine.step(positions, Markets.SIXTY_FORTY, mid, rule)).isEmpty();
    }

    @Test
    void rebalancingOnDiffersFromOffAndOffStaysBuyAndHold() {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31));
        MarketData m = Markets.trending(d);
        Scenario s = Markets.scenario(Markets.SIXTY_FORTY, d, MissingDataPolicy.SKIP);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        SimulationResult both = ScenarioSimulation.run(m, s, Optional.of(rule), false);
        SimulationResult offOnly = ScenarioSimulation.off(m, s, false);

        assertThat(both.on().orElseThrow().metrics().finalValue()).isNotEqualTo(both.off().metrics().finalValue());
        assertThat(both.off().values()).isEqualTo(offOnly.off().values());
        assertThat(both.off().events()).isEmpty();
        assertThat(offOnly.on()).isEmpty();
    }
}
