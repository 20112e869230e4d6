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
}
