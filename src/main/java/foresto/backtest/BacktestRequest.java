package foresto.backtest;

import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;

import java.time.LocalDate;

/**
 * A backtest as any face asks for it. Null means "default": the default dataset, its first/last date,
 * initial value 1, SKIP. Rebalancing is ON with a stored rule ({@code rebalancingRuleId}) or an inline one
 * ({@code inlineRule}, e.g. {@code drift-hybrid:0.05/0.25}); with neither it is OFF.
 */
public record BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                              Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId,
                              RebalancingRule inlineRule) {
    public BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                           Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId) {
        this(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, rebalancingRuleId, null);
    }

    public BacktestRequest withRule(Long ruleId) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, ruleId, null);
    }

    public BacktestRequest withInlineRule(RebalancingRule rule) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, null, rule);
    }
}
