package foresto.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.CashFlowSchedule;
import foresto.engine.RebalancingRule;
import foresto.model.StudyRecord;

import java.util.Optional;

/**
 * A stored study as a face reopens it, without recomputing anything: what was asked (the record's scenario in human
 * terms, the kind's resolved parameters), the exact rules it ran (read from its canonical request, so a rule edited
 * since does not change what it was) and its stored answer.
 *
 * @param ruleA      rule A exactly as the study ran it
 * @param ruleB      a bootstrap's rule B; empty for OFF (buy-and-hold) and for the other kinds
 * @param parameters the kind's resolved parameters as stored: phases, offsets; length_months, step_months; paths,
 *                   block, seed (an unsigned 64-bit integer as text)
 * @param cashFlows  the flow schedule every run of the study had (SEMANTICS §13.5), or null when it had none
 */
public record OpenedStudy(StudyRecord record, RebalancingRule ruleA, Optional<RebalancingRule> ruleB,
                          JsonNode parameters, StudyResult result, CashFlowSchedule cashFlows) {
}
