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

/** {@code sweep} with a flow schedule: every cell on the same schedule, each cell exactly {@code simulate}'s ON side. */
class SweepCashFlowsTest {
    @TempDir
    static Path dir;
    static Path returns;
    static final List<String> FLOWS = List.of("--contribution", "100", "--flow-frequency", "monthly", "--flow-growth",
            "0.03");

    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 130; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 3 == 0 ? "0.015" : "-0.006").append(",-0.001\n");
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    static String[] args(String command, List<String> more) {
        return Stream.concat(Stream.of(command, "--returns", returns.toString(), "--columns", "SP500=EQUITY,UST10Y=BOND",
                "--weights", "EQUITY=0.6,BOND=0.4", "--initial-value", "1000"), more.stream()).toArray(String[]::new);
    }

    static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void everyCellRunsOnTheScheduleAsASingleSimulationWould() throws Exception {
        JsonNode sweep = ok(CliRunner.on(args("sweep", Stream.concat(Stream.of("--rules", "drift:0.02,monthly",
                "--cost-rates", "0,0.002"), FLOWS.stream()).toList())));
        JsonNode offOnly = ok(CliRunner.on(args("simulate", FLOWS)));
        assertThat(sweep.get("off").get("flows")).isEqualTo(offOnly.get("off").get("flows"));
        assertThat(sweep.get("off").get("final_value")).isEqualTo(offOnly.get("off").get("final_value"));
        assertThat(sweep.get("off").get("mwr")).isEqualTo(offOnly.get("off").get("mwr"));
        JsonNode cells = sweep.get("cells");
        assertThat(cells).hasSize(4);
        for (JsonNode cell : cells) {
            String rule = cell.get("rule").asText();
            String cost = cell.get("cost_rate").asText();
            JsonNode single = ok(CliRunner.on(args("simulate", Stream.concat(Stream.of("--rule", rule, "--cost-rate", cost),
                    FLOWS.stream()).toList()))).get("on");
            for (String key : List.of("final_value", "total_return", "cagr", "max_drawdown", "event_count")) {
                assertThat(cell.get(key)).as(rule + " @ " + cost + ": " + key).isEqualTo(single.get(key));
            }
            assertThat(cell.get("break_even_cost_rate").isNull()).isTrue();
        }
        // the schedule changes the cells: without it the same grid ends elsewhere
        JsonNode plain = ok(CliRunner.on(args("sweep", List.of("--rules", "drift:0.02,monthly", "--cost-rates", "0,0.002"))));
        assertThat(plain.get("cells").get(0).get("final_value")).isNotEqualTo(cells.get(0).get("final_value"));
        assertThat(plain.get("off").has("flows")).isFalse();
    }

    @Test
    void aRobustSweepRunsEveryCellOnTheSchedule() throws Exception {
        CliRunner.Result r = CliRunner.on(args("sweep", Stream.concat(Stream.of("--rules", "monthly", "--cost-rates", "0",
                "--bootstrap", "10"), FLOWS.stream()).toList()));
        JsonNode sweep = ok(r);
        JsonNode cell = sweep.get("cells").get(0);
        assertThat(cell.has("p_beats_off")).isTrue();
        JsonNode single = ok(CliRunner.on(args("simulate", Stream.concat(Stream.of("--rule", "monthly", "--cost-rate",
                "0"), FLOWS.stream()).toList()))).get("on");
        assertThat(cell.get("contributed")).isEqualTo(single.get("contributed"));
        assertThat(cell.get("final_value")).isEqualTo(single.get("final_value"));
    }
}
