package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robustness commands and the robust sweep with {@code simulate}'s flow options: each timing variant is the
 * single {@code simulate} of its phase with the schedule, a robust sweep's cell is {@code robustness bootstrap} of its
 * rule with the same schedule, a bad schedule is the same coded error as {@code simulate}'s.
 */
class StudiesCashFlowsCommandTest {
    @TempDir
    static Path dir;
    static Path returns;
    static final List<String> FLOWS = List.of("--contribution", "100", "--flow-frequency", "monthly", "--flow-growth",
            "0.03");

    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 190; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 3 == 0 ? "0.015" : i % 7 == 0 ? "-0.02" : "-0.004").append(',')
                    .append(i % 5 == 0 ? "0.004" : "-0.001").append('\n');
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    static String[] args(List<String> command, List<String> more) {
        return Stream.of(command.stream(), Stream.of("--returns", returns.toString(), "--columns",
                "SP500=EQUITY,UST10Y=BOND", "--weights", "EQUITY=0.6,BOND=0.4", "--initial-value", "1000"), more.stream())
                .flatMap(s -> s).toArray(String[]::new);
    }

    static List<String> with(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void everyTimingVariantIsTheSimulationOfItsPhaseWithTheSchedule() throws Exception {
        JsonNode t = ok(CliRunner.on(args(List.of("robustness", "timing"), with(List.of("--rule", "quarterly"), FLOWS))));
        JsonNode variants = t.get("variants");
        assertThat(variants).hasSize(3);
        for (JsonNode v : variants) {
            String phase = v.get("phase").asText();
            JsonNode single = ok(CliRunner.on(args(List.of("simulate"), with(List.of("--rule", "quarterly", "--phase",
                    phase), FLOWS)))).get("on");
            for (String key : List.of("final_value", "cagr", "max_drawdown", "event_count", "contributed", "withdrawn",
                    "net_flow", "depleted_on", "twr_cagr", "mwr")) {
                assertThat(v.get(key)).as("phase " + phase + ": " + key).isEqualTo(single.get(key));
            }
        }
        assertThat(t.get("tranche").has("contributed")).isTrue();
        // without the schedule no flow key appears
        JsonNode plain = ok(CliRunner.on(args(List.of("robustness", "timing"), List.of("--rule", "quarterly"))));
        assertThat(plain.get("variants").get(0).has("contributed")).isFalse();
        assertThat(plain.get("tranche").has("contributed")).isFalse();
        assertThat(plain.get("variants").get(0).get("final_value")).isNotEqualTo(variants.get(0).get("final_value"));
    }

    @Test
    void aRobustSweepCellOnTheScheduleIsTheBootstrapOfItsRuleAgainstOff() throws Exception {
        List<String> resampling = List.of("--block", "5", "--seed", "7");
        JsonNode sweep = ok(CliRunner.on(args(List.of("sweep"), with(with(List.of("--rules", "monthly,drift:0.03",
                "--cost-rates", "0", "--bootstrap", "25"), resampling), FLOWS))));
        JsonNode cells = sweep.get("cells");
        assertThat(cells).hasSize(2);
        for (JsonNode cell : cells) {
            JsonNode study = ok(CliRunner.on(args(List.of("robustness", "bootstrap"), with(with(List.of("--rule",
                    cell.get("rule").asText(), "--cost-rate", "0", "--paths", "25"), resampling), FLOWS))));
            assertThat(cell.get("p_beats_off")).isEqualTo(study.get("p_beats"));
            assertThat(cell.get("cagr_diff_median")).isEqualTo(study.get("cagr_diff").get("median"));
            assertThat(cell.get("cagr_diff_p5")).isEqualTo(study.get("cagr_diff").get("p5"));
            JsonNode single = ok(CliRunner.on(args(List.of("simulate"), with(List.of("--rule", cell.get("rule").asText(),
                    "--cost-rate", "0"), FLOWS)))).get("on");
            for (String key : List.of("contributed", "withdrawn", "net_flow", "depleted_on", "twr_cagr", "mwr")) {
                assertThat(cell.get(key)).as(key).isEqualTo(single.get(key));
            }
        }
        JsonNode plain = ok(CliRunner.on(args(List.of("sweep"), with(List.of("--rules", "monthly,drift:0.03",
                "--cost-rates", "0", "--bootstrap", "25"), resampling))));
        assertThat(plain.get("cells").get(0).has("contributed")).isFalse();
    }

    @Test
    void aBadScheduleIsSimulatesCodedError() {
        for (List<String> bad : List.of(List.of("--withdrawal-rate", "1.5", "--flow-frequency", "monthly"),
                List.of("--contribution", "10", "--withdrawal-rate", "0.1", "--flow-frequency", "monthly"),
                List.of("--contribution", "10", "--flow-frequency", "monthly", "--flow-growth", "1.5"),
                List.of("--contribution", "10", "--flow-frequency", "monthly", "--flows-from", "2024-06-01",
                        "--flows-until", "2024-03-01"),
                List.of("--contribution", "10", "--flow-frequency", "annual", "--flows-from", "2030-01-01"))) {
            CliRunner.Result simulate = CliRunner.on(args(List.of("simulate"), with(List.of("--rule", "quarterly"), bad)));
            assertThat(simulate.exitCode()).as(bad + ": " + simulate.err()).isEqualTo(2);
            for (List<String> study : List.of(List.of("robustness", "timing"), List.of("robustness", "windows"),
                    List.of("robustness", "bootstrap"))) {
                List<String> more = with(study.get(1).equals("windows") ? List.of("--rule", "quarterly",
                        "--length-months", "2") : study.get(1).equals("bootstrap") ? List.of("--rule", "quarterly",
                        "--paths", "5") : List.of("--rule", "quarterly"), bad);
                CliRunner.Result r = CliRunner.on(args(study, more));
                assertThat(r.exitCode()).as(study + " " + bad + ": " + r.err()).isEqualTo(2);
                assertThat(r.err()).as(study + " " + bad).contains("INVALID_REQUEST");
            }
        }
    }

    @Test
    void theCsvRowsGainTheFlowColumnsOnlyWithASchedule() throws Exception {
        Path withFlows = dir.resolve("sweep-flows.csv");
        Path plain = dir.resolve("sweep.csv");
        ok(CliRunner.on(args(List.of("sweep"), with(List.of("--rules", "monthly", "--cost-rates", "0", "--csv",
                withFlows.toString()), FLOWS))));
        ok(CliRunner.on(args(List.of("sweep"), List.of("--rules", "monthly", "--cost-rates", "0", "--csv",
                plain.toString()))));
        String header = Files.readAllLines(withFlows).get(0);
        assertThat(header).endsWith(",contributed,withdrawn,net_flow,depleted_on,twr_cagr,mwr");
        assertThat(Files.readAllLines(plain).get(0)).doesNotContain("contributed");
        Path timing = dir.resolve("timing-flows.csv");
        ok(CliRunner.on(args(List.of("robustness", "timing"), with(List.of("--rule", "quarterly", "--csv",
                timing.toString()), FLOWS))));
        List<String> lines = Files.readAllLines(timing);
        assertThat(lines.get(0)).endsWith(",total_cost,contributed,withdrawn,net_flow,depleted_on,twr_cagr,mwr");
        assertThat(lines).hasSize(4); // three phases
    }
}
