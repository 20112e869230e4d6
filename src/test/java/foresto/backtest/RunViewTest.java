package foresto.backtest;

import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift panel's line and bands, read from a stored canonical request as today's release writes it. */
class RunViewTest {
    private static final String HEAD = "{\"drift_calc_order\":\"EOD\",\"end_date\":\"2020-12-31\",\"initial_value\":100,"
            + "\"market_data\":\"abc\",\"missing_data_policy\":\"ZERO\",\"portfolio\":{\"id\":1,\"weights\":"
            + "{\"BOND\":0.3,\"EQUITY\":0.6,\"SHORT_TERM\":0.1}},";
    private static final String TAIL = "\"semantics_version\":2,\"start_date\":\"2020-01-01\"}";

    @Test
    void aHybridBandIsMinOfThetaAndRhoTimesEachTarget() {
        RunView v = view("\"rebalancing\":{\"band_rho\":0.25,\"base_day_policy\":\"FIRST_TRADING_DAY\",\"cost_rate\":0.001,"
                + "\"drift_band\":\"HYBRID\",\"drift_threshold\":0.05,\"frequency\":null,\"rule_type\":\"DRIFT\"},");
        assertThat(v.targets()).containsExactly(0.6, 0.3, 0.1);
        assertThat(v.threshold()).isEqualTo(1.0);
        assertThat(v.bands()).containsExactly(0.05, 0.05, 0.025);
    }

    @Test
    void aRelativeBandIsRhoTimesEachTarget() {
        RunView v = view("\"rebalancing\":{\"band_rho\":0.5,\"base_day_policy\":\"FIRST_TRADING_DAY\",\"cost_rate\":0,"
                + "\"drift_band\":\"RELATIVE\",\"drift_threshold\":null,\"frequency\":null,\"rule_type\":\"DRIFT\"},");
        assertThat(v.threshold()).isEqualTo(1.0);
        assertThat(v.bands()).containsExactly(0.3, 0.15, 0.05);
    }

    @Test
    void anAbsoluteBandIsOneLineAtTheta() {
        RunView v = view("\"rebalancing\":{\"base_day_policy\":\"FIRST_TRADING_DAY\",\"cost_rate\":0.001,"
                + "\"drift_threshold\":0.05,\"frequency\":null,\"rule_type\":\"DRIFT\"},");
        assertThat(v.threshold()).isEqualTo(0.05);
        assertThat(v.bands()).isNull();
    }

    @Test
    void aCalendarRuleOrNoRuleHasNoLine() {
        RunView periodic = view("\"rebalancing\":{\"base_day_policy\":\"LAST_TRADING_DAY\",\"cost_rate\":0.001,"
                + "\"drift_threshold\":null,\"frequency\":\"MONTHLY\",\"rule_type\":\"PERIODIC\"},");
        assertThat(periodic.threshold()).isNaN();
        assertThat(periodic.bands()).isNull();
        RunView off = view("");
        assertThat(off.threshold()).isNaN();
        assertThat(off.bands()).isNull();
    }

    @Test
    void theScheduleComesBackFromTheCanonicalRequestExactlyAsItWasHashed() {
        RunView none = view("");
        assertThat(RunView.scheduleOf(none.run())).isNull();
        // an amount schedule with every field, as SEMANTICS 13.5 hashes it
        RunRecord amount = new RunRecord(8, "hash", HEAD + "\"cash_flows\":{\"amount\":-250.5,\"base_day\":"
                + "\"LAST_TRADING_DAY\",\"day_offset\":2,\"flow_allocation\":\"PRO_RATA\",\"flows_from\":\"2020-03-01\","
                + "\"flows_until\":null,\"frequency\":\"QUARTERLY\",\"growth\":0.02,\"kind\":\"AMOUNT\",\"phase\":1},"
                + TAIL, null, null, null, null);
        assertThat(RunView.scheduleOf(amount)).isEqualTo(new CashFlowSchedule(-250.5, null, Frequency.QUARTERLY,
                BaseDayPolicy.LAST_TRADING_DAY, 1, 2, 0.02, LocalDate.of(2020, 3, 1), null, FlowAllocation.PRO_RATA));
        // a rate schedule of a run without a rule: no allocation
        RunRecord rate = new RunRecord(9, "hash", HEAD + "\"cash_flows\":{\"base_day\":\"FIRST_TRADING_DAY\","
                + "\"day_offset\":0,\"flows_from\":null,\"flows_until\":\"2020-11-30\",\"frequency\":\"MONTHLY\","
                + "\"growth\":0,\"kind\":\"RATE\",\"phase\":0,\"rate\":0.004}," + TAIL, null, null, null, null);
        assertThat(RunView.scheduleOf(rate)).isEqualTo(new CashFlowSchedule(null, 0.004, Frequency.MONTHLY,
                BaseDayPolicy.FIRST_TRADING_DAY, 0, 0, 0, null, LocalDate.of(2020, 11, 30), null));
    }

    private static RunView view(String rebalancing) {
        RunRecord run = new RunRecord(7, "hash", HEAD + rebalancing + TAIL, null, null, null, null);
        LocalDate d = LocalDate.of(2020, 1, 2);
        StoredPaths paths = new StoredPaths(new LocalDate[] {d}, new double[] {100}, null, new int[] {0, 1, 2},
                new double[][] {{0.6, 0.3, 0.1}}, null);
        return RunView.of(run, paths, List.of());
    }
}
