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
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code foresto robustness timing} (SEMANTICS §12.2): keys, variants = simulate runs, CSV rows, bad input. */
class RobustnessTimingCommandTest {
    @TempDir
    static Path dir;
    static Path returns;
    private static final String COLS = "SP500=EQUITY,UST10Y=BOND";
    private static final List<String> METRICS = List.of("final_value", "total_return", "cagr", "volatility",
            "max_drawdown", "event_count", "total_turnover", "total_cost");

    /** Every weekday from Thursday 2 January 2020 to Wednesday 30 June 2021, returns from a fixed pattern. */
    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        int i = 0;
        for (LocalDate d = LocalDate.of(2020, 1, 2); !d.isAfter(LocalDate.of(2021, 6, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                sb.append(d).append(',').append(String.format("%.5f", 0.011 * Math.sin(i * 0.7) + 0.0004)).append(',')
                        .append(String.format("%.5f", 0.003 * Math.cos(i * 0.3))).append('\n');
                i++;
            }
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    private static String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(command.split(" ")));
        a.addAll(List.of("--returns", returns.toString(), "--columns", COLS, "--weights", "EQUITY=0.6,BOND=0.4"));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    private static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void theJsonHasExactlyTheIssuesKeys() throws Exception {
        JsonNode j = ok(CliRunner.on(args("robustness timing", "--rule", "quarterly")));
        // periods_per_year with its name ("frequency"), as simulate and sweep write it (SEMANTICS §5)
        assertThat(j.fieldNames()).toIterable().containsExactly("periods_per_year", "frequency", "off", "variants",
                "timing_luck", "spread", "best", "worst", "tranche");
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(j.get("off").fieldNames()).toIterable().containsExactlyElementsOf(METRICS);
        assertThat(j.get("variants")).hasSize(3);
        for (JsonNode v : j.get("variants")) {
            assertThat(v.fieldNames()).toIterable().containsExactlyElementsOf(RobustnessTimingCommand.VARIANT_COLUMNS);
        }
        assertThat(RobustnessTimingCommand.VARIANT_COLUMNS).containsExactly("phase", "day_offset", "final_value",
                "total_return", "cagr", "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost");
        assertThat(j.get("best").fieldNames()).toIterable().containsExactly("phase", "day_offset");
        assertThat(j.get("worst").fieldNames()).toIterable().containsExactly("phase", "day_offset");
        assertThat(j.get("tranche").fieldNames()).toIterable().containsExactly("final_value", "cagr", "volatility",
                "max_drawdown", "total_cost", "event_count");
    }

    @Test
    void everyVariantIsWhatSimulateGivesForItsPhaseAndOffset() throws Exception {
        JsonNode j = ok(CliRunner.on(args("robustness timing", "--rule", "quarterly", "--base-day", "last",
                "--cost-rate", "0.004", "--phases", "0..2", "--offsets", "0,2")));
        JsonNode variants = j.get("variants");
        assertThat(variants).hasSize(6);
        int i = 0;
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (int p = 0; p < 3; p++) {
            for (int k : new int[]{0, 2}) {
                JsonNode v = variants.get(i++);
                assertThat(v.get("phase").asInt()).isEqualTo(p);
                assertThat(v.get("day_offset").asInt()).isEqualTo(k);
                JsonNode sim = ok(CliRunner.on(args("simulate", "--rule", "quarterly", "--base-day", "last",
                        "--cost-rate", "0.004", "--phase", Integer.toString(p), "--day-offset", Integer.toString(k))));
                for (String m : METRICS) {
                    assertThat(v.get(m)).as(p + "/" + k + " " + m).isEqualTo(sim.get("on").get(m));
                }
                assertThat(j.get("off")).isEqualTo(Json.mapper().valueToTree(metricsOnly(sim.get("off"))));
                best = Math.max(best, v.get("cagr").asDouble());
                worst = Math.min(worst, v.get("cagr").asDouble());
            }
        }
        assertThat(j.get("spread").asDouble()).isEqualTo(best - worst);
        assertThat(j.get("timing_luck").asDouble()).isPositive();
        assertThat(j.get("tranche").get("event_count").asInt()).isEqualTo(sum(variants, "event_count"));
    }

    private static JsonNode metricsOnly(JsonNode path) {
        var o = Json.mapper().createObjectNode();
        for (String m : METRICS) {
            o.set(m, path.get(m));
        }
        return o;
    }

    private static int sum(JsonNode variants, String key) {
        int s = 0;
        for (JsonNode v : variants) {
            s += v.get(key).asInt();
        }
        return s;
    }

    @Test
    void monthlyRunsTenOffsetsByDefault() throws Exception {
        JsonNode j = ok(CliRunner.on(args("robustness timing", "--rule", "monthly")));
        List<String> cells = new ArrayList<>();
        for (JsonNode v : j.get("variants")) {
            cells.add(v.get("phase").asInt() + "/" + v.get("day_offset").asInt());
        }
        assertThat(cells).containsExactly("0/0", "0/1", "0/2", "0/3", "0/4", "0/5", "0/6", "0/7", "0/8", "0/9");
    }

    @Test
    void csvWritesOneRowPerVariant() throws Exception {
        Path csv = dir.resolve("timing.csv");
        JsonNode j = ok(CliRunner.on(args("robustness timing", "--rule", "drift:0.02", "--check", "monthly",
                "--offsets", "1..3", "--csv", csv.toString())));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0).replace("\uFEFF", "")).isEqualTo(String.join(",", RobustnessTimingCommand.VARIANT_COLUMNS));
        assertThat(lines).hasSize(4);
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i + 1).split(",");
            JsonNode v = j.get("variants").get(i);
            assertThat(cells[0]).isEqualTo("0");
            assertThat(cells[1]).isEqualTo(Integer.toString(i + 1));
            assertThat(Double.parseDouble(cells[2])).isEqualTo(v.get("final_value").asDouble());
            assertThat(Double.parseDouble(cells[4])).isEqualTo(v.get("cagr").asDouble());
            assertThat(Integer.parseInt(cells[7])).isEqualTo(v.get("event_count").asInt());
            assertThat(Double.parseDouble(cells[9])).isEqualTo(v.get("total_cost").asDouble());
        }
    }

    @Test
    void badInputIsACodedErrorWithExitTwo() {
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "drift:0.05")), "INVALID_RULE", "robustness windows");
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "quarterly", "--phases", "0..3")), "INVALID_RULE",
                "phase");
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "monthly", "--phases", "1")), "INVALID_RULE", "phase");
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "annual", "--offsets", "19..21")), "INVALID_RULE",
                "day_offset");
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "annual", "--offsets", "x")), "INVALID_REQUEST",
                "--offsets");
        assertRefused(CliRunner.on(args("robustness timing", "--rule", "annual", "--phases", "3..1")), "INVALID_REQUEST",
                "--phases");
        assertRefused(CliRunner.off(args("robustness timing", "--rule", "annual")), "REBALANCING_DISABLED", "--rule");
    }

    private static void assertRefused(CliRunner.Result r, String code, String words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + code + ": ").contains(words).doesNotContain("Exception");
    }
}
