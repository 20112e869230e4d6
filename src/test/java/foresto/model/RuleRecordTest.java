package foresto.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRecordTest {

    private static RuleRecord drift(String threshold) {
        return new RuleRecord(7L, "band", "DRIFT", null, "FIRST_TRADING_DAY", new BigDecimal(threshold),
                new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null, "ABSOLUTE", null, "DAILY",
                BigDecimal.ZERO);
    }

    @Test
    void aValidRuleIsDescribedInWords() {
        assertThat(drift("0.05").describe()).isEqualTo("DRIFT ≥ 0.05, cost 0.001");
    }

    @Test
    void aRuleTheEngineRefusesIsDescribedAsInvalidInsteadOfThrowing() {
        // θ = 1.5 is outside (0, 1): the engine's own check refuses it (an EngineException, not a ForestoException)
        assertThat(drift("1.5").describe()).startsWith("invalid rule: ").contains("drift_threshold");
    }
}
