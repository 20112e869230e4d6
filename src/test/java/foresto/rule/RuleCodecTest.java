package foresto.rule;

import foresto.backtest.CanonicalJson;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.RebalancingRule;
import foresto.engine.TriggerType;
import foresto.rule.RuleCodec.Column;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCodecTest {
    private static final BaseDayPolicy FIRST = BaseDayPolicy.FIRST_TRADING_DAY;
    private static final List<RebalancingRule> RULES = List.of(
            new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY, 0.001),
            new RebalancingRule.Drift(0.05, FIRST, 0.002),
            new RebalancingRule.Drift(Double.NaN, FIRST, 0, BandKind.RELATIVE, 0.2, CheckFrequency.MONTHLY, 0),
            new RebalancingRule.Drift(0.05, BaseDayPolicy.LAST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25,
                    CheckFrequency.QUARTERLY, 0.5));

    @Test
    void hashParametersOfAHybridRuleAreTheColumnsThatDifferFromTheirDefaults() {
        assertThat(CanonicalJson.write(RuleCodec.hashParameters(RULES.get(3)))).isEqualTo("{\"band_rho\":0.25,"
                + "\"base_day_policy\":\"LAST_TRADING_DAY\",\"check_frequency\":\"QUARTERLY\",\"cost_rate\":0.001,"
                + "\"drift_band\":\"HYBRID\",\"drift_threshold\":0.05,\"frequency\":null,\"rebalance_to\":0.5,"
                + "\"rule_type\":\"DRIFT\"}");
        assertThat(CanonicalJson.write(RuleCodec.hashParameters(RULES.get(0)))).isEqualTo("{\"base_day_policy\":"
                + "\"LAST_TRADING_DAY\",\"cost_rate\":0.001,\"drift_threshold\":null,\"frequency\":\"QUARTERLY\","
                + "\"rule_type\":\"PERIODIC\"}");
    }

    @Test
    void everyRuleComesBackFromItsHashParametersAsStringsAndNumbers() {
        for (RebalancingRule r : RULES) {
            Map<String, Object> stored = new HashMap<>();
            // as a stored canonical request reads back: enums as their names, numbers as numbers
            RuleCodec.hashParameters(r).forEach((k, v) -> stored.put(k, v instanceof Enum<?> e ? e.name() : v));
            assertThat(RuleCodec.fromHashParameters(stored)).isEqualTo(r);
        }
    }

    @Test
    void everyRuleComesBackFromItsShortForm() {
        for (RebalancingRule r : RULES) {
            RebalancingRule back = RuleCodec.parse(RuleCodec.spec(r), r.baseDayPolicy(), r.costRate(),
                    RuleCodec.takesShape(r) ? r.match(p -> null, RebalancingRule.Drift::check) : null,
                    RuleCodec.takesShape(r) ? r.match(p -> null, RebalancingRule.Drift::rebalanceTo) : null);
            assertThat(back).isEqualTo(r);
        }
    }

    @Test
    void eachKindFillsItsOwnColumns() {
        assertThat(RuleCodec.typeNames()).containsExactly("PERIODIC", "DRIFT");
        assertThat(RuleCodec.columnsOf(TriggerType.PERIODIC)).containsExactly(Column.FREQUENCY);
        assertThat(RuleCodec.takes("DRIFT", Column.CHECK_FREQUENCY)).isTrue();
        assertThat(RuleCodec.takes("DRIFT", Column.FREQUENCY)).isFalse();
        assertThat(RuleCodec.takes("PERIODIC", Column.DRIFT_BAND)).isFalse();
        assertThat(RuleCodec.takes(null, Column.FREQUENCY)).isFalse();
        assertThat(RuleCodec.takes("WEEKLY", Column.FREQUENCY)).isFalse();
        assertThat(RuleCodec.takesShape(RULES.get(0))).isFalse();
        assertThat(RuleCodec.takesShape(RULES.get(1))).isTrue();
    }

    @Test
    void anUnknownRuleTypeNamesTheKnownOnes() {
        assertThatThrownBy(() -> RuleCodec.of("WEEKLY", null, "FIRST_TRADING_DAY", null, 0.001))
                .isInstanceOf(EngineException.class)
                .hasMessage("rule_type must be PERIODIC or DRIFT, got 'WEEKLY'");
    }

    private static final List<RebalancingRule> SHIFTED = List.of(
            new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST, 0.001, 1, 2),
            new RebalancingRule.Periodic(Frequency.ANNUAL, BaseDayPolicy.LAST_TRADING_DAY, 0.001, 5, 0),
            new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0, 0, 20),
            new RebalancingRule.Drift(0.05, FIRST, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.SEMIANNUAL, 0.5, 3, 1),
            new RebalancingRule.Drift(Double.NaN, BaseDayPolicy.LAST_TRADING_DAY, 0, BandKind.RELATIVE, 0.2,
                    CheckFrequency.ANNUAL, 0, 11, 0));

    @Test
    void phaseAndDayOffsetComeBackFromTheHashParametersTheColumnsAndTheShortForm() {
        for (RebalancingRule r : SHIFTED) {
            Map<String, Object> stored = new HashMap<>();
            RuleCodec.hashParameters(r).forEach((k, v) -> stored.put(k, v instanceof Enum<?> e ? e.name() : v));
            assertThat(RuleCodec.fromHashParameters(stored)).isEqualTo(r);
            RebalancingRule back = RuleCodec.parse(RuleCodec.spec(r), r.baseDayPolicy(), r.costRate(),
                    RuleCodec.takesShape(r) ? r.match(p -> null, RebalancingRule.Drift::check) : null,
                    RuleCodec.takesShape(r) ? r.match(p -> null, RebalancingRule.Drift::rebalanceTo) : null,
                    r.phase(), r.dayOffset());
            assertThat(back).isEqualTo(r);
        }
        assertThat(RuleCodec.of("PERIODIC", "QUARTERLY", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, 1, 2))
                .isEqualTo(SHIFTED.get(0));
        assertThat(RuleCodec.of("PERIODIC", "QUARTERLY", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, null, null))
                .isEqualTo(new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST, 0.001));
        assertThat(CanonicalJson.write(RuleCodec.hashParameters(SHIFTED.get(3)))).isEqualTo("{\"base_day_policy\":"
                + "\"FIRST_TRADING_DAY\",\"check_frequency\":\"SEMIANNUAL\",\"cost_rate\":0.001,\"day_offset\":1,"
                + "\"drift_threshold\":0.05,\"frequency\":null,\"phase\":3,\"rebalance_to\":0.5,\"rule_type\":\"DRIFT\"}");
    }

    @Test
    void describesTheDayOffsetAndPhaseAndKeepsTheDefaultWords() {
        assertThat(RuleCodec.describe(new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST, 0.001)))
                .isEqualTo("PERIODIC MONTHLY, first trading day, cost 0.001");
        assertThat(RuleCodec.describe(RULES.get(3))).isEqualTo("DRIFT ≥ min(0.05, 25 % of target), checked quarterly "
                + "(last trading day), trades to 0.5 of the band, cost 0.001");
        assertThat(RuleCodec.describe(SHIFTED.get(0)))
                .isEqualTo("PERIODIC QUARTERLY, 3rd trading day of each quarter starting February, cost 0.001");
        assertThat(RuleCodec.describe(SHIFTED.get(1)))
                .isEqualTo("PERIODIC ANNUAL, last trading day of each year starting June, cost 0.001");
        assertThat(RuleCodec.describe(SHIFTED.get(2))).isEqualTo("PERIODIC MONTHLY, 21st last trading day, cost 0");
        assertThat(RuleCodec.describe(SHIFTED.get(3))).isEqualTo("DRIFT ≥ 0.05, checked semiannual (2nd trading day of "
                + "each half-year starting April), trades to 0.5 of the band, cost 0.001");
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111).stream().map(RuleCodec::ordinal).toList())
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th");
    }

    @Test
    void refusesPhasesAndOffsetsOutOfRangeAndOnADailyCheck() {
        for (Runnable bad : List.<Runnable>of(
                () -> RuleCodec.of("PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, 1, 0),
                () -> RuleCodec.of("PERIODIC", "QUARTERLY", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, 3, 0),
                () -> RuleCodec.of("PERIODIC", "ANNUAL", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, 0, 21),
                () -> RuleCodec.of("PERIODIC", "ANNUAL", "FIRST_TRADING_DAY", null, 0.001, null, null, null, null, -1, 0),
                () -> RuleCodec.of("DRIFT", null, "FIRST_TRADING_DAY", 0.05, 0.001, null, null, null, null, 0, 1),
                () -> RuleCodec.of("DRIFT", null, "FIRST_TRADING_DAY", 0.05, 0.001, null, null, "DAILY", null, 1, 0),
                () -> RuleCodec.parse("drift:0.05", FIRST, 0.001, null, null, 0, 3),
                () -> RuleCodec.parse("semiannual", FIRST, 0.001, null, null, 6, 0),
                () -> RuleCodec.fromHashParameters(Map.of("rule_type", "PERIODIC", "frequency", "ANNUAL",
                        "base_day_policy", "FIRST_TRADING_DAY", "cost_rate", 0.001, "phase", 1.5)))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE));
        }
    }
}
