package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DriftRuleTest {
    private static final LocalDate[] DAYS = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 6, 28));

    private static PathResult on(MarketData data, double threshold) {
        var rule = new RebalancingRule.Drift(threshold, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        return ScenarioSimulation.run(data, Markets.scenario(Markets.SIXTY_FORTY, DAYS, MissingDataPolicy.SKIP),
                Optional.of(rule), true).on().orElseThrow();
    }

    @Test
    void driftBelowThresholdGivesNoEvent() {
        MarketData calm = Markets.random(DAYS, 3, 0.0005);
        PathResult p = on(calm, 0.05);
        assertThat(p.events()).isEmpty();
        double maxSeen = 0;
        for (int k = 0; k < p.values().length; k++) {
            maxSeen = Math.max(maxSeen, p.maxDrift(k, Markets.SIXTY_FORTY));
        }
        assertThat(maxSeen).isGreaterThan(0).isLessThan(0.05);
    }

    @Test
    void driftAboveThresholdFiresAndEveryEventIsTheFirstCloseAtOrAboveThreshold() {
        MarketData trending = Markets.trending(DAYS);
        double theta = 0.05;
        PathResult p = on(trending, theta);
        assertThat(p.events()).hasSizeGreaterThanOrEqualTo(1);
        List<LocalDate> dates = List.of(p.dates());
        for (RebalancingEvent e : p.events()) {
            int k = dates.indexOf(e.eventDate());
            var detail = (TriggerDetail.Drift) e.triggerDetail();
            assertThat(detail.maxDrift()).isGreaterThanOrEqualTo(theta).isEqualTo(p.maxDrift(k, Markets.SIXTY_FORTY));
            assertThat(detail.threshold()).isEqualTo(theta);
            assertThat(detail.breachedAssetClass()).isIn(AssetClass.EQUITY, AssetClass.BOND);
            assertThat(Math.abs(detail.drifts().get(detail.breachedAssetClass().name()))).isEqualTo(detail.maxDrift());
            // the close before: after any trade that day, the drift was still below the threshold
            boolean tradedBefore = p.events().stream().anyMatch(x -> x.eventDate().equals(dates.get(k - 1)));
            double previous = tradedBefore ? 0 : p.maxDrift(k - 1, Markets.SIXTY_FORTY);
            assertThat(previous).isLessThan(theta);
        }
    }

    @Test
    void driftEventsAreReproducible() {
        MarketData trending = Markets.trending(DAYS);
        assertThat(on(trending, 0.03).events()).isEqualTo(on(trending, 0.03).events());
    }

    @Test
    void driftIsCheckedAfterTheClosesReturnsAtExactlyTheThreshold() {
        // one jump day takes equity from 60 % to exactly 62.5 %: 0.6·(1+r) / (0.6·(1+r) + 0.4) = 0.625 → r = 1/9
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));
        MarketData m = Markets.of(d, (c, i) -> c == AssetClass.EQUITY && i == 2 ? 0.125 / 1.125 : 0.0);
        var rule = new RebalancingRule.Drift(0.025, BaseDayPolicy.FIRST_TRADING_DAY, 0.0);
        PathResult p = ScenarioSimulation.run(m, Markets.scenario(Markets.SIXTY_FORTY, d, MissingDataPolicy.SKIP),
                Optional.of(rule), false).on().orElseThrow();
        double drift = 0.6 * (1 + 0.125 / 1.125) / (0.6 * (1 + 0.125 / 1.125) + 0.4) - 0.6;
        assertThat(p.events()).hasSize(drift >= 0.025 ? 1 : 0);
        if (!p.events().isEmpty()) {
            assertThat(p.events().get(0).eventDate()).isEqualTo(d[2]);
        }
    }
}
