package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code foresto study vanguard-2010}: the JSON's keys and units, the CSV, the table, the PNG and the flag. */
class StudyCommandTest {
    private static final List<String> COLUMNS = List.of("M 0%", "M 1%", "M 5%", "M 10%", "Q 1%", "Q 5%", "Q 10%",
            "A 1%", "A 5%", "A 10%", "Never");
    private static final List<String> FIGURES = List.of("avg_equity", "cagr", "events", "volatility");

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }

    @Test
    void theJsonHasExactlyTheIssuesKeysWithFiguresAsFractionsAndBaseDayLastByDefault() throws Exception {
        CliRunner.Result r = CliRunner.on("study", "vanguard-2010", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(keys(j)).containsExactlyInAnyOrder("base_day", "cells", "within_count", "total");
        assertThat(j.get("base_day").asText()).isEqualTo("last");
        assertThat(j.get("total").asInt()).isEqualTo(44);
        assertThat(j.get("within_count").asInt()).isEqualTo(44);
        JsonNode cells = j.get("cells");
        assertThat(cells).hasSize(11);
        for (int i = 0; i < cells.size(); i++) {
            JsonNode c = cells.get(i);
            assertThat(c.get("column").asText()).isEqualTo(COLUMNS.get(i));
            assertThat(keys(c)).containsExactlyInAnyOrder("column", "avg_equity", "events", "cagr", "volatility",
                    "published", "within");
            assertThat(keys(c.get("published"))).containsExactlyInAnyOrderElementsOf(FIGURES);
            assertThat(keys(c.get("within"))).containsExactlyInAnyOrderElementsOf(FIGURES);
            for (String f : FIGURES) {
                assertThat(c.get("within").get(f).isBoolean()).isTrue();
            }
            assertThat(c.get("events").isIntegralNumber()).isTrue();
            assertThat(c.get("published").get("events").isIntegralNumber()).isTrue();
            // fractions, like every other JSON answer: 60/40 lands between 0.5 and 0.9, returns and volatility below 0.2
            assertThat(c.get("avg_equity").asDouble()).isBetween(0.5, 0.9);
            assertThat(c.get("cagr").asDouble()).isBetween(0.05, 0.12);
            assertThat(c.get("volatility").asDouble()).isBetween(0.08, 0.2);
        }
        assertThat(cells.get(0).get("published").get("avg_equity").asDouble()).isCloseTo(0.601, within(1e-12));
        assertThat(cells.get(0).get("published").get("events").asInt()).isEqualTo(1008);
        assertThat(cells.get(0).get("events").asInt()).as("no month end after the dataset's last").isEqualTo(1007);
        assertThat(cells.get(10).get("events").asInt()).isZero();
        assertThat(cells.get(10).get("published").get("cagr").asDouble()).isCloseTo(0.091, within(1e-12));
    }

    @Test
    void theFirstBaseDayTradesEveryMonthAndMissesOneTolerance() throws Exception {
        CliRunner.Result r = CliRunner.on("study", "vanguard-2010", "--base-day", "first", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("base_day").asText()).isEqualTo("first");
        assertThat(j.get("within_count").asInt()).isEqualTo(43);
        assertThat(j.get("cells").get(0).get("events").asInt()).isEqualTo(1008);
    }

    @Test
    void theDefaultOutputIsAReadableTableWithTheCountAndTheNote() {
        CliRunner.Result r = CliRunner.on("study", "vanguard-2010");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).contains("Vanguard 2010").contains("base day LAST");
        for (String c : COLUMNS) {
            assertThat(lines[1]).contains(c);
        }
        assertThat(r.out()).contains("Average equity weight, ours").contains("published").contains("within tolerance")
                .contains("44 of 44 within tolerance").contains("Exact equality is impossible")
                .contains("10-year US Treasury").doesNotContain("OUTSIDE");
        // the published figures as printed in the paper
        assertThat(r.out()).contains("84.1 %").contains("1008").contains("14.4 %");
        CliRunner.Result first = CliRunner.on("study", "vanguard-2010", "--base-day", "first");
        assertThat(first.out()).contains("43 of 44 within tolerance").contains("OUTSIDE");
    }

    @Test
    void theCsvHasOneRowPerColumnWithTheJsonsNumbers() throws Exception {
        Path csv = dir.resolve("study.csv");
        CliRunner.Result r = CliRunner.on("study", "vanguard-2010", "--json", "--csv", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode cells = Json.mapper().readTree(r.out()).get("cells");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFcolumn,avg_equity,events,cagr,volatility,published_avg_equity,"
                + "published_events,published_cagr,published_volatility,within_avg_equity,within_events,within_cagr,"
                + "within_volatility,base_day");
        assertThat(lines).hasSize(12);
        for (int i = 0; i < 11; i++) {
            String[] c = lines.get(i + 1).split(",");
            JsonNode cell = cells.get(i);
            assertThat(c[0]).isEqualTo(COLUMNS.get(i));
            assertThat(Double.parseDouble(c[1])).isEqualTo(cell.get("avg_equity").asDouble());
            assertThat(Integer.parseInt(c[2])).isEqualTo(cell.get("events").asInt());
            assertThat(Double.parseDouble(c[3])).isEqualTo(cell.get("cagr").asDouble());
            assertThat(Double.parseDouble(c[4])).isEqualTo(cell.get("volatility").asDouble());
            assertThat(Double.parseDouble(c[5])).isEqualTo(cell.get("published").get("avg_equity").asDouble());
            assertThat(c[9]).isEqualTo("true");
            assertThat(c[13]).isEqualTo("last");
        }
    }

    @Test
    void theEquityWeightChartRendersToPngWithoutADisplay() throws Exception {
        Path out = dir.resolve("png");
        CliRunner.Result r = CliRunner.on("study", "vanguard-2010", "--json", "--png", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(out.resolve("vanguard-2010-equity-weight.png").toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(600);
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int red = rgb >> 16 & 0xFF;
                int green = rgb >> 8 & 0xFF;
                int blue = rgb & 0xFF;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 60) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("the lines are drawn in colour").isGreaterThan(500);
    }

    @Test
    void theFlagAndTheBaseDayAreChecked() {
        CliRunner.Result off = CliRunner.off("study", "vanguard-2010");
        assertThat(off.exitCode()).isEqualTo(2);
        assertThat(off.err()).contains("REBALANCING_DISABLED");
        CliRunner.Result bad = CliRunner.on("study", "vanguard-2010", "--base-day", "middle");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("middle");
        CliRunner.Result unknown = CliRunner.on("study", "vanguard-2011");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }
}
