package foresto.engine;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.util.Locale;

/**
 * A rebalancing rule as the engine needs it: the trigger, the base day and the fixed cost rate
 * (SEMANTICS §3, §4, §6). Persisted rules carry a name and validity on top of this (see the db layer).
 */
public sealed interface RebalancingRule {

    TriggerType type();

    BaseDayPolicy baseDayPolicy();

    double costRate();

    /** Calendar rule: rebalance on the first or last trading day of every month or quarter. */
    record Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy, double costRate) implements RebalancingRule {
        public Periodic {
            if (frequency == null) {
                throw invalid("a PERIODIC rule needs a frequency (MONTHLY or QUARTERLY)");
            }
            requireBaseDay(baseDayPolicy);
            requireCostRate(costRate);
        }

        @Override
        public TriggerType type() {
            return TriggerType.PERIODIC;
        }
    }

    /** Drift rule: rebalance at any close where max |cw − w| ≥ threshold. The base day is stored, not used. */
    record Drift(double threshold, BaseDayPolicy baseDayPolicy, double costRate) implements RebalancingRule {
        public Drift {
            if (!(threshold > 0 && threshold < 1)) {
                throw invalid("drift_threshold must be > 0 and < 1, got " + threshold);
            }
            requireBaseDay(baseDayPolicy);
            requireCostRate(costRate);
        }

        @Override
        public TriggerType type() {
            return TriggerType.DRIFT;
        }
    }

    /**
     * Builds a rule from the columns of {@code rebalancing_rule}, applying SEMANTICS §6 exactly
     * (PERIODIC: frequency, no threshold; DRIFT: 0 &lt; threshold &lt; 1; 0 ≤ cost_rate &lt; 1).
     */
    static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                              double costRate) {
        BaseDayPolicy base = parseEnum(BaseDayPolicy.class, baseDayPolicy, "base_day_policy");
        if ("PERIODIC".equals(ruleType)) {
            if (driftThreshold != null) {
                throw invalid("a PERIODIC rule must not have a drift_threshold");
            }
            return new Periodic(parseEnum(Frequency.class, frequency, "frequency"), base, costRate);
        }
        if ("DRIFT".equals(ruleType)) {
            if (frequency != null) {
                throw invalid("a DRIFT rule must not have a frequency");
            }
            if (driftThreshold == null) {
                throw invalid("a DRIFT rule needs a drift_threshold");
            }
            return new Drift(driftThreshold, base, costRate);
        }
        throw invalid("rule_type must be PERIODIC or DRIFT, got '" + ruleType + "'");
    }

    /**
     * Parses the command line's short form: {@code monthly}, {@code quarterly} or {@code drift:0.05}.
     */
    static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("monthly") || t.equals("quarterly")) {
            return new Periodic(Frequency.valueOf(t.toUpperCase(Locale.ROOT)), baseDay, costRate);
        }
        if (t.startsWith("drift:")) {
            try {
                return new Drift(Double.parseDouble(t.substring(6)), baseDay, costRate);
            } catch (NumberFormatException e) {
                throw invalid("drift threshold is not a number in '" + text + "'");
            }
        }
        throw invalid("rule must be monthly, quarterly or drift:THRESHOLD (e.g. drift:0.05), got '" + text + "'");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
        }
        throw invalid(field + " must be one of " + allowed + ", got '" + value + "'");
    }

    private static void requireBaseDay(BaseDayPolicy b) {
        if (b == null) {
            throw invalid("base_day_policy is required (FIRST_TRADING_DAY or LAST_TRADING_DAY)");
        }
    }

    /**
     * Cost rates are below 0.5: turnover is at most 2, so a rebalance costs less than the whole value and a
     * path can never reach zero or below.
     */
    double MAX_COST_RATE = 0.5;

    private static void requireCostRate(double c) {
        if (!(c >= 0 && c < MAX_COST_RATE)) {
            throw invalid("cost_rate must be ≥ 0 and < 0.5, got " + c);
        }
    }

    private static ForestoException invalid(String message) {
        return new ForestoException(ErrorCode.INVALID_RULE, message);
    }
}
