package foresto.model;

import foresto.engine.EngineException;
import foresto.engine.RebalancingRule;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row of {@code rebalancing_rule}. {@code ruleId} is null before insert. {@code phase} and {@code dayOffset} shift
 * the rule's calendar (SEMANTICS §12.1; 0 and 0 by default).
 */
public record RuleRecord(Long ruleId, String ruleName, String ruleType, String frequency, String baseDayPolicy,
                         BigDecimal driftThreshold, BigDecimal costRate, LocalDate effectiveFrom,
                         LocalDate effectiveTo, boolean isActive, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, String driftBand, BigDecimal bandRho, String checkFrequency,
                         BigDecimal rebalanceTo, int phase, int dayOffset) {

    /** A rule of rule model v2 whose calendar is not shifted (phase 0, day offset 0). */
    public RuleRecord(Long ruleId, String ruleName, String ruleType, String frequency, String baseDayPolicy,
                      BigDecimal driftThreshold, BigDecimal costRate, LocalDate effectiveFrom, LocalDate effectiveTo,
                      boolean isActive, OffsetDateTime createdAt, OffsetDateTime updatedAt, String driftBand,
                      BigDecimal bandRho, String checkFrequency, BigDecimal rebalanceTo) {
        this(ruleId, ruleName, ruleType, frequency, baseDayPolicy, driftThreshold, costRate, effectiveFrom, effectiveTo,
                isActive, createdAt, updatedAt, driftBand, bandRho, checkFrequency, rebalanceTo, 0, 0);
    }

    /** A rule of the seed's model (rule model v2 columns at their defaults). */
    public RuleRecord(Long ruleId, String ruleName, String ruleType, String frequency, String baseDayPolicy,
                      BigDecimal driftThreshold, BigDecimal costRate, LocalDate effectiveFrom, LocalDate effectiveTo,
                      boolean isActive, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(ruleId, ruleName, ruleType, frequency, baseDayPolicy, driftThreshold, costRate, effectiveFrom, effectiveTo,
                isActive, createdAt, updatedAt, "ABSOLUTE", null, "DAILY", BigDecimal.ZERO);
    }

    /** The engine's view (validates SEMANTICS §6, §10 and §12.1; throws INVALID_RULE). */
    public RebalancingRule toEngineRule() {
        return RuleCodec.of(ruleType, frequency, baseDayPolicy,
                driftThreshold == null ? null : driftThreshold.doubleValue(),
                costRate == null ? Double.NaN : costRate.doubleValue(), driftBand, bandRho == null ? null : bandRho.doubleValue(),
                checkFrequency, rebalanceTo == null ? null : rebalanceTo.doubleValue(), phase, dayOffset);
    }

    /**
     * Effective on some date of {@code today}: the rule's [effective_from, effective_to] (zone-less calendar
     * dates) meets the range of dates that are "today" somewhere on Earth.
     */
    public boolean isEffectiveDuring(Today today) {
        return !effectiveFrom.isAfter(today.latest()) && (effectiveTo == null || !effectiveTo.isBefore(today.earliest()));
    }

    /** A short human description, e.g. "PERIODIC MONTHLY, first trading day, cost 0.001". */
    public String describe() {
        try {
            return RuleCodec.describe(toEngineRule());
        } catch (ForestoException | EngineException e) { // the rule's own checks throw EngineException
            return "invalid rule: " + e.getMessage();
        }
    }
}
