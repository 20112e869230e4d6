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
import java.time.LocalDate;
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

    // --- the robust sweep (SEMANTICS §12.4): sweep … --bootstrap J [--block b] [--seed s] ---

    private static final List<String> PLAIN_TOP = List.of("periods_per_year", "frequency", "purchase_date",
            "first_return_date", "last_date", "off", "cells");
    private static final List<String> PLAIN_CELL = List.of("rule", "cost_rate", "check", "rebalance_to", "final_value",
            "total_return", "cagr", "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost",
            "turnover_per_year", "tracking_error", "cost_drag", "break_even_cost_rate");
    private static final List<String> ROBUST = List.of("p_beats_off", "p_beats_off_se", "cagr_diff_p5",
            "cagr_diff_median", "cagr_diff_p95");

    private static Path swinging() throws Exception {
        Path d = dir.resolve("swinging");
        Files.createDirectories(d);
        return SwingingReturns.write(d, LocalDate.of(2022, 1, 3), LocalDate.of(2023, 6, 30));
    }

    private static List<String> swingingArgs(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("--returns", file.toString(), "--columns", SwingingReturns.COLUMNS,
                "--weights", SwingingReturns.WEIGHTS));
        args.addAll(List.of(extra));
        return args;
    }

    private static List<String> keys(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Each cell's five figures are, bit for bit, those of {@code robustness bootstrap} of the cell's rule and cost
     * against OFF with the same J, b and seed, run separately; everything else is the plain sweep's, byte for byte.
     */
    @Test
    void aRobustSweepCellIsTheBootstrapStudyOfItsRuleAgainstOff() throws Exception {
        Path file = swinging();
        Path csvOut = dir.resolve("robust.csv");
        List<String> a = new ArrayList<>(List.of("sweep"));
        a.addAll(swingingArgs(file, "--rules", "monthly,drift:0.02", "--cost-rates", "0,0.004", "--bootstrap", "40",
                "--block", "4", "--seed", "18446744073709551615", "--csv", csvOut.toString()));
        CliRunner.Result r = CliRunner.on(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(keys(j)).containsExactly("periods_per_year", "frequency", "purchase_date", "first_return_date",
                "last_date", "paths", "block", "seed", "off", "cells");
        assertThat(j.get("paths").asInt()).isEqualTo(40);
        assertThat(j.get("block").asDouble()).isEqualTo(4.0);
        assertThat(j.get("seed").asText()).isEqualTo("18446744073709551615");
        assertThat(j.get("periods_per_year").asInt()).isEqualTo(252);
        List<String> cellKeys = new ArrayList<>(PLAIN_CELL);
        cellKeys.addAll(ROBUST);
        JsonNode cells = j.get("cells");
        assertThat(cells).hasSize(4);
        List<String> rules = List.of("monthly", "monthly", "drift:0.02", "drift:0.02");
        List<String> costs = List.of("0", "0.004", "0", "0.004");
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode cell = cells.get(i);
            assertThat(keys(cell)).containsExactlyInAnyOrderElementsOf(cellKeys); // the mapper sorts a cell's keys
            List<String> b = new ArrayList<>(List.of("robustness", "bootstrap"));
            b.addAll(swingingArgs(file, "--rule", rules.get(i), "--cost-rate", costs.get(i), "--paths", "40", "--block",
                    "4", "--seed", "18446744073709551615"));
            CliRunner.Result study = CliRunner.on(b.toArray(String[]::new));
            assertThat(study.exitCode()).as(study.err()).isZero();
            JsonNode s = Json.mapper().readTree(study.out());
            String what = rules.get(i) + " at " + costs.get(i);
            assertThat(cell.get("p_beats_off").asDouble()).as(what).isEqualTo(s.get("p_beats").asDouble());
            assertThat(cell.get("p_beats_off_se").asDouble()).as(what).isEqualTo(s.get("p_beats_se").asDouble());
            assertThat(cell.get("cagr_diff_p5").asDouble()).as(what).isEqualTo(s.get("cagr_diff").get("p5").asDouble());
            assertThat(cell.get("cagr_diff_median").asDouble()).as(what).isEqualTo(s.get("cagr_diff").get("median").asDouble());
            assertThat(cell.get("cagr_diff_p95").asDouble()).as(what).isEqualTo(s.get("cagr_diff").get("p95").asDouble());
            medians.add(cell.get("cagr_diff_median").asDouble());
        }
        assertThat(medians).as("the cells are not all alike").doesNotHaveDuplicates();
        // the plain part is the plain sweep's, byte for byte
        List<String> p = new ArrayList<>(List.of("sweep"));
        p.addAll(swingingArgs(file, "--rules", "monthly,drift:0.02", "--cost-rates", "0,0.004"));
        JsonNode plain = Json.mapper().readTree(CliRunner.on(p.toArray(String[]::new)).out());
        assertThat(Json.write(j.get("off"))).isEqualTo(Json.write(plain.get("off")));
        for (int i = 0; i < 4; i++) {
            for (String k : PLAIN_CELL) {
                assertThat(Json.write(cells.get(i).get(k))).as(k).isEqualTo(Json.write(plain.get("cells").get(i).get(k)));
            }
        }
        // the CSV rows gain the same five columns, with the JSON's numbers
        List<String> lines = Files.readAllLines(csvOut, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", cellKeys));
        assertThat(lines.get(1)).endsWith("," + cells.get(0).get("p_beats_off").asDouble() + ","
                + cells.get(0).get("p_beats_off_se").asDouble() + "," + cells.get(0).get("cagr_diff_p5").asDouble() + ","
                + cells.get(0).get("cagr_diff_median").asDouble() + "," + cells.get(0).get("cagr_diff_p95").asDouble());
    }

    @Test
    void withoutBootstrapTheGridHasExactlyThePlainKeys() throws Exception {
        Path csvOut = dir.resolve("plain.csv");
        CliRunner.Result r = sweep("--rules", "drift:0.01", "--cost-rates", "0", "--csv", csvOut.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(keys(j)).containsExactlyElementsOf(PLAIN_TOP);
        assertThat(keys(j.get("cells").get(0))).containsExactlyInAnyOrderElementsOf(PLAIN_CELL);
        assertThat(Files.readAllLines(csvOut, StandardCharsets.UTF_8).get(0)).isEqualTo("\uFEFF" + String.join(",", PLAIN_CELL));
    }

    @Test
    void theDefaultsAreTheStudysDefaults() throws Exception {
        CliRunner.Result r = sweep("--rules", "drift:0.01", "--cost-rates", "0", "--bootstrap", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("block").asDouble()).isEqualTo(21.0); // max(1, round(252 / 12)) on daily data
        assertThat(j.get("seed").asText()).isEqualTo("1");
        assertThat(j.get("paths").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bootstrap 0", "--bootstrap 100001", "--bootstrap -5", "--bootstrap 10 --block 0.5",
            "--bootstrap 10 --block 0", "--block 5", "--seed 3", "--bootstrap 10 --seed x", "--metric p_beats_off"})
    void badRobustInputIsACodedErrorAndWritesNothing(String bad) throws Exception {
        Path csvOut = dir.resolve("never-" + Math.abs(bad.hashCode()) + ".csv");
        List<String> a = new ArrayList<>(List.of("--rules", "drift:0.01,drift:0.02", "--cost-rates", "0", "--csv",
                csvOut.toString()));
        a.addAll(List.of(bad.split(" ")));
        CliRunner.Result r = sweep(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("INVALID_REQUEST");
        assertThat(r.out()).isEmpty();
        assertThat(csvOut).doesNotExist();
    }

    /** 101 cells × 100,000 paths is more than the 10,000,000 path-cells a robust sweep may run. */
    @Test
    void tooManyCellsTimesPathsIsACodedError() {
        CliRunner.Result r = sweep("--rules", "drift:0.001..0.101/0.001", "--cost-rates", "0", "--bootstrap", "100000");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("INVALID_REQUEST").contains("101 × 100000");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theHeatmapCanBeColouredByPBeatsOffOfARobustSweep() throws Exception {
        Path out = dir.resolve("png-robust");
        CliRunner.Result r = sweep("--rules", "drift:0.01..0.03/0.01", "--cost-rates", "0,0.002", "--bootstrap", "5",
                "--png", out.toString(), "--metric", "p_beats_off");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ImageIO.read(out.resolve("heatmap.png").toFile()).getWidth()).isEqualTo(1400);
    }
}
