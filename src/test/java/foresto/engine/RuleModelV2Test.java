package foresto.engine;

import foresto.rule.RuleCodec;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rule model v2 (SEMANTICS §10, amended §1), each expectation worked out from the contract's formulas in the
 * test itself: bands of each kind, partial trades, check calendars, longer periods, the ZERO amendment.
 */
class RuleModelV2Test {
    static final Weights EIGHTY_TWENTY = Weights.of(Map.of(AssetClass.EQUITY, 0.8, AssetClass.BOND, 0.2));
    /** Mon 8 .. Fri 12 Jan 2024; equity +25 % on Wed 10: positions 1.0 / 0.2, value 1.2. */
    static final LocalDate[] WEEK = Markets.weekdays(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 12));
    static final MarketData JUMP = Markets.of(WEEK, (c, i) -> c == AssetClass.EQUITY && i == 2 ? 0.25 : 0.0);
    // after the jump: b_E = 1/1.2, b_B = 0.2/1.2, |drift| = 1/30 for both classes
    static final double B_E = 1.0 / 1.2;
    static final double B_B = 0.2 / 1.2;

    static PathResult on(MarketData data, LocalDate[] days, Weights w, RebalancingRule rule, MissingDataPolicy policy) {
        return ScenarioSimulation.run(data, new Scenario(w, days[0], days[days.length - 1], 1.0, policy), Optional.of(rule), false)
                .on().orElseThrow();
    }

    static RebalancingRule.Drift drift(BandKind kind, double theta, double rho, CheckFrequency check, double g) {
        return new RebalancingRule.Drift(theta, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, kind, rho, check, g);
    }

    @Test
    void anAbsoluteBandOfFivePointsIgnoresADriftOfThreeAndAThird() {
        assertThat(on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.ABSOLUTE, 0.05, Double.NaN, CheckFrequency.DAILY, 0), MissingDataPolicy.SKIP)
                .events()).isEmpty();
    }

    @Test
    void aRelativeBandHoldsTheSmallSleeveTighter() {
        // ρ = 0.25: bands 0.2 (equity) and 0.05 (bond): 1/30 is inside both
        assertThat(on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.RELATIVE, Double.NaN, 0.25, CheckFrequency.DAILY, 0), MissingDataPolicy.SKIP)
                .events()).isEmpty();
        // ρ = 0.15: bands 0.12 and 0.03: the bond's 1/30 ≥ 0.03 breaches; its ratio 1.11 beats equity's 0.28
        PathResult p = on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.RELATIVE, Double.NaN, 0.15, CheckFrequency.DAILY, 0), MissingDataPolicy.SKIP);
        assertThat(p.events()).hasSize(1);
        RebalancingEvent e = p.events().get(0);
        TriggerDetail.Drift d = (TriggerDetail.Drift) e.triggerDetail();
        assertThat(e.eventDate()).isEqualTo(WEEK[2]);
        assertThat(d.band()).isEqualTo(BandKind.RELATIVE);
        assertThat(d.threshold()).isNull();
        assertThat(d.breachedAssetClass()).isEqualTo(AssetClass.BOND);
        assertThat(d.bands().get("EQUITY")).isCloseTo(0.12, within(1e-15));
        assertThat(d.bands().get("BOND")).isCloseTo(0.03, within(1e-15));
        assertThat(e.turnover()).isCloseTo(2.0 / 30, within(1e-15));
    }

    @Test
    void aHybridBandIsWhicheverIsNarrower() {
        // θ = 0.05, ρ = 0.15: bands min(0.05, 0.12) = 0.05 and min(0.05, 0.03) = 0.03 → the bond breaches
        PathResult p = on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.HYBRID, 0.05, 0.15, CheckFrequency.DAILY, 0), MissingDataPolicy.SKIP);
        TriggerDetail.Drift d = (TriggerDetail.Drift) p.events().get(0).triggerDetail();
        assertThat(d.bands()).containsEntry("EQUITY", 0.05);
        assertThat(d.bands().get("BOND")).isCloseTo(0.03, within(1e-15));
        assertThat(d.breachedAssetClass()).isEqualTo(AssetClass.BOND);
        // θ = 0.05, ρ = 0.25: bands 0.05 and 0.05: nothing breaches
        assertThat(on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.HYBRID, 0.05, 0.25, CheckFrequency.DAILY, 0), MissingDataPolicy.SKIP)
                .events()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.875})
    void aPartialTradeLeavesTheWorstClassAtGOfItsBand(double g) {
        // θ = 0.02 (absolute): m = (1/30) / 0.02 = 5/3, λ = g / m; n = w + λ (b − w)
        PathResult p = on(JUMP, WEEK, EIGHTY_TWENTY, drift(BandKind.ABSOLUTE, 0.02, Double.NaN, CheckFrequency.DAILY, g), MissingDataPolicy.SKIP);
        RebalancingEvent e = p.events().get(0);
        double lambda = g / ((B_E - 0.8) / 0.02);
        double nE = 0.8 + lambda * (B_E - 0.8);
        double nB = 0.2 + lambda * (B_B - 0.2);
        assertThat(e.afterWeights().get("EQUITY")).isCloseTo(nE, within(1e-15));
        assertThat(e.afterWeights().get("BOND")).isCloseTo(nB, within(1e-15));
        assertThat(Math.abs(e.afterWeights().get("EQUITY") - 0.8)).isCloseTo(g * 0.02, within(1e-12)); // 0.01 or 0.0175
        assertThat(e.turnover()).isCloseTo(Math.abs(nE - B_E) + Math.abs(nB - B_B), within(1e-15));
        assertThat(e.costAmount()).isCloseTo(0.001 * e.turnover() * 1.2, within(1e-15));
        assertThat(e.valueAfter()).isEqualTo(e.valueBefore() - e.costAmount());
        assertThat(((TriggerDetail.Drift) e.triggerDetail()).rebalanceTo()).isEqualTo(g);
    }

    @Test
    void aQuarterlyCheckIgnoresABreachBetweenCheckDays() {
        // equity +25 % on 14 Feb, −20 % on 1 Mar (back to 1.0 × start): a breach in between, none on 1 Apr
        LocalDate[] days = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 6, 28));
        MarketData m = Markets.of(days, (c, i) -> c != AssetClass.EQUITY ? 0.0
                : days[i].equals(LocalDate.of(2024, 2, 14)) ? 0.25 : days[i].equals(LocalDate.of(2024, 3, 1)) ? -0.2 : 0.0);
        var daily = drift(BandKind.ABSOLUTE, 0.02, Double.NaN, CheckFrequency.DAILY, 0);
        var quarterly = drift(BandKind.ABSOLUTE, 0.02, Double.NaN, CheckFrequency.QUARTERLY, 0);
        assertThat(on(m, days, EIGHTY_TWENTY, daily, MissingDataPolicy.SKIP).events()).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 2, 14), LocalDate.of(2024, 3, 1));
        assertThat(on(m, days, EIGHTY_TWENTY, quarterly, MissingDataPolicy.SKIP).events()).isEmpty();
        // a breach that lasts until the quarter's first trading day fires there, and only there
        MarketData lasting = Markets.of(days, (c, i) -> c == AssetClass.EQUITY && days[i].equals(LocalDate.of(2024, 2, 14)) ? 0.25 : 0.0);
        assertThat(on(lasting, days, EIGHTY_TWENTY, quarterly, MissingDataPolicy.SKIP).events()).extracting(RebalancingEvent::eventDate)
                .containsExactly(LocalDate.of(2024, 4, 1));
    }

    @Test
    void semiannualAndAnnualCalendarsFireOnTheirPeriodsFirstAndLastTradingDays() {
        LocalDate[] days = Markets.weekdays(LocalDate.of(2021, 12, 27), LocalDate.of(2024, 1, 5),
                LocalDate.of(2022, 1, 3), LocalDate.of(2023, 6, 30));
        MarketData m = Markets.trending(days);
        Weights w = Markets.SIXTY_FORTY;
        assertThat(on(m, days, w, new RebalancingRule.Periodic(Frequency.SEMIANNUAL, BaseDayPolicy.FIRST_TRADING_DAY, 0), MissingDataPolicy.SKIP)
                .events()).extracting(RebalancingEvent::eventDate).containsExactly(LocalDate.of(2022, 1, 4),
                LocalDate.of(2022, 7, 1), LocalDate.of(2023, 1, 2), LocalDate.of(2023, 7, 3), LocalDate.of(2024, 1, 1));
        assertThat(on(m, days, w, new RebalancingRule.Periodic(Frequency.ANNUAL, BaseDayPolicy.LAST_TRADING_DAY, 0), MissingDataPolicy.SKIP)
                .events()).extracting(RebalancingEvent::eventDate).containsExactly(LocalDate.of(2021, 12, 31),
                LocalDate.of(2022, 12, 30), LocalDate.of(2023, 12, 29));
        assertThat(on(m, days, w, new RebalancingRule.Periodic(Frequency.SEMIANNUAL, BaseDayPolicy.LAST_TRADING_DAY, 0), MissingDataPolicy.SKIP)
                .events()).extracting(RebalancingEvent::eventDate).contains(LocalDate.of(2023, 6, 29)); // 30 Jun is a holiday here
    }

    @Test
    void underZeroADateOnWhichNoHeldClassTradedIsNoTradingDay() {
        // 1 Jan: only gold has a return (the stock and bond markets are closed)
        LocalDate[] days = {LocalDate.of(2023, 12, 28), LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)};
        MarketData m = Markets.of(days, (c, i) -> c == AssetClass.GOLD ? 0.01 : i == 2 ? Double.NaN : 0.001 * (c.ordinal() + 1));
        var monthly = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0);
        PathResult zero = on(m, days, Markets.SIXTY_FORTY, monthly, MissingDataPolicy.ZERO);
        assertThat(zero.dates()).doesNotContain(LocalDate.of(2024, 1, 1)).hasSize(4);
        assertThat(zero.events()).extracting(RebalancingEvent::eventDate).containsExactly(LocalDate.of(2024, 1, 2));
        // a date where one held class traded stays under ZERO (its missing return counts as 0)
        MarketData partly = Markets.of(days, (c, i) -> c == AssetClass.BOND && i == 2 ? Double.NaN : 0.001);
        assertThat(on(partly, days, Markets.SIXTY_FORTY, monthly, MissingDataPolicy.ZERO).dates()).contains(LocalDate.of(2024, 1, 1));
    }

    @Test
    void partialTradesKeepWeightsSummingToOneAndTheWorstClassAtGOfItsBand() {
        SplittableRandom rnd = new SplittableRandom(20261201);
        LocalDate[] days = Markets.weekdays(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31));
        int checked = 0;
        for (int scenario = 0; scenario < 60; scenario++) {
            MarketData m = Markets.random(days, rnd.nextLong(), 0.02);
            double a = 0.1 + 0.5 * rnd.nextDouble();
            double b = (1 - a) * rnd.nextDouble();
            Weights w = Weights.of(Map.of(AssetClass.EQUITY, a, AssetClass.BOND, b, AssetClass.GOLD, 1 - a - b));
            BandKind kind = BandKind.values()[rnd.nextInt(3)];
            double theta = kind == BandKind.RELATIVE ? Double.NaN : 0.01 + 0.05 * rnd.nextDouble();
            double rho = kind == BandKind.ABSOLUTE ? Double.NaN : 0.1 + 0.4 * rnd.nextDouble();
            double g = 0.9 * rnd.nextDouble();
            var rule = new RebalancingRule.Drift(theta, BaseDayPolicy.FIRST_TRADING_DAY, 0.002, kind, rho, CheckFrequency.DAILY, g);
            for (RebalancingEvent e : on(m, days, w, rule, MissingDataPolicy.SKIP).events()) {
                TriggerDetail.Drift d = (TriggerDetail.Drift) e.triggerDetail();
                double sum = 0;
                double turnover = 0;
                double worstRatio = 0;
                for (String code : e.afterWeights().keySet()) {
                    double n = e.afterWeights().get(code);
                    double target = w.get(AssetClass.parse(code));
                    sum += n;
                    turnover += Math.abs(n - e.beforeWeights().get(code));
                    worstRatio = Math.max(worstRatio, Math.abs(n - target) / d.bands().get(code));
                }
                assertThat(sum).isCloseTo(1.0, within(1e-12));
                assertThat(e.turnover()).isCloseTo(turnover, within(1e-12));
                assertThat(worstRatio).isCloseTo(g, within(1e-12));
                String breached = d.breachedAssetClass().name();
                assertThat(Math.abs(e.beforeWeights().get(breached) - w.get(d.breachedAssetClass())))
                        .isGreaterThanOrEqualTo(d.bands().get(breached) * (1 - 1e-12));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theShortFormParsesEveryRuleAndSaysWhatIsWrong() {
        assertThat(RuleCodec.parse("semiannual", BaseDayPolicy.FIRST_TRADING_DAY, 0.001))
                .isEqualTo(new RebalancingRule.Periodic(Frequency.SEMIANNUAL, BaseDayPolicy.FIRST_TRADING_DAY, 0.001));
        assertThat(RuleCodec.parse("drift-hybrid:0.05/0.25", BaseDayPolicy.FIRST_TRADING_DAY, 0.001, CheckFrequency.QUARTERLY, 0.5))
                .isEqualTo(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25,
                        CheckFrequency.QUARTERLY, 0.5));
        for (String spec : List.of("monthly", "annual", "drift:0.05", "drift-rel:0.25", "drift-hybrid:0.05/0.25")) {
            assertThat(RuleCodec.spec(RuleCodec.parse(spec, BaseDayPolicy.FIRST_TRADING_DAY, 0))).isEqualTo(spec);
        }
        for (String bad : List.of("drift-rel:1.5", "drift-hybrid:0.05", "drift:x", "weekly", "drift-rel:0")) {
            Assertions.assertThatThrownBy(() -> RuleCodec.parse(bad, BaseDayPolicy.FIRST_TRADING_DAY, 0))
                    .as(bad).hasMessageContaining(bad.startsWith("drift-rel:1") || bad.equals("drift-rel:0") ? "band_rho" : "");
        }
    }
}
