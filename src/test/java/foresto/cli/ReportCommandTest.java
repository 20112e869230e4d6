package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The headless report: PNG charts, the events CSV and the summary JSON, with no display. */
class ReportCommandTest {
    static Database db;
    static Map<String, String> env;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshEmpty();
        env = TestDatabase.envFor(db, true);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void writesChartsCsvAndSummary() throws Exception {
        Path out = dir.resolve("report");
        CliRunner.Result r = CliRunner.run(env, "report", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2010-01-04", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        int events = summary.get("event_count").asInt();
        assertThat(events).isPositive();
        assertThat(Files.readAllLines(out.resolve("events.csv"))).hasSize(events + 1);
        for (String png : new String[] {"value.png", "drift.png", "drawdown.png", "annual.png"}) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertThat(img.getWidth()).isBetween(1150, 1250);
            assertThat(img.getHeight()).isGreaterThan(300);
            assertThat(distinctColours(img)).as(png + " is not blank").isGreaterThan(20);
            Files.createDirectories(Path.of("target/screenshots"));
            Files.copy(out.resolve(png), Path.of("target/screenshots/report-" + png), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(r.out()).contains("wrote value.png, drift.png, drawdown.png, annual.png, events.csv (" + events + " events)");
        // Sharpe and Sortino per side (risk-free 0), and calendar-year returns that compound to each total return
        assertThat(summary.get("risk_free_rate").asDouble()).isZero();
        assertThat(summary.get("periods_per_year").asInt()).isEqualTo(252); // the sample data is daily
        assertThat(summary.get("frequency").asText()).isEqualTo("daily");
        assertThat(summary.has("periods_per_year_stored")).isFalse();
        assertThat(summary.get("on").get("sharpe").isNumber()).isTrue();
        assertThat(summary.get("off").get("sortino").isNumber()).isTrue();
        JsonNode years = summary.get("annual_returns");
        assertThat(years).hasSizeGreaterThan(10);
        assertThat(years.get(0).get("year").asInt()).isEqualTo(2010);
        double on = 1;
        double off = 1;
        for (JsonNode y : years) {
            on *= 1 + y.get("on").asDouble();
            off *= 1 + y.get("off").asDouble();
        }
        assertThat(on - 1).isCloseTo(summary.get("on").get("total_return").asDouble(), Assertions.within(1e-12));
        assertThat(off - 1).isCloseTo(summary.get("off").get("total_return").asDouble(), Assertions.within(1e-12));

        // with a risk-free rate the same run's ratios fall (the mean excess return drops, its spread does not change)
        Path withRate = dir.resolve("report-rf");
        CliRunner.Result rr = CliRunner.run(env, "report", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2010-01-04", "--risk-free", "0.03", "--out", withRate.toString());
        assertThat(rr.exitCode()).as(rr.err()).isZero();
        JsonNode s3 = Json.mapper().readTree(withRate.resolve("summary.json").toFile());
        assertThat(s3.get("risk_free_rate").asDouble()).isEqualTo(0.03);
        assertThat(s3.get("on").get("sharpe").asDouble()).isLessThan(summary.get("on").get("sharpe").asDouble());
        assertThat(s3.get("off").get("sortino").asDouble()).isLessThan(summary.get("off").get("sortino").asDouble());
        CliRunner.Result badRate = CliRunner.run(env, "report", "--portfolio", "1", "--risk-free", "3",
                "--out", dir.resolve("y").toString());
        assertThat(badRate.exitCode()).isEqualTo(2);
        assertThat(badRate.err()).contains("INVALID_REQUEST").contains("--risk-free");
        assertThat(dir.resolve("y")).doesNotExist();

        CliRunner.Result disabled = CliRunner.run(TestDatabase.envFor(db, false), "report", "--portfolio", "1", "--rule", "1",
                "--out", dir.resolve("x").toString());
        assertThat(disabled.exitCode()).isEqualTo(2);
        assertThat(disabled.err()).contains("REBALANCING_DISABLED");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aRunWithoutFlowsWritesExactlyWhatItAlwaysWrote() throws Exception {
        Path out = dir.resolve("report-no-flows");
        CliRunner.Result r = CliRunner.run(env, "report", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2011-01-03", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        // the line, the files and the summary's keys as the report wrote them before runs could carry flows
        assertThat(r.out()).isEqualTo("run #" + summary.get("run_id").asLong() + " (new): wrote value.png, drift.png, "
                + "drawdown.png, annual.png, events.csv (" + summary.get("event_count").asInt() + " events), "
                + "summary.json to " + out + System.lineSeparator());
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("value.png", "drift.png",
                    "drawdown.png", "annual.png", "events.csv", "summary.json");
        }
        assertThat(fieldNames(summary)).containsExactly("run_id", "request_hash", "reused", "periods_per_year",
                "frequency", "purchase_date", "first_return_date", "last_date", "request", "off", "on", "event_count",
                "risk_free_rate", "annual_returns");
        for (String side : new String[] {"off", "on"}) {
            assertThat(fieldNames(summary.get(side))).containsExactly("final_value", "total_return", "cagr",
                    "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost", "sharpe", "sortino");
        }
    }

    @Test
    void aRunWithQuarterlyContributionsWritesEachSidesStoredFlowsAndTheirTotals() throws Exception {
        Path out = dir.resolve("report-flows");
        CliRunner.Result r = CliRunner.run(env, "report", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2010-01-04", "--end", "2012-12-31", "--contribution", "1000",
                "--flow-frequency", "quarterly", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        // a flow on the first trading day of each quarter after the purchase close 2010-01-04: April 2010 to
        // October 2012, 3 + 4 + 4 quarters
        int quarters = 11;
        for (String side : new String[] {"off", "on"}) {
            JsonNode s = summary.get(side);
            assertThat(s.get("contributed").asDouble()).isEqualTo(quarters * 1000.0);
            assertThat(s.get("withdrawn").asDouble()).isZero();
            assertThat(s.get("net_flow").asDouble()).isEqualTo(quarters * 1000.0);
            assertThat(s.get("depleted_on").isNull()).isTrue();
            assertThat(s.get("twr_total").isNumber()).isTrue();
            assertThat(s.get("twr_cagr").isNumber()).isTrue();
            assertThat(s.get("mwr").isNumber()).isTrue();
            JsonNode flows = s.get("flows");
            assertThat(flows).hasSize(quarters);
            Set<String> seen = new HashSet<>();
            for (JsonNode f : flows) {
                LocalDate d = LocalDate.parse(f.get("date").asText());
                assertThat(d.getMonthValue() % 3).as(d.toString()).isEqualTo(1);
                assertThat(d.getDayOfMonth()).as(d.toString()).isLessThanOrEqualTo(7);
                assertThat(f.get("amount").asDouble()).isEqualTo(1000.0);
                seen.add(d.getYear() + "-" + d.getMonthValue());
            }
            assertThat(seen).hasSize(quarters).doesNotContain("2010-1");
        }
        // the flows CSV: a header, then OFF's flows and ON's, each with what it bought of each class
        List<String> csv = Files.readAllLines(out.resolve("flows.csv"));
        assertThat(csv).hasSize(1 + 2 * quarters);
        assertThat(csv.get(0).replace("\uFEFF", "")).startsWith("side,date,amount,");
        assertThat(csv.subList(1, 1 + quarters)).allSatisfy(l -> assertThat(l).startsWith("off,").contains(",1000,"));
        assertThat(csv.subList(1 + quarters, csv.size())).allSatisfy(l -> assertThat(l).startsWith("on,").contains(",1000,"));
        assertThat(r.out()).contains("events.csv (" + summary.get("event_count").asInt() + " events), flows.csv ("
                + 2 * quarters + " flows), summary.json");

        // the same request again is the same stored run, and `run` reads the same flow keys from it
        Path again = dir.resolve("report-flows-again");
        CliRunner.Result second = CliRunner.run(env, "report", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2010-01-04", "--end", "2012-12-31", "--contribution", "1000",
                "--flow-frequency", "quarterly", "--out", again.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("run #" + summary.get("run_id").asLong() + " (reused)");
        assertThat(Files.readAllLines(again.resolve("flows.csv"))).isEqualTo(csv);
        CliRunner.Result run = CliRunner.run(env, "run", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_DRIFT_5PCT_10BP", "--start", "2010-01-04", "--end", "2012-12-31", "--contribution", "1000",
                "--flow-frequency", "quarterly");
        JsonNode stored = Json.mapper().readTree(run.out());
        for (String side : new String[] {"off", "on"}) {
            for (String key : new String[] {"contributed", "withdrawn", "net_flow", "depleted_on", "twr_total",
                    "twr_cagr", "mwr", "flows"}) {
                assertThat(summary.get(side).get(key)).as(side + "." + key).isEqualTo(stored.get(side).get(key));
            }
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
