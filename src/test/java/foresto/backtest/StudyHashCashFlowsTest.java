package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.Frequency;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A study's hash carries a flow schedule only when one is given (SEMANTICS §13.5, §12.5). */
class StudyHashCashFlowsTest {
    static final Weights W = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate END = LocalDate.of(2020, 12, 31);
    static final RebalancingRule QUARTERLY = new RebalancingRule.Periodic(Frequency.QUARTERLY,
            BaseDayPolicy.FIRST_TRADING_DAY, 0.001);

    static StudyHash timing(CashFlowSchedule flows) {
        RequestHash scenario = new RequestHash(7L, W, START, END, 100.0, "abc", MissingDataPolicy.SKIP,
                Optional.of(QUARTERLY), flows);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("phases", "0,1,2");
        parameters.put("offsets", "0");
        return new StudyHash(StudyKind.TIMING, scenario, Optional.empty(), parameters);
    }

    /**
     * The hash of a timing study without flows, pinned by running this very request on main (commit 1a1c63c) before
     * the studies took a schedule: every study stored before keeps its hash.
     */
    @Test
    void withoutAScheduleTheStudyHashIsTheOneItWasBefore() {
        assertThat(timing(null).hex()).isEqualTo("48caf6a0cc6393953b7dc0f6bea739dc3c5a8b7c5fe31051b9020df39fbc94d7");
        assertThat(timing(null).canonicalJson()).doesNotContain("cash_flows");
    }

    @Test
    void aScheduleChangesTheHashAndEnterItsScenario() {
        CashFlowSchedule monthly = CashFlowSchedule.ofAmount(100, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        CashFlowSchedule rate = CashFlowSchedule.ofRate(0.01, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(timing(monthly).hex()).isNotEqualTo(timing(null).hex());
        assertThat(timing(monthly).hex()).isNotEqualTo(timing(rate).hex());
        assertThat(timing(monthly).canonicalJson()).contains("\"cash_flows\":{\"amount\":100,");
        assertThat(timing(monthly).hex()).isEqualTo(timing(CashFlowSchedule.ofAmount(100, Frequency.MONTHLY,
                BaseDayPolicy.FIRST_TRADING_DAY)).hex());
    }
}
