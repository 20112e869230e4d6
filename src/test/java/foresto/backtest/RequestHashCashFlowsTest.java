package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow schedule enters the request hash only when given (SEMANTICS §13.5). */
class RequestHashCashFlowsTest {
    static final Weights W = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate END = LocalDate.of(2020, 12, 31);
    static final RebalancingRule DRIFT = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    static final CashFlowSchedule MONTHLY_100 = CashFlowSchedule.ofAmount(100, Frequency.MONTHLY,
            BaseDayPolicy.FIRST_TRADING_DAY);

    static RequestHash off(CashFlowSchedule s) {
        return new RequestHash(7L, W, START, END, 1.0, "abc", MissingDataPolicy.SKIP, Optional.empty(), s);
    }

    static RequestHash on(CashFlowSchedule s) {
        return new RequestHash(7L, W, START, END, 1.0, "abc", MissingDataPolicy.SKIP, Optional.of(DRIFT), s);
    }

    @Test
    void withoutAScheduleTheHashIsTheOneItAlwaysWas() {
        // the OFF request pinned by RequestHashTest (its SHA-256 computed outside the code)
        assertThat(off(null).hex()).isEqualTo("f4b72c2af38fe67c1460b56b9603b2c573e635626fd8101465f391f8bad62368");
        assertThat(off(null).canonicalJson()).doesNotContain("cash_flows");
        RequestHash eight = new RequestHash(7L, W, START, END, 1.0, "abc", MissingDataPolicy.SKIP, Optional.of(DRIFT));
        assertThat(on(null).canonicalJson()).isEqualTo(eight.canonicalJson());
    }

    /** The canonical JSON written by hand, its SHA-256 by {@code printf '%s' JSON | sha256sum}. */
    @Test
    void aScheduleIsHashedUnderCashFlows() {
        RequestHash h = off(MONTHLY_100);
        assertThat(h.canonicalJson()).isEqualTo("{\"cash_flows\":{\"amount\":100,\"base_day\":\"FIRST_TRADING_DAY\","
                + "\"day_offset\":0,\"flows_from\":null,\"flows_until\":null,\"frequency\":\"MONTHLY\",\"growth\":0,"
                + "\"kind\":\"AMOUNT\",\"phase\":0},\"drift_calc_order\":\"EOD\",\"end_date\":\"2020-12-31\","
                + "\"initial_value\":1,\"market_data\":\"abc\",\"missing_data_policy\":\"SKIP\","
                + "\"portfolio\":{\"id\":7,\"weights\":{\"BOND\":0.4,\"EQUITY\":0.6}},\"semantics_version\":3,"
                + "\"start_date\":\"2020-01-01\"}");
        assertThat(h.hex()).isEqualTo("138508f4a232b597861bdd62f39b0cb0da0ca1b35a9ff3fd1d439946b554be1e");
    }

    @Test
    void everyScheduleFieldChangesTheHash() {
        List<RequestHash> variants = List.of(
                off(MONTHLY_100),
                off(CashFlowSchedule.ofAmount(-100, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)),
                off(CashFlowSchedule.ofRate(0.004, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)),
                off(CashFlowSchedule.ofAmount(100, Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY)),
                off(CashFlowSchedule.ofAmount(100, Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY)),
                off(CashFlowSchedule.ofAmount(100, Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY)
                        .withCalendarShift(1, 0)),
                off(MONTHLY_100.withCalendarShift(0, 2)),
                off(MONTHLY_100.withGrowth(0.02)),
                off(MONTHLY_100.withLimits(LocalDate.of(2020, 3, 1), null)),
                off(MONTHLY_100.withLimits(null, LocalDate.of(2020, 9, 30))),
                on(MONTHLY_100),
                on(MONTHLY_100.withAllocation(FlowAllocation.PRO_RATA)),
                off(null),
                on(null));
        Set<String> hashes = new HashSet<>();
        for (RequestHash v : variants) {
            assertThat(hashes.add(v.hex())).as(v.canonicalJson()).isTrue();
        }
    }

    @Test
    void onsDefaultAllocationIsHashedAsTowardTargetAndOffHasNone() {
        assertThat(on(MONTHLY_100).hex()).isEqualTo(on(MONTHLY_100.withAllocation(FlowAllocation.TOWARD_TARGET)).hex());
        assertThat(on(MONTHLY_100).canonicalJson()).contains("\"flow_allocation\":\"TOWARD_TARGET\"");
        assertThat(off(MONTHLY_100).canonicalJson()).doesNotContain("flow_allocation");
    }
}
