package foresto.backtest;

import foresto.engine.MissingDataPolicy;

import java.time.LocalDate;

/**
 * A backtest as any face asks for it. Null means "default": the default dataset, its first/last date,
 * initial value 1, SKIP. {@code rebalancingRuleId} null means rebalancing OFF.
 */
public record BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                              Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId) {
    public BacktestRequest withRule(Long ruleId) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, ruleId);
    }
}
