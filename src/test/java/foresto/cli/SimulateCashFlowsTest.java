package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code simulate}'s flow options and keys (SEMANTICS §13.5). */
class SimulateCashFlowsTest {
    @TempDir
    static Path dir;
    static Path returns;
    /** The first weekday of Feb … Jul 2024: the monthly FIRST flow dates of the fixture. */
    static final List<String> MONTH_STARTS = List.of("2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-03",
            "2024-07-01");

    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 130; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 2 == 0 ? "0.012" : "-0.004").append(",-0.001\n");
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    static String[] args(String... more) {
        return Stream.concat(Stream.of("simulate", "--returns", returns.toString(), "--columns", "SP500=EQUITY,UST10Y=BOND",
                "--weights", "EQUITY=0.6,BOND=0.4", "--initial-value", "1000"), Stream.of(more)).toArray(String[]::new);
    }

    static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void monthlyContributionAddsTheFlowKeysToBothSides() throws Exception {
        JsonNode j = ok(CliRunner.on(args("--rule", "drift:0.02", "--contribution", "100", "--flow-frequency", "monthly")));
        for (String side : List.of("off", "on")) {
            JsonNode s = j.get(side);
            assertThat(s.fieldNames()).toIterable().contains("contributed", "withdrawn", "net_flow", "depleted_on",
                    "twr_total", "twr_cagr", "mwr", "flows");
            List<String> dates = new ArrayList<>();
            s.get("flows").forEach(f -> {
                dates.add(f.get("date").asText());
                assertThat(f.get("amount").asDouble()).isEqualTo(100.0);
            });
            assertThat(dates).isEqualTo(MONTH_STARTS);
            assertThat(s.get("contributed").asDouble()).isEqualTo(600.0);
            assertThat(s.get("withdrawn").asDouble()).isEqualTo(0.0);
            assertThat(s.get("net_flow").asDouble()).isEqualTo(600.0);
            assertThat(s.get("depleted_on").isNull()).isTrue();
            assertThat(s.get("twr_total").asDouble()).isEqualTo(s.get("total_return").asDouble());
            assertThat(s.get("twr_cagr").asDouble()).isEqualTo(s.get("cagr").asDouble());
            assertThat(s.get("mwr").isNumber()).isTrue();
            assertThat(s.get("final_value").asDouble()).isGreaterThan(1600);
        }
    }

    @Test
    void withoutAScheduleTheKeysAreAbsentAndTheNumbersUnchanged() throws Exception {
        JsonNode plain = ok(CliRunner.off(args()));
        assertThat(plain.get("off").has("contributed")).isFalse();
        assertThat(plain.get("off").has("flows")).isFalse();
        assertThat(plain.get("off").has("mwr")).isFalse();
        // pro rata keeps the OFF mix, so OFF's time-weighted return with flows is its plain return
        JsonNode flows = ok(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly")));
        assertThat(flows.get("off").get("total_return").asDouble())
                .isCloseTo(plain.get("off").get("total_return").asDouble(), within(1e-12));
    }

    @Test
    void withdrawalsAreNegativeAndTheShapeOptionsApply() throws Exception {
        JsonNode j = ok(CliRunner.off(args("--withdrawal", "50", "--flow-frequency", "quarterly", "--flow-base-day", "last",
                "--flow-phase", "1", "--flows-until", "2024-06-30")));
        // quarters shifted by a month: Feb–Apr, May–Jul; the last trading day of Feb–Apr is Apr 30 (Jan's quarter
        // Nov–Jan ends on Jan 31)
        JsonNode flows = j.get("off").get("flows");
        assertThat(flows).hasSize(2);
        assertThat(flows.get(0).get("date").asText()).isEqualTo("2024-01-31");
        assertThat(flows.get(1).get("date").asText()).isEqualTo("2024-04-30");
        assertThat(flows.get(0).get("amount").asDouble()).isEqualTo(-50.0);
        assertThat(j.get("off").get("withdrawn").asDouble()).isEqualTo(100.0);
        assertThat(j.get("off").get("net_flow").asDouble()).isEqualTo(-100.0);
    }

    @Test
    void aWithdrawalRateTakesAShareAndAGrowingAmountGrows() throws Exception {
        // 1 % of the value after the day's returns leaves, so the value recorded that day is 99 % of it: F = −V_k / 99
        JsonNode rate = ok(CliRunner.off(args("--withdrawal-rate", "0.01", "--flow-frequency", "monthly", "--path")));
        JsonNode path = rate.get("off").get("path");
        int checked = 0;
        for (JsonNode f : rate.get("off").get("flows")) {
            for (JsonNode p : path) {
                if (p.get("date").asText().equals(f.get("date").asText())) {
                    assertThat(f.get("amount").asDouble()).isCloseTo(-p.get("value").asDouble() / 99, within(1e-12));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(6);
        JsonNode grown = ok(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly", "--flow-growth", "0.5")));
        JsonNode flows = grown.get("off").get("flows");
        // 2024-01-02 to 2024-07-01 is 181 days: 100 · 1.5^(181/365.25) = 122.25375244413044
        assertThat(flows.get(5).get("amount").asDouble()).isCloseTo(122.25375244413044, within(1e-9));
    }

    @Test
    void towardTargetContributionsTradeLessThanProRata() throws Exception {
        String[] common = {"--rule", "drift:0.02", "--contribution", "100", "--flow-frequency", "monthly"};
        JsonNode toward = ok(CliRunner.on(args(Stream.concat(Stream.of(common), Stream.of("--flow-allocation",
                "toward-target")).toArray(String[]::new))));
        JsonNode byDefault = ok(CliRunner.on(args(common)));
        JsonNode proRata = ok(CliRunner.on(args(Stream.concat(Stream.of(common), Stream.of("--flow-allocation", "pro-rata"))
                .toArray(String[]::new))));
        assertThat(byDefault.get("on").get("event_count")).isEqualTo(toward.get("on").get("event_count"));
        assertThat(toward.get("on").get("total_turnover").asDouble())
                .isLessThan(proRata.get("on").get("total_turnover").asDouble());
    }

    @Test
    void badFlowOptionsAreCodedRequestErrors() {
        assertRefused(CliRunner.off(args("--contribution", "100", "--withdrawal-rate", "0.04", "--flow-frequency", "monthly")),
                "not both");
        assertRefused(CliRunner.off(args("--withdrawal-rate", "1.5", "--flow-frequency", "monthly")), "(0, 1)");
        assertRefused(CliRunner.off(args("--withdrawal-rate", "0.04", "--flow-frequency", "monthly", "--flow-growth", "0.02")),
                "--withdrawal-rate takes none");
        assertRefused(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly", "--flow-growth", "1")),
                "(-0.5, 1)");
        assertRefused(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly", "--flows-from", "2024-05-01",
                "--flows-until", "2024-04-01")), "before flows_from");
        assertRefused(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly", "--flows-from", "2024-12-01")),
                "no flow date");
        assertRefused(CliRunner.off(args("--contribution", "100", "--flow-frequency", "monthly", "--flow-allocation",
                "pro-rata")), "without a rule");
        assertRefused(CliRunner.off(args("--flow-frequency", "monthly")), "needs --contribution");
        assertRefused(CliRunner.off(args("--contribution", "100")), "--flow-frequency");
        assertRefused(CliRunner.off(args("--withdrawal", "-5", "--flow-frequency", "monthly")), "must be > 0");
        assertRefused(CliRunner.off(args("--contribution", "100", "--flow-frequency", "weekly")), "weekly");
    }

    private static void assertRefused(CliRunner.Result r, String message) {
        assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("INVALID_REQUEST").contains(message);
        assertThat(r.out()).isEmpty();
    }
}
