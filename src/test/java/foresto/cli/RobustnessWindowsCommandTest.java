package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RobustnessWindowsCommandTest {
    @TempDir
    static Path dir;
    static Path returns;
    private static final String COLS = SwingingReturns.COLUMNS;
    private static final String WEIGHTS = SwingingReturns.WEIGHTS;

    /** Weekdays of 2023-01-02 … 2023-08-31; equity swings ±1.5 % in runs of three days, bonds drift. */
    @BeforeAll
    static void writeFixture() throws Exception {
        returns = SwingingReturns.write(dir, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 8, 31));
    }

    private static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("robustness", "windows", "--returns", returns.toString(), "--columns",
                COLS, "--weights", WEIGHTS, "--start", "2023-01-31", "--end", "2023-07-31", "--rule", "monthly"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theJsonHasExactlyTheIssuesKeys() throws Exception {
        CliRunner.Result r = CliRunner.on(args("--length-months", "2"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        // the issue's keys, and frequency beside periods_per_year as §5 asks of every output with annualised figures
        assertThat(names(j)).containsExactly("periods_per_year", "frequency", "windows", "summary");
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(j.get("frequency").asText()).isEqualTo("daily");
        assertThat(j.get("windows")).hasSize(5);
        for (JsonNode w : j.get("windows")) {
            assertThat(names(w)).containsExactly("start", "end", "on", "off", "premium");
            assertThat(names(w.get("on"))).containsExactly("cagr", "volatility", "max_drawdown", "final_value");
            assertThat(names(w.get("off"))).containsExactly("cagr", "volatility", "max_drawdown", "final_value");
        }
        assertThat(names(j.get("summary"))).containsExactly("count", "min", "p5", "p25", "median", "p75", "p95", "max",
                "share_positive", "non_overlapping");
        assertThat(j.get("summary").get("count").asInt()).isEqualTo(5);
        assertThat(j.get("summary").get("non_overlapping").asInt()).isEqualTo(3); // 6 whole months / 2
        // windows from 31 Jan, clamped, never chained
        assertThat(j.get("windows").get(1).get("start").asText()).isEqualTo("2023-02-28");
        assertThat(j.get("windows").get(2).get("start").asText()).isEqualTo("2023-03-31");
        assertThat(j.get("windows").get(0).get("end").asText()).isEqualTo("2023-03-30");
    }

    /** Each window's figures are simulate's for that window, bit for bit (shortest round-trip decimals). */
    @Test
    void everyWindowMatchesSimulateOnThatWindow() throws Exception {
        CliRunner.Result r = CliRunner.on(args("--length-months", "3", "--step-months", "2", "--cost-rate", "0.002"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode windows = Json.mapper().readTree(r.out()).get("windows");
        assertThat(windows).hasSize(2); // starts 31 Jan, 31 Mar; the next (31 May) would end 30 Aug > 31 Jul
        int positive = 0;
        for (JsonNode w : windows) {
            CliRunner.Result s = CliRunner.on("simulate", "--returns", returns.toString(), "--columns", COLS,
                    "--weights", WEIGHTS, "--start", w.get("start").asText(), "--end", w.get("end").asText(),
                    "--rule", "monthly", "--cost-rate", "0.002");
            assertThat(s.exitCode()).as(s.err()).isZero();
            JsonNode sim = Json.mapper().readTree(s.out());
            for (String side : List.of("on", "off")) {
                for (String k : List.of("cagr", "volatility", "max_drawdown", "final_value")) {
                    assertThat(w.get(side).get(k).doubleValue()).as(side + "." + k)
                            .isEqualTo(sim.get(side).get(k).doubleValue());
                }
            }
            double premium = sim.get("on").get("cagr").doubleValue() - sim.get("off").get("cagr").doubleValue();
            assertThat(w.get("premium").doubleValue()).isEqualTo(premium);
            positive += premium > 0 ? 1 : 0;
        }
        JsonNode summary = Json.mapper().readTree(r.out()).get("summary");
        assertThat(summary.get("share_positive").doubleValue()).isEqualTo(positive / 2.0);
        // n = 2: h = p, so the median is halfway and p25 a quarter of the way from the lower premium to the upper
        double lo = Math.min(windows.get(0).get("premium").doubleValue(), windows.get(1).get("premium").doubleValue());
        double hi = Math.max(windows.get(0).get("premium").doubleValue(), windows.get(1).get("premium").doubleValue());
        assertThat(summary.get("min").doubleValue()).isEqualTo(lo);
        assertThat(summary.get("max").doubleValue()).isEqualTo(hi);
        assertThat(summary.get("median").doubleValue()).isEqualTo(lo + 0.5 * (hi - lo));
        assertThat(summary.get("p25").doubleValue()).isEqualTo(lo + 0.25 * (hi - lo));
    }

    @Test
    void csvWritesOneRowPerWindow() throws Exception {
        Path csv = dir.resolve("windows.csv");
        CliRunner.Result r = CliRunner.on(args("--length-months", "2", "--csv", csv.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode windows = Json.mapper().readTree(r.out()).get("windows");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("start,end,on_cagr,on_volatility,on_max_drawdown,on_final_value,off_cagr,"
                + "off_volatility,off_max_drawdown,off_final_value,premium,volatility_diff,max_drawdown_diff");
        for (int i = 0; i < windows.size(); i++) {
            String[] c = lines.get(i + 1).split(",");
            JsonNode w = windows.get(i);
            assertThat(c[0]).isEqualTo(w.get("start").asText());
            assertThat(c[1]).isEqualTo(w.get("end").asText());
            assertThat(Double.parseDouble(c[2])).isEqualTo(w.get("on").get("cagr").doubleValue());
            assertThat(Double.parseDouble(c[6])).isEqualTo(w.get("off").get("cagr").doubleValue());
            assertThat(Double.parseDouble(c[9])).isEqualTo(w.get("off").get("final_value").doubleValue());
            assertThat(Double.parseDouble(c[10])).isEqualTo(w.get("premium").doubleValue());
            assertThat(Double.parseDouble(c[12])).isEqualTo(w.get("on").get("max_drawdown").doubleValue()
                    - w.get("off").get("max_drawdown").doubleValue());
        }
    }

    @Test
    void aWindowThatFitsNowhereIsACodedInputError() {
        CliRunner.Result r = CliRunner.on(args("--length-months", "7"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: INVALID_REQUEST").contains("7 months").contains("does not fit")
                .doesNotContain("Exception");
        CliRunner.Result zero = CliRunner.on(args("--length-months", "0"));
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).startsWith("error: INVALID_REQUEST").contains("at least 1 month");
        CliRunner.Result step = CliRunner.on(args("--length-months", "2", "--step-months", "0"));
        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.err()).startsWith("error: INVALID_REQUEST").contains("step");
    }

    @Test
    void theStudyNeedsARuleAndTheRebalancingFlag() {
        CliRunner.Result off = CliRunner.off(args("--length-months", "2"));
        assertThat(off.exitCode()).isEqualTo(2);
        assertThat(off.err()).startsWith("error: REBALANCING_DISABLED");
        CliRunner.Result noRule = CliRunner.on("robustness", "windows", "--returns", returns.toString(), "--columns",
                COLS, "--weights", WEIGHTS, "--length-months", "2");
        assertThat(noRule.exitCode()).isEqualTo(2);
        assertThat(noRule.err()).startsWith("error: INVALID_REQUEST").contains("--rule");
    }

    @Test
    void startAndEndDefaultToTheDatasFirstAndLastDates() throws Exception {
        CliRunner.Result r = CliRunner.on("robustness", "windows", "--returns", returns.toString(), "--columns", COLS,
                "--weights", WEIGHTS, "--rule", "quarterly", "--length-months", "6");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        // 2 Jan … 31 Aug: windows start 2 Jan, 2 Feb, 2 Mar (ends 1 Sep > 31 Aug: out)
        assertThat(j.get("windows")).hasSize(2);
        assertThat(j.get("windows").get(0).get("start").asText()).isEqualTo("2023-01-02");
        assertThat(j.get("windows").get(1).get("end").asText()).isEqualTo("2023-08-01");
        // M = whole months from 2 Jan to 1 Sep = 7 → ⌊7 / 6⌋ = 1
        assertThat(j.get("summary").get("non_overlapping").asInt()).isEqualTo(1);
    }
}
