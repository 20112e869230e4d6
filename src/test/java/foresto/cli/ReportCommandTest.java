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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
