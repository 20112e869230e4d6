package foresto.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRequestParserTest {
    @Test
    void theStoredRulesColumnsAreRefusedByName() {
        // rebalance_to is not among them: an inline rule takes it under the same name
        assertThat(ScenarioRequestParser.COLUMN_RULE_FIELDS).containsExactlyInAnyOrder("rule_type", "frequency",
                "base_day_policy", "drift_threshold", "drift_band", "band_rho", "check_frequency", "rebalancing_rule");
    }
}
