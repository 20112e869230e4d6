package foresto.engine;

import foresto.rule.RuleCodec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine's documented boundaries and encodings, each checked at the exact edge (the value allowed and the
 * next double refused), so a changed comparison anywhere in them is noticed.
 */
class EngineContractTest {
    static final BaseDayPolicy FIRST = BaseDayPolicy.FIRST_TRADING_DAY;

    static void refused(Runnable r, EngineException.Kind kind) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    static void allowed(Runnable r) {
        assertThatCode(r::run).doesNotThrowAnyException();
    }

    @Test
    void periodNumbersAreYearTimesPeriodsPerYearPlusThePeriodIndex() {
        LocalDate d = LocalDate.of(2024, 8, 15); // August: month index 7
        assertThat(Frequency.MONTHLY.periodOf(d)).isEqualTo(2024 * 12 + 7);
        assertThat(Frequency.QUARTERLY.periodOf(d)).isEqualTo(2024 * 4 + 2);
        assertThat(Frequency.SEMIANNUAL.periodOf(d)).isEqualTo(2024 * 2 + 1);
        assertThat(Frequency.ANNUAL.periodOf(d)).isEqualTo(2024);
        assertThat(Frequency.MONTHLY.periodOf(LocalDate.of(2024, 1, 1))).isEqualTo(2024 * 12);
        assertThat(Frequency.QUARTERLY.monthsPerPeriod()).isEqualTo(3);
    }

    @Test
    void initialValueBounds() {
        allowed(() -> Scenario.requireInitialValue(Scenario.MAX_INITIAL_VALUE));
        allowed(() -> Scenario.requireInitialValue(1e-6));
        allowed(() -> Scenario.requireInitialValue(Scenario.MIN_INITIAL_VALUE));
        refused(() -> Scenario.requireInitialValue(Math.nextDown(Scenario.MIN_INITIAL_VALUE)), EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> Scenario.requireInitialValue(1e-7), EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> Scenario.requireInitialValue(1e-320), EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> Scenario.requireInitialValue(Double.MIN_VALUE), EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), 5e-324, MissingDataPolicy.SKIP),
                EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> Scenario.requireInitialValue(Math.nextUp(Scenario.MAX_INITIAL_VALUE)), EngineException.Kind.INVALID_REQUEST);
        refused(() -> Scenario.requireInitialValue(0), EngineException.Kind.INVALID_REQUEST);
        refused(() -> new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 2), 1, MissingDataPolicy.SKIP),
                EngineException.Kind.WINDOW_OUTSIDE_DATA);
        allowed(() -> new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), 1, MissingDataPolicy.SKIP));
    }

    @Test
    void ruleParameterBounds() {
        RebalancingRule.Drift ok = new RebalancingRule.Drift(0.05, FIRST, 0.001);
        allowed(() -> new RebalancingRule.Drift(Math.nextUp(0.0), FIRST, 0));
        allowed(() -> new RebalancingRule.Drift(Math.nextDown(1.0), FIRST, Math.nextDown(0.5)));
        refused(() -> new RebalancingRule.Drift(0, FIRST, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Drift(1, FIRST, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Drift(0.05, FIRST, 0.5), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Drift(0.05, FIRST, Math.nextDown(0.0)), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Drift(0.05, null, 0), EngineException.Kind.INVALID_RULE);
        allowed(() -> drift(BandKind.RELATIVE, Double.NaN, 1.0, CheckFrequency.DAILY, 0));
        refused(() -> drift(BandKind.RELATIVE, Double.NaN, Math.nextUp(1.0), CheckFrequency.DAILY, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(BandKind.RELATIVE, Double.NaN, 0, CheckFrequency.DAILY, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(BandKind.RELATIVE, 0.05, 0.25, CheckFrequency.DAILY, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(BandKind.ABSOLUTE, 0.05, 0.25, CheckFrequency.DAILY, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(null, 0.05, Double.NaN, CheckFrequency.DAILY, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(BandKind.ABSOLUTE, 0.05, Double.NaN, null, 0), EngineException.Kind.INVALID_RULE);
        allowed(() -> drift(BandKind.ABSOLUTE, 0.05, Double.NaN, CheckFrequency.DAILY, Math.nextDown(1.0)));
        refused(() -> drift(BandKind.ABSOLUTE, 0.05, Double.NaN, CheckFrequency.DAILY, 1), EngineException.Kind.INVALID_RULE);
        refused(() -> drift(BandKind.ABSOLUTE, 0.05, Double.NaN, CheckFrequency.DAILY, Math.nextDown(0.0)), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Periodic(null, FIRST, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Periodic(Frequency.MONTHLY, null, 0), EngineException.Kind.INVALID_RULE);
        refused(() -> new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST, 0.5), EngineException.Kind.INVALID_RULE);
        assertThat(ok.withCostRate(0.002).costRate()).isEqualTo(0.002);
        assertThat(ok.withCostRate(0.002).threshold()).isEqualTo(0.05);
    }

    static RebalancingRule.Drift drift(BandKind k, double theta, double rho, CheckFrequency c, double g) {
        return new RebalancingRule.Drift(theta, FIRST, 0.001, k, rho, c, g);
    }

    @Test
    void rulesFromTableColumnsFollowTheContract() {
        assertThat(RuleCodec.of("PERIODIC", "ANNUAL", "LAST_TRADING_DAY", null, 0.001))
                .isEqualTo(new RebalancingRule.Periodic(Frequency.ANNUAL, BaseDayPolicy.LAST_TRADING_DAY, 0.001));
        assertThat(RuleCodec.of("DRIFT", null, "FIRST_TRADING_DAY", null, 0.001, "RELATIVE", 0.2, "QUARTERLY", 0.5))
                .isEqualTo(drift(BandKind.RELATIVE, Double.NaN, 0.2, CheckFrequency.QUARTERLY, 0.5));
        assertThat(RuleCodec.of("DRIFT", null, "FIRST_TRADING_DAY", 0.05, 0.001, null, null, null, null))
                .isEqualTo(new RebalancingRule.Drift(0.05, FIRST, 0.001));
        refused(() -> RuleCodec.of("PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", 0.05, 0.001), EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null, 0.001, "HYBRID", 0.2, null, null),
                EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null, 0.001, null, null, "MONTHLY", null),
                EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null, 0.001, null, null, null, 0.5),
                EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("DRIFT", "MONTHLY", "FIRST_TRADING_DAY", 0.05, 0.001), EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("DRIFT", null, "FIRST_TRADING_DAY", null, 0.001), EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.of("WEEKLY", null, "FIRST_TRADING_DAY", null, 0.001), EngineException.Kind.INVALID_RULE);
        assertThatThrownBy(() -> RuleCodec.of("PERIODIC", "FORTNIGHTLY", "FIRST_TRADING_DAY", null, 0.001))
                .hasMessage("frequency must be one of MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL, got 'FORTNIGHTLY'");
        assertThatThrownBy(() -> RuleCodec.of("PERIODIC", "MONTHLY", null, null, 0.001))
                .hasMessageContaining("base_day_policy must be one of FIRST_TRADING_DAY, LAST_TRADING_DAY");
    }

    @Test
    void rulesInWords() {
        assertThat(RuleCodec.describe(new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY, 0.001)))
                .isEqualTo("PERIODIC QUARTERLY, last trading day, cost 0.001");
        assertThat(RuleCodec.describe(new RebalancingRule.Drift(0.05, FIRST, 0.002))).isEqualTo("DRIFT ≥ 0.05, cost 0.002");
        assertThat(RuleCodec.describe(drift(BandKind.RELATIVE, Double.NaN, 0.25, CheckFrequency.DAILY, 0)))
                .isEqualTo("DRIFT ≥ 25 % of target, cost 0.001");
        assertThat(RuleCodec.describe(drift(BandKind.HYBRID, 0.05, 0.25, CheckFrequency.ANNUAL, 0.875)))
                .isEqualTo("DRIFT ≥ min(0.05, 25 % of target), checked annual (first trading day), trades to 0.875 of the band, cost 0.001");
    }

    @Test
    void marketDataBounds() {
        LocalDate[] two = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)};
        allowed(() -> data(two, 10));
        allowed(() -> data(two, Math.nextUp(-1.0)));
        refused(() -> data(two, Math.nextUp(10.0)), EngineException.Kind.INVALID_DATA);
        refused(() -> data(two, -1), EngineException.Kind.INVALID_DATA);
        refused(() -> data(new LocalDate[] {two[1], two[0]}, 0), EngineException.Kind.INVALID_DATA);
        refused(() -> data(new LocalDate[] {two[0], two[0]}, 0), EngineException.Kind.INVALID_DATA);
        refused(() -> data(new LocalDate[0], 0), EngineException.Kind.INVALID_DATA);
        MarketData m = data(two, 0.5);
        assertThat(m.returnOf(AssetClass.EQUITY, 1)).isEqualTo(0.5);
        assertThat(m.returnOf(AssetClass.GOLD, 1)).isNaN();
        assertThat(m.hasColumn(AssetClass.EQUITY)).isTrue();
        assertThat(m.hasColumn(AssetClass.GOLD)).isFalse();
        assertThat(m.columns()).containsExactly(AssetClass.EQUITY);
        assertThat(m.size()).isEqualTo(2);
    }

    static MarketData data(LocalDate[] dates, double r) {
        double[][] cols = new double[AssetClass.COUNT][];
        cols[AssetClass.EQUITY.ordinal()] = new double[dates.length];
        Arrays.fill(cols[AssetClass.EQUITY.ordinal()], r);
        return MarketData.of(dates, cols);
    }

    @Test
    void weightsSumToOneWithinTheToleranceAndZeroMeansNotHeld() {
        allowed(() -> Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4 + Weights.SUM_TOLERANCE / 2)));
        refused(() -> Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4 + 3 * Weights.SUM_TOLERANCE)),
                EngineException.Kind.INVALID_WEIGHTS);
        refused(() -> Weights.of(Map.of(AssetClass.EQUITY, 1.1, AssetClass.BOND, -0.1)), EngineException.Kind.INVALID_WEIGHTS);
        refused(() -> Weights.ofCodes(Map.of("EQUITY", 1.0, "CRYPTO", 0.0)), EngineException.Kind.UNKNOWN_ASSET_CLASS);
        Weights w = Weights.of(Map.of(AssetClass.EQUITY, 1.0, AssetClass.GOLD, 0.0));
        assertThat(w.holds(AssetClass.EQUITY)).isTrue();
        assertThat(w.holds(AssetClass.GOLD)).isFalse();
        assertThat(w.heldOrdinals()).containsExactly(AssetClass.EQUITY.ordinal());
        assertThat(w.toArray()).containsExactly(1.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(w).isEqualTo(Weights.ofCodes(Map.of("EQUITY", 1))).hasSameHashCodeAs(Weights.ofCodes(Map.of("EQUITY", 1)));
        assertThat(w).isNotEqualTo(Markets.SIXTY_FORTY);
        assertThat(w.byCode()).containsExactly(Map.entry("EQUITY", 1.0));
    }

    @Test
    void missingDataPolicyAndAssetClassCodes() {
        assertThat(MissingDataPolicy.parse("zero")).isEqualTo(MissingDataPolicy.ZERO);
        assertThat(MissingDataPolicy.parse("SKIP")).isEqualTo(MissingDataPolicy.SKIP);
        refused(() -> MissingDataPolicy.parse("DROP"), EngineException.Kind.INVALID_REQUEST);
        refused(() -> MissingDataPolicy.parse(null), EngineException.Kind.INVALID_REQUEST);
        refused(() -> AssetClass.parse("equity"), EngineException.Kind.UNKNOWN_ASSET_CLASS);
        assertThat(AssetClass.parse("GOLD").koreanName()).isEqualTo("금");
    }

    @Test
    void theSingleStepDecidesCalendarDaysFromItsContext() {
        var monthlyLast = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0);
        var monthlyFirst = new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST, 0);
        double[] p = {0.7, 0.3, 0, 0, 0};
        LocalDate jan31 = LocalDate.of(2024, 1, 31);
        LocalDate feb1 = LocalDate.of(2024, 2, 1);
        LocalDate jan30 = LocalDate.of(2024, 1, 30);
        Weights w = Markets.SIXTY_FORTY;
        assertThat(RebalancingEngine.step(p, w, new StepContext(jan31, jan30, feb1), monthlyLast)).isPresent();
        assertThat(RebalancingEngine.step(p, w, new StepContext(jan31, jan30, null), monthlyLast)).isEmpty();
        assertThat(RebalancingEngine.step(p, w, new StepContext(jan30, null, jan31), monthlyLast)).isEmpty();
        assertThat(RebalancingEngine.step(p, w, new StepContext(feb1, jan31, null), monthlyFirst)).isPresent();
        assertThat(RebalancingEngine.step(p, w, new StepContext(feb1, null, null), monthlyFirst)).isEmpty();
        Rebalance r = RebalancingEngine.step(p, w, new StepContext(feb1, jan31, null), monthlyFirst).orElseThrow();
        assertThat(r.positions()[AssetClass.EQUITY.ordinal()]).isCloseTo(0.6, within(1e-15)); // V = 1, no cost
        assertThat(r.event().valueBefore()).isEqualTo(1.0);
        assertThat(r.event().turnover()).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void theCalendarKnowsItsDatesAndTheDateAfterTheWindow() {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 12));
        MarketData m = Markets.trending(d);
        ScenarioCalendar cal = ScenarioCalendar.prepare(m, new Scenario(Markets.SIXTY_FORTY, d[1], d[4], 1, MissingDataPolicy.SKIP));
        assertThat(cal.length()).isEqualTo(4);
        assertThat(cal.date(0)).isEqualTo(d[1]);
        assertThat(cal.dates()).containsExactly(d[1], d[2], d[3], d[4]);
        assertThat(cal.nextDate(2)).isEqualTo(d[4]);
        assertThat(cal.nextDate(3)).isEqualTo(d[5]);
        ScenarioCalendar toEnd = ScenarioCalendar.prepare(m, new Scenario(Markets.SIXTY_FORTY, d[5], d[d.length - 1], 1, MissingDataPolicy.SKIP));
        assertThat(toEnd.nextDate(toEnd.length() - 1)).isNull();
        refused(() -> ScenarioCalendar.prepare(m, new Scenario(Markets.SIXTY_FORTY, d[0].minusDays(1), d[4], 1, MissingDataPolicy.SKIP)),
                EngineException.Kind.WINDOW_OUTSIDE_DATA);
        refused(() -> ScenarioCalendar.prepare(m, new Scenario(Markets.SIXTY_FORTY, d[0], d[d.length - 1].plusDays(1), 1,
                MissingDataPolicy.SKIP)), EngineException.Kind.WINDOW_OUTSIDE_DATA);
        refused(() -> ScenarioCalendar.prepare(m, new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7), 1,
                MissingDataPolicy.SKIP)), EngineException.Kind.WINDOW_OUTSIDE_DATA);
        double[][] cols = new double[AssetClass.COUNT][];
        cols[AssetClass.EQUITY.ordinal()] = new double[d.length];
        MarketData noBond = MarketData.of(d, cols);
        refused(() -> ScenarioCalendar.prepare(noBond, new Scenario(Markets.SIXTY_FORTY, d[0], d[3], 1, MissingDataPolicy.SKIP)),
                EngineException.Kind.ASSET_CLASS_NOT_IN_DATA);
    }

    @Test
    void metricsByHand() {
        // path 100 → 110 → 99 → 121: returns +10 %, −10 %, +22.2 %; drawdown 10 % (110 → 99)
        LocalDate[] d = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2025, 1, 1)};
        Metrics m = Metrics.of(d, new double[] {100, 110, 99, 121}, 100, List.of());
        assertThat(m.finalValue()).isEqualTo(121);
        assertThat(m.totalReturn()).isCloseTo(0.21, within(1e-15));
        assertThat(m.cagr()).isCloseTo(Math.pow(1.21, 365.25 / 366) - 1, within(1e-15));
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-15));
        double r1 = 0.1;
        double r2 = -0.1;
        double r3 = 121.0 / 99 - 1;
        double mean = (r1 + r2 + r3) / 3;
        double sd = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean)) / 2);
        assertThat(m.volatility()).isCloseTo(Math.sqrt(252) * sd, within(1e-12));
        // two closes: one return, no sample deviation; one day: no CAGR
        assertThat(Metrics.of(new LocalDate[] {d[0], d[1]}, new double[] {100, 110}, 100, List.of()).volatility()).isZero();
        assertThat(Metrics.of(new LocalDate[] {d[0]}, new double[] {100}, 100, List.of()).cagr()).isZero();
        // a new peak exactly at the old one does not reset the drawdown; equal lows keep it
        Metrics flat = Metrics.of(d, new double[] {100, 80, 100, 80}, 100, List.of());
        assertThat(flat.maxDrawdown()).isCloseTo(0.2, within(1e-15));
        refused(() -> Metrics.of(new LocalDate[] {d[0], d[1]}, new double[] {100, Double.POSITIVE_INFINITY}, 100, List.of()),
                EngineException.Kind.VALUE_OUT_OF_RANGE);
        refused(() -> Metrics.of(new LocalDate[] {d[0], d[1]}, new double[] {100, 0}, 100, List.of()),
                EngineException.Kind.VALUE_OUT_OF_RANGE);
    }

    @Test
    void trackedWeightsAndTheirMaxDrift() {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));
        PathResult p = ScenarioSimulation.run(Markets.trending(d), Markets.scenario(Markets.SIXTY_FORTY, d, MissingDataPolicy.SKIP),
                Optional.empty(), true).off();
        assertThat(p.tracksWeights()).isTrue();
        assertThat(p.maxDrift(0, Markets.SIXTY_FORTY)).isZero();
        double e = 0.6 * 1.01 / (0.6 * 1.01 + 0.4 * 0.995);
        assertThat(p.maxDrift(1, Markets.SIXTY_FORTY)).isCloseTo(e - 0.6, within(1e-15));
        assertThat(ScenarioSimulation.off(Markets.trending(d), Markets.scenario(Markets.SIXTY_FORTY, d, MissingDataPolicy.SKIP), false)
                .off().tracksWeights()).isFalse();
    }

    @Test
    void codeWeightsAreSortedByCodeAndRefuseUnknownCodes() {
        CodeWeights w = CodeWeights.copyOf(Map.of("SHORT_TERM", 0.1, "EQUITY", 0.6, "BOND", 0.3));
        assertThat(w.keySet()).containsExactly("BOND", "EQUITY", "SHORT_TERM");
        assertThat(w.get("EQUITY")).isEqualTo(0.6);
        assertThat(w.get("GOLD")).isNull();
        assertThat(w.containsKey("BOND")).isTrue();
        assertThat(w.containsKey("GOLD")).isFalse();
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.entrySet()).hasSize(3);
        assertThat(CodeWeights.copyOf(w)).isSameAs(w);
        var it = w.entrySet().iterator();
        it.next();
        it.next();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        refused(() -> CodeWeights.copyOf(Map.of("EQUITY", 0.5, "CRYPTO", 0.5)), EngineException.Kind.UNKNOWN_ASSET_CLASS);
    }

    @Test
    void theShortFormKeepsCheckAndTradeBackForDriftRules() {
        refused(() -> RuleCodec.parse("monthly", FIRST, 0, CheckFrequency.QUARTERLY, null), EngineException.Kind.INVALID_RULE);
        refused(() -> RuleCodec.parse("annual", FIRST, 0, null, 0.5), EngineException.Kind.INVALID_RULE);
        allowed(() -> RuleCodec.parse("annual", FIRST, 0, CheckFrequency.DAILY, 0.0));
        LocalDate[] two = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)};
        MarketData m = data(two, 0);
        assertThat(m.date(1)).isEqualTo(two[1]);
        assertThat(m.firstDate()).isEqualTo(two[0]);
        assertThat(m.lastDate()).isEqualTo(two[1]);
    }
}
