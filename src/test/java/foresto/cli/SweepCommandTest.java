package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.SweepSpec;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sweep on a 10-day calendar worked out by hand: 50/50 equity/bond; equity +10 % on 4 Jan, −10 % on 9 Jan.
 * With θ ≤ 0.02 the rule trades twice (drift 1/21 … after the rise is 0.0238, after the fall 0.0263);
 * with θ = 0.03 never. Trade 1 has turnover 1/21, trade 2 1/19; ON ends at 0.9975·(1 − c/21)(1 − c/19),
 * OFF at 0.995.
 */
class SweepCommandTest {
    @TempDir
    static Path dir;
    static Path returns;

    @BeforeAll
    static void write() throws Exception {
        StringBuilder csv = new StringBuilder("date,EQUITY,BOND\n");
        String[] days = {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10",
                "2024-01-11", "2024-01-12", "2024-01-15"};
        for (String d : days) {
            csv.append(d).append(',').append(d.equals("2024-01-04") ? "0.1" : d.equals("2024-01-09") ? "-0.1" : "0").append(",0\n");
        }
        returns = dir.resolve("ten_days.csv");
        Files.writeString(returns, csv.toString(), StandardCharsets.UTF_8);
    }

    static CliRunner.Result sweep(String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--returns", returns.toString(), "--weights", "EQUITY=0.5,BOND=0.5"));
        args.addAll(List.of(extra));
        return CliRunner.on(args.toArray(String[]::new));
    }

    @Test
    void aThreeByTwoGridMatchesTheHandComputationAndEverySingleRun() throws Exception {
        CliRunner.Result r = sweep("--rules", "drift:0.01..0.03/0.01", "--cost-rates", "0,0.001", "--csv", dir.resolve("grid.csv").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("off").get("final_value").asDouble()).isCloseTo(0.995, within(1e-15));
        JsonNode cells = j.get("cells");
        assertThat(cells).hasSize(6);
        String[] rules = {"drift:0.01", "drift:0.01", "drift:0.02", "drift:0.02", "drift:0.03", "drift:0.03"};
        double[] costs = {0, 0.001, 0, 0.001, 0, 0.001};
        for (int i = 0; i < 6; i++) {
            JsonNode cell = cells.get(i);
            assertThat(cell.get("rule").asText()).isEqualTo(rules[i]);
            assertThat(cell.get("cost_rate").asDouble()).isEqualTo(costs[i]);
            assertThat(cell.get("check").asText()).isEqualTo("daily");
            boolean trades = i < 4;
            assertThat(cell.get("event_count").asInt()).isEqualTo(trades ? 2 : 0);
            double c = costs[i];
            double expected = trades ? 0.9975 * (1 - c / 21) * (1 - c / 19) : 0.995;
            assertThat(cell.get("final_value").asDouble()).isCloseTo(expected, within(1e-14));
            assertThat(cell.get("total_turnover").asDouble()).isCloseTo(trades ? 1.0 / 21 + 1.0 / 19 : 0, within(1e-14));
            assertThat(cell.get("cost_drag").asDouble()).isCloseTo(trades ? 0.9975 - expected : 0, within(1e-14));
            // the same numbers as a single simulate run of that rule and cost
            JsonNode single = Json.mapper().readTree(CliRunner.on("simulate", "--returns", returns.toString(), "--weights",
                    "EQUITY=0.5,BOND=0.5", "--rule", rules[i], "--cost-rate", Double.toString(c)).out()).get("on");
            for (String k : List.of("final_value", "total_return", "cagr", "volatility", "max_drawdown", "event_count",
                    "total_turnover", "total_cost")) {
                assertThat(cell.get(k).asDouble()).as(rules[i] + " " + c + " " + k).isEqualTo(single.get(k).asDouble());
            }
        }
        // break-even: 0.9975 (1 − c/21)(1 − c/19) = 0.995  ⇔  c² − 40c + 399 (1 − 0.995/0.9975) = 0
        double k = 0.995 / 0.9975;
        double byHand = (40 - Math.sqrt(1600 - 4 * 399 * (1 - k))) / 2;
        assertThat(cells.get(0).get("break_even_cost_rate").asDouble()).isCloseTo(byHand, within(1e-10));
        assertThat(cells.get(4).get("break_even_cost_rate").isNull()).as("never beats OFF").isTrue();
        // the CSV has the same grid through the shared writer
        List<String> lines = Files.readAllLines(dir.resolve("grid.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFrule,cost_rate,check,rebalance_to,final_value");
        assertThat(lines).hasSize(7);
    }

    /** The grid says which periods per year annualise its volatility and tracking error: the ten days are daily. */
    @Test
    void theGridSaysItsPeriodsPerYear() throws Exception {
        CliRunner.Result r = sweep("--rules", "drift:0.01", "--cost-rates", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(j.get("frequency").asText()).isEqualTo("daily");
    }

    @Test
    void theBreakEvenRateSeparatesBeatingFromLosingInFullSimulations() throws Exception {
        JsonNode grid = Json.mapper().readTree(sweep("--rules", "drift:0.02", "--cost-rates", "0").out());
        assertThat(grid.get("cells").get(0).get("break_even_cost_rate").isNumber()).isTrue();
        double be = grid.get("cells").get(0).get("break_even_cost_rate").asDouble();
        double off = grid.get("off").get("final_value").asDouble();
        for (double delta : new double[] {-1e-6, 1e-6}) {
            JsonNode at = Json.mapper().readTree(CliRunner.on("simulate", "--returns", returns.toString(), "--weights",
                    "EQUITY=0.5,BOND=0.5", "--rule", "drift:0.02", "--cost-rate", Double.toString(be + delta)).out()).get("on");
            if (delta < 0) {
                assertThat(at.get("final_value").asDouble()).isGreaterThan(off);
            } else {
                assertThat(at.get("final_value").asDouble()).isLessThan(off);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"drift:0.05..0.01/0.01", "drift:0.01..0.05/0", "drift:0.01..x/0.01", "drift:0.01..0.05",
            "monthly..annual", "drift-hybrid:0.01..0.05/0.01", "drift:0.01..0.05/-0.01", "weekly"})
    void aBadRuleOrRangeIsAnInputErrorQuotingIt(String bad) {
        CliRunner.Result r = sweep("--rules", "monthly," + bad, "--cost-rates", "0");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(bad);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badCostRatesAndTheFlagAreChecked() {
        CliRunner.Result cost = sweep("--rules", "monthly", "--cost-rates", "0..0.01/x");
        assertThat(cost.exitCode()).isEqualTo(2);
        assertThat(cost.err()).contains("0..0.01/x");
        CliRunner.Result tooCostly = sweep("--rules", "monthly", "--cost-rates", "0.5");
        assertThat(tooCostly.exitCode()).isEqualTo(2);
        CliRunner.Result off = CliRunner.run(Map.of(), "sweep", "--returns", returns.toString(), "--weights", "EQUITY=0.5,BOND=0.5",
                "--rules", "monthly", "--cost-rates", "0");
        assertThat(off.exitCode()).isEqualTo(2);
        assertThat(off.err()).contains("REBALANCING_DISABLED");
    }

    @Test
    void theHeatmapRendersToPngWithoutADisplay() throws Exception {
        Path out = dir.resolve("png");
        CliRunner.Result r = sweep("--rules", "drift:0.01..0.03/0.01,monthly", "--cost-rates", "0,0.001,0.002", "--png", out.toString(),
                "--metric", "tracking_error");
        assertThat(r.exitCode()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(out.resolve("heatmap.png").toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).isGreaterThanOrEqualTo(900);
        // the grid is drawn: the middle of the first cell is not the white background
        int x = (int) (170 + (1400 - 170 - 20) / 6.0);
        int y = (int) (46 + (img.getHeight() - 46 - 44) / 8.0);
        assertThat(img.getRGB(x, y) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
        CliRunner.Result bad = sweep("--rules", "monthly", "--cost-rates", "0", "--metric", "beauty");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("beauty");
    }

    @Test
    void rangesExpandInExactDecimalSteps() {
        assertThat(SweepSpec.rules("drift:0.01..0.10/0.01")).hasSize(10).startsWith("drift:0.01", "drift:0.02")
                .endsWith("drift:0.09", "drift:0.1");
        assertThat(SweepSpec.rules("drift-hybrid:0.01..0.03/0.01/0.25,annual"))
                .containsExactly("drift-hybrid:0.01/0.25", "drift-hybrid:0.02/0.25", "drift-hybrid:0.03/0.25", "annual");
        assertThat(SweepSpec.costRates("0..0.003/0.001,0.01")).containsExactly(0.0, 0.001, 0.002, 0.003, 0.01);
    }
}
