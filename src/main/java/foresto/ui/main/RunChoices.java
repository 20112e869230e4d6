package foresto.ui.main;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.RunView;
import foresto.engine.CashFlowSchedule;
import foresto.engine.RebalancingRule;
import foresto.json.Json;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.rule.RuleCodec;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a stored run was asked for, as the setup holds it: portfolio, dataset, window, initial value, missing-data
 * policy and the exact rule it ran with (every rule-model-v2 field and the cost, read from the run's canonical
 * request; null when rebalancing was OFF), with the stored rule it named, if any, and its flow schedule as it was
 * hashed (null for none).
 */
public record RunChoices(long portfolioId, long datasetId, LocalDate start, LocalDate end, double initialValue,
                         String missingDataPolicy, RebalancingRule rule, Long storedRuleId, CashFlowSchedule cashFlows) {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };

    /** The choices of {@code run}; its rule from the canonical request it was hashed with. */
    public static RunChoices of(RunRecord run) {
        RunRequestInfo req = run.request();
        return new RunChoices(req.portfolioId(), req.datasetId(), req.startDate(), req.endDate(), req.initialValue(),
                req.missingDataPolicy(), ruleOf(run), req.rebalancingRuleId(), RunView.scheduleOf(run));
    }

    private static RebalancingRule ruleOf(RunRecord run) {
        JsonNode canonical;
        try {
            canonical = Json.mapper().readTree(run.canonicalRequest());
        } catch (IOException e) {
            throw new IllegalStateException("stored canonical request of run " + run.runId() + " is not JSON", e);
        }
        JsonNode rule = canonical.path("rebalancing");
        return rule.isObject() ? RuleCodec.fromHashParameters(Json.mapper().convertValue(rule, PARAMETERS)) : null;
    }
}
