package foresto.backtest;

import foresto.engine.CashFlowSchedule;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;

import java.time.LocalDate;

/**
 * A backtest as any face asks for it. Null means "default": the default dataset, its first/last date,
 * initial value 1, SKIP. Rebalancing is ON with a stored rule ({@code rebalancingRuleId}) or an inline one
 * ({@code inlineRule}, e.g. {@code drift-hybrid:0.05/0.25}); with neither it is OFF. {@code cashFlows} is the
 * contributions or withdrawals (SEMANTICS §13), null for none.
 */
public record BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                              Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId,
                              RebalancingRule inlineRule, CashFlowSchedule cashFlows) {
    public BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                           Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId,
                           RebalancingRule inlineRule) {
        this(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, rebalancingRuleId, inlineRule,
                null);
    }

    public BacktestRequest(long portfolioId, Long datasetId, LocalDate startDate, LocalDate endDate,
                           Double initialValue, MissingDataPolicy missingDataPolicy, Long rebalancingRuleId) {
        this(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, rebalancingRuleId, null);
    }

    public BacktestRequest withRule(Long ruleId) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, ruleId, null,
                cashFlows);
    }

    public BacktestRequest withInlineRule(RebalancingRule rule) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy, null, rule,
                cashFlows);
    }

    /** The same request with the flow schedule {@code schedule} (null: none). */
    public BacktestRequest withCashFlows(CashFlowSchedule schedule) {
        return new BacktestRequest(portfolioId, datasetId, startDate, endDate, initialValue, missingDataPolicy,
                rebalancingRuleId, inlineRule, schedule);
    }
}
