package foresto.backtest;

import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;

import java.util.Locale;

/**
 * A rule given by its parameters instead of a stored rule (SEMANTICS §10, §12.1): the same words in the CLI
 * ({@code --rule}, {@code --base-day}, {@code --cost-rate}, {@code --check}, {@code --rebalance-to},
 * {@code --phase}, {@code --day-offset}) and the API ({@code rule}, {@code base_day}, {@code cost_rate},
 * {@code check}, {@code rebalance_to}, {@code phase}, {@code day_offset}).
 */
public final class InlineRule {
    /** The cost rate when none is given: the seed rules' 10 bp. */
    public static final double DEFAULT_COST_RATE = 0.001;

    private InlineRule() {
    }

    /**
     * @param spec        monthly, quarterly, semiannual, annual, drift:θ, drift-rel:ρ or drift-hybrid:θ/ρ
     * @param baseDay     first or last (null: first)
     * @param costRate    null: {@link #DEFAULT_COST_RATE}
     * @param check       daily, monthly, quarterly, semiannual or annual (null: daily)
     * @param rebalanceTo g (null: 0)
     */
    public static RebalancingRule of(String spec, String baseDay, Double costRate, String check, Double rebalanceTo) {
        return of(spec, baseDay, costRate, check, rebalanceTo, null, null);
    }

    /**
     * As {@link #of(String, String, Double, String, Double)} with the calendar's shift (SEMANTICS §12.1): its
     * {@code phase} p in months (0 ≤ p &lt; months per period; null: 0) and its {@code dayOffset} k (0 ≤ k ≤ 20;
     * null: 0), for a calendar rule or a drift rule's check calendar (not for a drift rule checked daily).
     */
    public static RebalancingRule of(String spec, String baseDay, Double costRate, String check, Double rebalanceTo,
                                     Integer phase, Integer dayOffset) {
        return RuleCodec.parse(spec, baseDay(baseDay), costRate == null ? DEFAULT_COST_RATE : costRate, check(check),
                rebalanceTo, phase, dayOffset);
    }

    public static BaseDayPolicy baseDay(String text) {
        if (text == null) {
            return BaseDayPolicy.FIRST_TRADING_DAY;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "first", "first_trading_day" -> BaseDayPolicy.FIRST_TRADING_DAY;
            case "last", "last_trading_day" -> BaseDayPolicy.LAST_TRADING_DAY;
            default -> throw new ForestoException(ErrorCode.INVALID_RULE, "base day must be first or last, got '" + text + "'");
        };
    }

    public static CheckFrequency check(String text) {
        if (text == null) {
            return null;
        }
        for (CheckFrequency c : CheckFrequency.values()) {
            if (c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new ForestoException(ErrorCode.INVALID_RULE, "check must be daily, monthly, quarterly, semiannual or annual, "
                + "got '" + text + "'");
    }
}
