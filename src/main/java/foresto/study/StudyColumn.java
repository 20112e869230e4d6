package foresto.study;

import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingRule;
import foresto.rule.RuleCodec;

import java.util.Optional;

/**
 * A column of the published table: its name as printed ({@code M 5%}), the rule in the command line's short form
 * ({@code monthly}, {@code drift:0.05}; null for Never = rebalancing OFF), the check calendar of a drift rule, and
 * the published figures.
 */
public record StudyColumn(String name, String rule, CheckFrequency check, Figures published) {

    /** Never: buy-and-hold. */
    public boolean isNever() {
        return rule == null;
    }

    /** The rule with {@code baseDay} and no costs, built by the rule codec; empty for Never. */
    public Optional<RebalancingRule> rule(BaseDayPolicy baseDay) {
        return rule == null ? Optional.empty() : Optional.of(RuleCodec.parse(rule, baseDay, 0.0, check, null));
    }
}
