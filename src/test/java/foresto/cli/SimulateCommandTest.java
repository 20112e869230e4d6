package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y,CASH\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 130; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 2 == 0 ? "0.012" : "-0.004").append(",-0.001,0.0001\n");
        }
        good = write("good.csv", sb.toString());
    }

    static Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static final String COLS = "SP500=EQUITY,UST10Y=BOND,CASH=SHORT_TERM";

    @Test
    void offRunPrintsOneJsonObjectWithSnakeCaseSummary() throws Exception {
        CliRunner.Result r = CliRunner.off("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1", "--path");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("request_hash").asText()).matches("[0-9a-f]{64}");
        assertThat(j.has("on")).isFalse();
        JsonNode off = j.get("off");
        assertThat(off.fieldNames()).toIterable().contains("final_value", "total_return", "cagr", "volatility",
                "max_drawdown", "event_count", "total_turnover", "total_cost", "events", "path");
        assertThat(off.get("path")).hasSize(130);
        assertThat(off.get("path").get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(off.get("event_count").asInt()).isZero();
    }

    /**
     * Periods per year f at the top level (SEMANTICS §5): 252 for the daily fixture; 12 for twelve month ends of
     * equity only, whose eleven returns (five +3 %, five −3 %, one 0) have sample std 0.03, so the volatility is
     * √12 · 0.03 = 0.1039… (it was √252 · 0.03 = 0.476 before f).
     */
    @Test
    void theJsonSaysWhichPeriodsPerYearItsFiguresUse() throws Exception {
        CliRunner.Result daily = CliRunner.off("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1");
        assertThat(daily.exitCode()).as(daily.err()).isZero();
        JsonNode d = Json.mapper().readTree(daily.out());
        assertThat(d.get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(d.get("frequency").asText()).isEqualTo("daily");

        StringBuilder sb = new StringBuilder("date,SP500\n");
        double[] r = {0, 0.03, -0.03, 0.03, -0.03, 0, 0.03, -0.03, 0.03, -0.03, 0.03, -0.03};
        for (int i = 0; i < r.length; i++) {
            sb.append(YearMonth.of(2023, 1).plusMonths(i).atEndOfMonth()).append(',').append(r[i]).append('\n');
        }
        Path monthly = write("monthly.csv", sb.toString());
        CliRunner.Result m = CliRunner.off("simulate", "--returns", monthly.toString(), "--columns", "SP500=EQUITY",
                "--weights", "EQUITY=1");
        assertThat(m.exitCode()).as(m.err()).isZero();
        JsonNode j = Json.mapper().readTree(m.out());
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(12);
        assertThat(j.get("frequency").asText()).isEqualTo("monthly");
        assertThat(j.get("off").get("volatility").asDouble()).isCloseTo(0.10392304845413262, Assertions.within(1e-12));
    }

    @Test
    void monthlyRuleGivesOneEventPerMonthWithTheStandardEventKeys() throws Exception {
        CliRunner.Result r = CliRunner.on("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1", "--rule", "monthly", "--cost-rate", "0.002");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode on = Json.mapper().readTree(r.out()).get("on");
        assertThat(on.get("events")).hasSize(6); // Feb..Jul 2024
        JsonNode e = on.get("events").get(0);
        assertThat(e.fieldNames()).toIterable().containsExactlyInAnyOrder("event_date", "trigger_type", "trigger_detail",
                "before_weights", "after_weights", "turnover", "cost_rate", "cost_amount", "value_before", "value_after");
        assertThat(e.get("event_date").asText()).isEqualTo("2024-02-01");
        assertThat(e.get("cost_rate").asDouble()).isEqualTo(0.002);
        assertThat(e.get("after_weights").fieldNames()).toIterable().containsExactly("BOND", "EQUITY", "SHORT_TERM");
        assertThat(on.get("final_value").asDouble()).isNotEqualTo(Json.mapper().readTree(r.out()).get("off").get("final_value").asDouble());
    }

    @Test
    void ruleModelV2OptionsReachTheEngineAndItsEvents() throws Exception {
        CliRunner.Result r = CliRunner.on("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1", "--rule", "drift-hybrid:0.01/0.05", "--check", "monthly",
                "--rebalance-to", "0.5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode on = Json.mapper().readTree(r.out()).get("on");
        assertThat(on.get("events")).isNotEmpty();
        for (JsonNode e : on.get("events")) {
            JsonNode d = e.get("trigger_detail");
            assertThat(d.get("band_kind").asText()).isEqualTo("HYBRID");
            assertThat(d.get("check_frequency").asText()).isEqualTo("MONTHLY");
            assertThat(d.get("rebalance_to").asDouble()).isEqualTo(0.5);
            assertThat(d.get("bands").get("EQUITY").asDouble()).isEqualTo(0.01); // min(0.01, 0.05 · 0.6)
            assertThat(d.get("bands").get("SHORT_TERM").asDouble()).isCloseTo(0.005, Assertions.within(1e-15));
        }
        CliRunner.Result bad = CliRunner.on("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.4", "--rule", "monthly", "--check", "weekly");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("INVALID_RULE").contains("weekly");
        CliRunner.Result periodicWithG = CliRunner.on("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.4", "--rule", "annual", "--rebalance-to", "0.5");
        assertThat(periodicWithG.exitCode()).isEqualTo(2);
        assertThat(periodicWithG.err()).contains("belong to drift rules");
    }

    @Test
    void ruleWhileTheFlagIsOffIsRejected() {
        CliRunner.Result r = CliRunner.off("simulate", "--returns", good.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.4", "--rule", "monthly");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("REBALANCING_DISABLED").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sameInputSameHashAndAnyParameterChangesIt() throws Exception {
        String[] base = {"simulate", "--returns", good.toString(), "--columns", COLS, "--weights", "EQUITY=0.6,BOND=0.4", "--rule", "monthly"};
        String h1 = hash(CliRunner.on(base));
        assertThat(hash(CliRunner.on(base))).isEqualTo(h1);
        assertThat(hash(CliRunner.on(append(base, "--cost-rate", "0.002")))).isNotEqualTo(h1);
        assertThat(hash(CliRunner.on(append(base, "--base-day", "last")))).isNotEqualTo(h1);
        assertThat(hash(CliRunner.on(append(base, "--missing", "zero")))).isNotEqualTo(h1);
        assertThat(hash(CliRunner.on(append(base, "--initial-value", "2")))).isNotEqualTo(h1);
    }

    private static String hash(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out()).get("request_hash").asText();
    }

    private static String[] append(String[] a, String... more) {
        String[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    private static void assertInputError(String expectedCode, String expectedText, String... args) {
        CliRunner.Result r = CliRunner.on(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + expectedCode).contains(expectedText).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void everyBadInputExitsWithTwoAndAPreciseMessage() throws Exception {
        String w = "EQUITY=0.6,BOND=0.4";
        assertInputError("UNKNOWN_ASSET_CLASS", "CRYPTO", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", "EQUITY=0.6,CRYPTO=0.4");
        assertInputError("INVALID_WEIGHTS", "sum to 1", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", "EQUITY=0.6,BOND=0.3");
        assertInputError("INVALID_CSV", "unknown asset class 'SP500'", "simulate", "--returns", good.toString(), "--weights", w);

        Path badNumber = write("bad_number.csv", "date,EQUITY,BOND\n2024-01-02,0.01,0.0\n2024-01-03,0.01x,0.0\n");
        assertInputError("INVALID_CSV", "bad_number.csv:3:2: not a number: '0.01x'", "simulate", "--returns", badNumber.toString(), "--weights", w);
        Path notAscending = write("desc.csv", "date,EQUITY,BOND\n2024-01-03,0.01,0.0\n2024-01-02,0.01,0.0\n");
        assertInputError("INVALID_CSV", "desc.csv:3:1: dates not ascending", "simulate", "--returns", notAscending.toString(), "--weights", w);
        Path dup = write("dup.csv", "date,EQUITY,BOND\n2024-01-02,0.01,0.0\n2024-01-03,0.01,0.0\n2024-01-03,0.02,0.0\n");
        assertInputError("INVALID_CSV", "dup.csv:4:1: duplicate date 2024-01-03 (first on line 3)", "simulate", "--returns", dup.toString(), "--weights", w);
        Path badDate = write("bad_date.csv", "date,EQUITY,BOND\n2024-13-02,0.01,0.0\n");
        assertInputError("INVALID_CSV", "bad_date.csv:2:1: not a date", "simulate", "--returns", badDate.toString(), "--weights", w);
        Path lessThanMinusOne = write("crash.csv", "date,EQUITY,BOND\n2024-01-02,0.01,0.0\n2024-01-03,-1.5,0.0\n");
        assertInputError("INVALID_CSV", "crash.csv:3:2: a daily return must be > -1", "simulate", "--returns", lessThanMinusOne.toString(), "--weights", w);
        assertInputError("WINDOW_OUTSIDE_DATA", "outside the data", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", w, "--start", "2023-01-01");
        assertInputError("WINDOW_OUTSIDE_DATA", "after end date", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", w, "--start", "2024-03-01", "--end", "2024-02-01");
        assertInputError("INVALID_RULE", "monthly, quarterly, semiannual, annual, drift:θ", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", w, "--rule", "weekly");
        assertInputError("INVALID_RULE", "drift_threshold must be > 0 and < 1", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", w, "--rule", "drift:1.5");
        assertInputError("INVALID_REQUEST", "no such file", "simulate", "--returns", dir.resolve("missing.csv").toString(), "--weights", w);
        assertInputError("ASSET_CLASS_NOT_IN_DATA", "GOLD", "simulate", "--returns", good.toString(), "--columns", COLS, "--weights", "EQUITY=0.5,GOLD=0.5");
    }

    @Test
    void missingRequiredOptionIsAUsageErrorWithExitTwo() {
        CliRunner.Result r = CliRunner.on("simulate", "--weights", "EQUITY=1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--returns");
    }
}
