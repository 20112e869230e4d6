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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RobustnessBootstrapCommandTest {
    @TempDir
    static Path dir;
    static Path returns;
    private static final String COLS = SwingingReturns.COLUMNS;
    private static final String WEIGHTS = SwingingReturns.WEIGHTS;

    /** Weekdays of 2023-01-02 … 2023-06-30; equity swings in runs of three days, bonds drift. */
    @BeforeAll
    static void writeFixture() throws Exception {
        returns = SwingingReturns.write(dir, LocalDate.of(2023, 1, 2), LocalDate.of(2023, 6, 30));
    }

    private static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("robustness", "bootstrap", "--returns", returns.toString(), "--columns",
                COLS, "--weights", WEIGHTS, "--rule", "monthly"));
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
        CliRunner.Result r = CliRunner.on(args("--paths", "20"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(names(j)).containsExactly("periods_per_year", "frequency", "paths", "block", "seed", "p_beats",
                "p_beats_se", "cagr_diff", "max_drawdown_diff", "fan");
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(j.get("frequency").asText()).isEqualTo("daily");
        assertThat(j.get("paths").asInt()).isEqualTo(20);
        assertThat(j.get("block").asDouble()).isEqualTo(21.0); // max(1, round(252/12))
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        for (String k : List.of("cagr_diff", "max_drawdown_diff")) {
            assertThat(names(j.get(k))).containsExactly("p5", "p25", "median", "p75", "p95");
        }
        JsonNode fan = j.get("fan");
        assertThat(names(fan)).containsExactly("dates", "a", "b");
        assertThat(fan.get("dates").get(0).asText()).isEqualTo("2023-01-02");
        assertThat(fan.get("dates").get(fan.get("dates").size() - 1).asText()).isEqualTo("2023-06-30");
        for (String side : List.of("a", "b")) {
            assertThat(names(fan.get(side))).containsExactly("p5", "p25", "p50", "p75", "p95");
            assertThat(fan.get(side).get("p50")).hasSize(fan.get("dates").size());
            assertThat(fan.get(side).get("p5").get(0).asDouble()).isEqualTo(1.0); // every path bought at V0 (default 1)
        }
    }

    @Test
    void perPathListsEveryPathAndAgreesWithPBeats() throws Exception {
        CliRunner.Result r = CliRunner.on(args("--paths", "30", "--block", "5", "--seed", "18446744073709551615",
                "--per-path", "--versus", "quarterly"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(names(j)).endsWith("fan", "per_path");
        assertThat(j.get("seed").asText()).isEqualTo("18446744073709551615");
        assertThat(j.get("block").asDouble()).isEqualTo(5.0);
        JsonNode rows = j.get("per_path");
        assertThat(rows).hasSize(30);
        int beats = 0;
        for (int i = 0; i < 30; i++) {
            JsonNode row = rows.get(i);
            assertThat(names(row)).containsExactly("path", "a_final", "b_final");
            assertThat(row.get("path").asInt()).isEqualTo(i);
            if (row.get("a_final").asDouble() > row.get("b_final").asDouble()) {
                beats++;
            }
        }
        double p = beats / 30.0;
        assertThat(j.get("p_beats").asDouble()).isEqualTo(p);
        assertThat(j.get("p_beats_se").asDouble()).isEqualTo(Math.sqrt(p * (1 - p) / 30));
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentPaths() throws Exception {
        String a = CliRunner.on(args("--paths", "10", "--seed", "7")).out();
        String b = CliRunner.on(args("--paths", "10", "--seed", "7")).out();
        String c = CliRunner.on(args("--paths", "10", "--seed", "8")).out();
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void aChildJvmOnOneCoreGivesTheSameBootstrapForTheSameSeed() throws Exception {
        String[] a = args("--paths", "25", "--block", "4", "--seed", "12345", "--per-path");
        CliRunner.Result here = CliRunner.on(a);
        assertThat(here.exitCode()).as(here.err()).isZero();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), "foresto.cli.Main"));
        cmd.addAll(List.of(a));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("USE_REBALANCING", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Json.mapper().readTree(out)).isEqualTo(Json.mapper().readTree(here.out()));
        assertThat(out.trim()).isEqualTo(here.out().trim());
    }

    @Test
    void csvWritesOneRowPerPath() throws Exception {
        Path out = dir.resolve("paths.csv");
        CliRunner.Result r = CliRunner.on(args("--paths", "4", "--csv", out.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).endsWith("path,a_final,b_final"); // after the shared writer's BOM
        assertThat(lines.get(1)).startsWith("0,");
    }

    @Test
    void badInputIsACodedErrorWithExit2() {
        List<String[]> bad = List.of(args("--paths", "0"), args("--paths", "100001"), args("--block", "0.5"),
                args("--versus", "monthly"), args("--seed", "-3"), args("--seed", "18446744073709551616"));
        for (String[] a : bad) {
            CliRunner.Result r = CliRunner.on(a);
            assertThat(r.exitCode()).as(String.join(" ", a) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("INVALID_REQUEST").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }
}
