package foresto.model;

import java.time.LocalDate;

/** What was asked for a stored run, in human terms (the {@code simulation_run.request} JSON). */
public record RunRequestInfo(long portfolioId, String portfolioName, long datasetId, String datasetName,
                             LocalDate startDate, LocalDate endDate, double initialValue, String missingDataPolicy,
                             Long rebalancingRuleId, String ruleName, String ruleDescription) {
}
