package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
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

class RequestHashTest {
    static final Weights W = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    static final RebalancingRule MONTHLY = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    static final RequestHash BASE = new RequestHash(7L, W, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 1.0,
            "abc", MissingDataPolicy.SKIP, Optional.of(MONTHLY));

    @Test
    void equalInputsGiveEqualHashes() {
        RequestHash same = new RequestHash(7L, Weights.of(Map.of(AssetClass.BOND, 0.4, AssetClass.EQUITY, 0.6)),
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 1.0, "abc", MissingDataPolicy.SKIP,
                Optional.of(new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001)));
        assertThat(same.hex()).isEqualTo(BASE.hex()).matches("[0-9a-f]{64}");
    }

    @Test
    void changingAnyHashedFieldChangesTheHash() {
        List<RequestHash> variants = List.of(
                new RequestHash(8L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.5)), BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, W, BASE.start().plusDays(1), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, W, BASE.start(), BASE.end().minusDays(1), 1.0, "abc", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, W, BASE.start(), BASE.end(), 2.0, "abc", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abd", MissingDataPolicy.SKIP, BASE.rule()),
                new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.ZERO, BASE.rule()),
                new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, Optional.empty()),
                withRule(new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001)),
                withRule(new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0.001)),
                withRule(new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.002)),
                withRule(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001)),
                withRule(new RebalancingRule.Drift(0.06, BaseDayPolicy.FIRST_TRADING_DAY, 0.001)));
        Set<String> hashes = new HashSet<>();
        hashes.add(BASE.hex());
        for (RequestHash v : variants) {
            assertThat(hashes.add(v.hex())).as(v.canonicalJson()).isTrue();
        }
    }

    private static RequestHash withRule(RebalancingRule r) {
        return new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, Optional.of(r));
    }

    @Test
    void offRequestsCarryNoRebalancingKey() {
        RequestHash off = new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, Optional.empty());
        assertThat(off.document()).doesNotContainKey("rebalancing");
        assertThat(off.canonicalJson()).doesNotContain("rebalancing").doesNotContain("cost_rate");
        assertThat(BASE.document()).containsKey("rebalancing");
    }

    @Test
    void ruleModelV2ParametersEnterTheHashOnlyAwayFromTheirDefaults() {
        RequestHash seedDrift = withRule(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001));
        RequestHash sameByV2 = withRule(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
                BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0));
        assertThat(sameByV2.canonicalJson()).isEqualTo(seedDrift.canonicalJson())
                .doesNotContain("drift_band").doesNotContain("check_frequency").doesNotContain("rebalance_to");
        Set<String> hashes = new HashSet<>();
        hashes.add(seedDrift.hex());
        for (RebalancingRule r : List.<RebalancingRule>of(
                new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25, CheckFrequency.DAILY, 0),
                new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.2, CheckFrequency.DAILY, 0),
                new RebalancingRule.Drift(Double.NaN, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.RELATIVE, 0.25, CheckFrequency.DAILY, 0),
                new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.QUARTERLY, 0),
                new RebalancingRule.Drift(0.05, BaseDayPolicy.LAST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.QUARTERLY, 0),
                new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0.5),
                new RebalancingRule.Periodic(Frequency.SEMIANNUAL, BaseDayPolicy.FIRST_TRADING_DAY, 0.001),
                new RebalancingRule.Periodic(Frequency.ANNUAL, BaseDayPolicy.FIRST_TRADING_DAY, 0.001))) {
            RequestHash h = withRule(r);
            assertThat(hashes.add(h.hex())).as(h.canonicalJson()).isTrue();
        }
        assertThat(seedDrift.canonicalJson()).contains("\"semantics_version\":" + RequestHash.SEMANTICS_VERSION);
    }

    /**
     * Semantics version 3 (periods per year, SEMANTICS §5 and §11): an OFF request's hash is the SHA-256 of the
     * canonical JSON below, computed outside the code (printf '%s' JSON | sha256sum); under version 2 the same request
     * hashed to 439cb702…98af, so no run stored under √252 is reused.
     */
    @Test
    void semanticsVersionThreeIsHashed() {
        RequestHash off = new RequestHash(7L, W, BASE.start(), BASE.end(), 1.0, "abc", MissingDataPolicy.SKIP, Optional.empty());
        assertThat(off.canonicalJson()).isEqualTo("{\"drift_calc_order\":\"EOD\",\"end_date\":\"2020-12-31\","
                + "\"initial_value\":1,\"market_data\":\"abc\",\"missing_data_policy\":\"SKIP\","
                + "\"portfolio\":{\"id\":7,\"weights\":{\"BOND\":0.4,\"EQUITY\":0.6}},\"semantics_version\":3,"
                + "\"start_date\":\"2020-01-01\"}");
        assertThat(off.hex()).isEqualTo("f4b72c2af38fe67c1460b56b9603b2c573e635626fd8101465f391f8bad62368")
                .isNotEqualTo("439cb702f5a8e3c8c2b0fd3d03844f1b70c6b33a7404288d45a0262d2e7698af");
    }

    @Test
    void canonicalFormIsSortedCompactAndHasOneFormPerNumber() {
        assertThat(BASE.canonicalJson()).isEqualTo("{\"drift_calc_order\":\"EOD\",\"end_date\":\"2020-12-31\","
                + "\"initial_value\":1,\"market_data\":\"abc\",\"missing_data_policy\":\"SKIP\","
                + "\"portfolio\":{\"id\":7,\"weights\":{\"BOND\":0.4,\"EQUITY\":0.6}},"
                + "\"rebalancing\":{\"base_day_policy\":\"FIRST_TRADING_DAY\",\"cost_rate\":0.001,\"drift_threshold\":null,"
                + "\"frequency\":\"MONTHLY\",\"rule_type\":\"PERIODIC\"},\"semantics_version\":3,"
                + "\"start_date\":\"2020-01-01\"}");
        assertThat(CanonicalJson.number(1e6)).isEqualTo("1000000");
        assertThat(CanonicalJson.number(1.0e-7)).isEqualTo("0.0000001");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void phaseAndDayOffsetEnterTheHashOnlyWhenNotZero() {
        RequestHash shiftedByNothing = withRule(new RebalancingRule.Periodic(Frequency.MONTHLY,
                BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 0, 0));
        assertThat(shiftedByNothing.canonicalJson()).isEqualTo(BASE.canonicalJson()).doesNotContain("phase")
                .doesNotContain("day_offset");
        assertThat(shiftedByNothing.hex()).isEqualTo(BASE.hex());
        RebalancingRule quarterly = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        RequestHash plain = withRule(quarterly);
        RequestHash phase1 = withRule(new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                0.001, 1, 0));
        RequestHash offset2 = withRule(new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                0.001, 0, 2));
        RequestHash both = withRule(new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                0.001, 1, 2));
        RequestHash checkShifted = withRule(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
                BandKind.ABSOLUTE, Double.NaN, CheckFrequency.QUARTERLY, 0, 2, 0));
        RequestHash checkPlain = withRule(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
                BandKind.ABSOLUTE, Double.NaN, CheckFrequency.QUARTERLY, 0));
        assertThat(Set.of(plain.hex(), phase1.hex(), offset2.hex(), both.hex(), checkShifted.hex(), checkPlain.hex()))
                .hasSize(6);
        assertThat(both.canonicalJson()).contains("\"rebalancing\":{\"base_day_policy\":\"FIRST_TRADING_DAY\","
                + "\"cost_rate\":0.001,\"day_offset\":2,\"drift_threshold\":null,\"frequency\":\"QUARTERLY\","
                + "\"phase\":1,\"rule_type\":\"PERIODIC\"}");
        assertThat(phase1.canonicalJson()).contains("\"phase\":1").doesNotContain("day_offset");
        assertThat(offset2.canonicalJson()).contains("\"day_offset\":2").doesNotContain("phase");
    }
}
