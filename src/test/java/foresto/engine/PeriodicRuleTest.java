package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicRuleTest {
    // 2024: Jan 1 (Mon) and Mar 1 (Fri) are holidays here, so January starts on the 2nd and March on the 4th.
    private static final LocalDate[] YEAR = Markets.weekdays(LocalDate.of(2023, 12, 27), LocalDate.of(2024, 12, 31),
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 25));

    private static List<RebalancingEvent> events(MarketData data, Scenario s, RebalancingRule rule) {
        return ScenarioSimulation.run(data, s, Optional.of(rule), false).on().orElseThrow().events();
    }

    private static LocalDate firstTradingDay(LocalDate[] cal, int year, Month m) {
        for (LocalDate d : cal) {
            if (d.getYear() == year && d.getMonth() == m) {
                return d;
            }
        }
        throw new AssertionError();
    }

    @Test
    void monthlyRuleFiresOnceAMonthOnTheFirstTradingDayAfterHolidays() {
        MarketData data = Markets.trending(YEAR);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        List<RebalancingEvent> ev = events(data, Markets.scenario(Markets.SIXTY_FORTY, YEAR, MissingDataPolicy.SKIP), rule);

        assertThat(ev).hasSize(12);
        Map<Month, Long> perMonth = ev.stream().collect(Collectors.groupingBy(e -> e.eventDate().getMonth(), Collectors.counting()));
        assertThat(perMonth).hasSize(12).allSatisfy((m, n) -> assertThat(n).isEqualTo(1));
        for (RebalancingEvent e : ev) {
            assertThat(e.eventDate()).isEqualTo(firstTradingDay(YEAR, 2024, e.eventDate().getMonth()));
            assertThat(e.triggerType()).isEqualTo(TriggerType.PERIODIC);
        }
        assertThat(ev.get(0).eventDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(ev.get(2).eventDate()).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void quarterlyRuleFiresOnlyOnFirstTradingDaysOfJanAprJulOct() {
        MarketData data = Markets.trending(YEAR);
        var rule = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        List<RebalancingEvent> ev = events(data, Markets.scenario(Markets.SIXTY_FORTY, YEAR, MissingDataPolicy.SKIP), rule);
        assertThat(ev).extracting(RebalancingEvent::eventDate).containsExactly(
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1));
    }

    @Test
    void purchaseCloseIsNeverAnEventEvenOnAFirstTradingDay() {
        MarketData data = Markets.trending(YEAR);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 30), 1, MissingDataPolicy.SKIP);
        assertThat(events(data, s, rule)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 4, 1));
    }

    @Test
    void lastTradingDayRuleFiresOnMonthEndsIncludingTheWindowsLastDate() {
        MarketData data = Markets.trending(YEAR);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0.001);
        // the window ends on Feb 29, a month end: the next calendar date (Mar 4) lies beyond the window
        Scenario s = new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 29), 1, MissingDataPolicy.SKIP);
        assertThat(events(data, s, rule)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29));
    }

    @Test
    void lastTradingDayRuleNeverFiresOnTheDatasetsLastDate() {
        MarketData data = Markets.trending(YEAR);
        var rule = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY, 0.001);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 1, MissingDataPolicy.SKIP);
        assertThat(events(data, s, rule)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 6, 28), LocalDate.of(2024, 9, 30));
    }

    @Test
    void skipPolicyMovesTheFirstTradingDayPastAMissingDateWhileZeroKeepsIt() {
        // GOLD has no return on 2024-04-01 (first trading day of April) and on 2024-05-31 (last of May)
        MarketData data = Markets.of(YEAR, (c, i) -> c == AssetClass.GOLD
                && (YEAR[i].equals(LocalDate.of(2024, 4, 1)) || YEAR[i].equals(LocalDate.of(2024, 5, 31)))
                ? Double.NaN : (c == AssetClass.EQUITY ? 0.002 : 0.0));
        Weights w = Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.GOLD, 0.5));
        Scenario skip = new Scenario(w, LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 30), 1, MissingDataPolicy.SKIP);
        Scenario zero = new Scenario(w, LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 30), 1, MissingDataPolicy.ZERO);

        var first = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.0);
        assertThat(events(data, skip, first)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 3));
        assertThat(events(data, zero, first)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 3));

        var last = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0.0);
        assertThat(events(data, skip, last)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 30), LocalDate.of(2024, 6, 28));
        assertThat(events(data, zero, last)).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 28));
    }

    @Test
    void periodicRuleFiresEvenWhenThePortfolioSitsAtTarget() {
        MarketData flat = Markets.of(YEAR, (c, i) -> 0.0);
        var rule = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        List<RebalancingEvent> ev = events(flat, Markets.scenario(Markets.SIXTY_FORTY, YEAR, MissingDataPolicy.ZERO), rule);
        assertThat(ev).hasSize(12).allSatisfy(e -> {
            assertThat(e.turnover()).isEqualTo(0.0);
            assertThat(e.costAmount()).isEqualTo(0.0);
        });
    }
}
