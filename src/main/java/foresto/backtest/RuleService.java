package foresto.backtest;

import foresto.engine.EngineException;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;

import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creating, editing and deactivating rules with the same validation (and codes) the backtests use;
 * the table's CHECK constraints stay the last line of defence.
 */
public final class RuleService {
    public static final int MAX_NAME = 100;
    private final Stores.Rules repo;

    public RuleService(Stores.Rules rules) {
        this.repo = rules;
    }

    /** The service on one PostgreSQL database, as every face wires it. */
    public RuleService(DataSource ds) {
        this(JdbcStores.rules(ds));
    }

    public List<RuleRecord> all() {
        return repo.findAll();
    }

    /** Checks a rule as SEMANTICS §6 says; throws INVALID_RULE naming the field. */
    public static void validate(RuleRecord r) {
        if (r.ruleName() == null || r.ruleName().isBlank()) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "rule_name is required");
        }
        if (r.ruleName().length() > MAX_NAME) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "rule_name is longer than " + MAX_NAME + " characters");
        }
        if (!Names.isSingleLinePrintable(r.ruleName())) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "rule_name must not contain control characters");
        }
        if (r.costRate() == null) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "cost_rate is required");
        }
        if (r.effectiveFrom() == null) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "effective_from is required");
        }
        if (r.effectiveTo() != null && r.effectiveTo().isBefore(r.effectiveFrom())) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "effective_to is before effective_from");
        }
        for (BigDecimal d : new BigDecimal[] {r.driftThreshold(), r.costRate(), r.bandRho(), r.rebalanceTo()}) {
            if (d != null && d.stripTrailingZeros().scale() > 8) {
                throw new ForestoException(ErrorCode.INVALID_RULE,
                        "drift_threshold, cost_rate, band_rho and rebalance_to take at most 8 decimals");
            }
        }
        try {
            r.toEngineRule(); // SEMANTICS §6 and §10, with the engine's own checks and messages
        } catch (EngineException e) {
            throw Failures.of(e);
        }
    }

    public RuleRecord create(RuleRecord r) {
        RuleRecord clean = trimmed(r);
        validate(clean);
        return repo.insert(clean);
    }

    public RuleRecord update(RuleRecord r) {
        if (r.ruleId() == null) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "rule_id is required to update a rule");
        }
        RuleRecord clean = trimmed(r);
        validate(clean);
        return repo.update(clean);
    }

    public RuleRecord deactivate(long ruleId) {
        return repo.deactivate(ruleId);
    }

    /** Leading and trailing spaces removed; other characters kept, so a trailing newline or NUL is refused, not hidden. */
    private static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static RuleRecord trimmed(RuleRecord r) {
        BigDecimal threshold = r.driftThreshold() == null ? null : r.driftThreshold().stripTrailingZeros();
        return new RuleRecord(r.ruleId(), r.ruleName() == null ? null : trimSpaces(r.ruleName()), r.ruleType(), r.frequency(),
                r.baseDayPolicy(), threshold, r.costRate() == null ? null : r.costRate().stripTrailingZeros(),
                r.effectiveFrom(), r.effectiveTo(), r.isActive(), r.createdAt(), r.updatedAt(), r.driftBand(),
                r.bandRho() == null ? null : r.bandRho().stripTrailingZeros(), r.checkFrequency(),
                r.rebalanceTo() == null ? null : r.rebalanceTo().stripTrailingZeros(), r.phase(), r.dayOffset());
    }
}
