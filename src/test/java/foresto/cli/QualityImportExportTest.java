package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.csv.MarketCsvReader;
import foresto.db.Database;
import foresto.db.SampleData;
import foresto.db.TestDatabase;
import foresto.engine.MarketData;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** quality-report, import-returns and export-events end to end on a real PostgreSQL with the sample data. */
class QualityImportExportTest {
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

    static long count(String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM foresto." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void qualityReportPassesOnTheSampleDataAndFailsWhenACheckBreaks() throws Exception {
        CliRunner.Result r = CliRunner.run(env, "quality-report");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("P2_PERIODIC_MONTHLY_FTD_10BP", "P2_PERIODIC_QUARTERLY_FTD_10BP", "P2_DRIFT_5PCT_10BP")
                .containsPattern("PASS +OFF equals the recorded sample reference").contains("RESULT: PASS").doesNotContain("FAIL ");

        CliRunner.Result json = CliRunner.run(env, "quality-report", "--json");
        JsonNode j = Json.mapper().readTree(json.out());
        assertThat(j.get("passed").asBoolean()).isTrue();
        assertThat(j.get("rows")).hasSize(4);
        assertThat(j.get("rows").get(1).get("event_count").asInt()).isGreaterThan(250);

        // a reference that disagrees with the OFF path: the check fails and so does the command
        JsonNode reference = Json.mapper().readTree(QualityImportExportTest.class.getResourceAsStream(
                "/foresto/reference/sample_off_reference.json"));
        Path broken = dir.resolve("broken_reference.json");
        Files.writeString(broken, reference.toString().replace(reference.get("final_value").asText(), "3.35"));
        CliRunner.Result failed = CliRunner.run(env, "quality-report", "--reference", broken.toString());
        assertThat(failed.exitCode()).isEqualTo(QualityReportCommand.CHECK_FAILED);
        assertThat(failed.out()).containsPattern("FAIL +OFF equals the recorded sample reference").contains("RESULT: FAIL");

        // a reference for other data: the check did not run, and says so (never "passed")
        Path other = dir.resolve("other_reference.json");
        Files.writeString(other, reference.toString().replace(reference.get("dataset_fingerprint").asText(), "0".repeat(64)));
        CliRunner.Result skipped = CliRunner.run(env, "quality-report", "--reference", other.toString());
        assertThat(skipped.out()).containsPattern("SKIPPED +OFF equals the recorded sample reference").doesNotContain("PASS    OFF");

        CliRunner.Result flagOff = CliRunner.run(TestDatabase.envFor(db, false), "quality-report");
        assertThat(flagOff.exitCode()).isZero();
        assertThat(flagOff.out()).containsPattern("SKIPPED +ON cases \\(USE_REBALANCING is off").contains("1 skipped");
    }

    @Test
    void everyKindOfMalformedCsvLeavesTheDatabaseUnchanged() throws Exception {
        CliRunner.run(env, "db", "info"); // first start loads sample data
        CliRunner.run(env, "run", "--portfolio", "1"); // make sure the schema and sample exist
        long datasets = count("market_dataset");
        long returns = count("market_return");
        List<String> bad = List.of(
                "date,EQUITY,BOND\n2024-01-02,0.01,0.0\n2024-01-03,abc,0.0\n",
                "date,EQUITY,BOND\n2024-01-03,0.01,0.0\n2024-01-02,0.01,0.0\n",
                "date,EQUITY,BOND\n2024-01-02,0.01,0.0\n2024-01-02,0.01,0.0\n",
                "date,EQUITY,CRYPTO\n2024-01-02,0.01,0.0\n",
                "date,EQUITY,BOND\n2024-01-02,0.01\n",
                "date,EQUITY,BOND\n02/01/2024,0.01,0.0\n",
                "date,EQUITY,BOND\n2024-01-02,-1.2,0.0\n",
                "");
        int i = 0;
        for (String csv : bad) {
            Path f = dir.resolve("bad" + (i++) + ".csv");
            Files.writeString(f, csv);
            CliRunner.Result r = CliRunner.run(env, "import-returns", f.toString(), "--dataset", "bad " + i);
            assertThat(r.exitCode()).as(csv).isEqualTo(2);
            assertThat(r.err()).as(csv).contains("INVALID_CSV").contains(f.toString() + ":");
        }
        Path prices = dir.resolve("bad_prices.csv");
        Files.writeString(prices, "date,GOLD\n2024-01-02,100\n2024-01-03,0\n");
        CliRunner.Result p = CliRunner.run(env, "import-returns", prices.toString(), "--dataset", "bad prices", "--kind", "prices");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains(":3:2: a price must be from 1e-9 to 1e12");
        assertThat(count("market_dataset")).isEqualTo(datasets);
        assertThat(count("market_return")).isEqualTo(returns);
    }

    @Test
    void importRunExportRoundTrip() throws Exception {
        StringBuilder csv = new StringBuilder("date,SPX,TSY,CASH\n");
        LocalDate d = LocalDate.of(2023, 1, 3);
        for (int i = 0; i < 250; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            csv.append(d).append(',').append(i % 3 == 0 ? "0.011" : "-0.003").append(',').append(i % 2 == 0 ? "" : "0.001").append(",0.0001\n");
        }
        Path f = dir.resolve("roundtrip.csv");
        Files.writeString(f, csv.toString());
        CliRunner.Result imp = CliRunner.run(env, "import-returns", f.toString(), "--dataset", "round trip",
                "--columns", "SPX=EQUITY,TSY=BOND,CASH=SHORT_TERM");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("250 rows");
        CliRunner.Result again = CliRunner.run(env, "import-returns", f.toString(), "--dataset", "round trip",
                "--columns", "SPX=EQUITY,TSY=BOND,CASH=SHORT_TERM");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("DATASET_EXISTS").contains("--replace");

        CliRunner.Result run = CliRunner.run(env, "run", "--portfolio", "Balanced 60/30/10", "--dataset", "round trip",
                "--rule", "P2_PERIODIC_MONTHLY_FTD_10BP", "--missing", "zero", "--events");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = Json.mapper().readTree(run.out());
        int events = r.get("event_count").asInt();
        assertThat(events).isEqualTo(11);

        Path out = dir.resolve("events.csv");
        CliRunner.Result exp = CliRunner.run(env, "export-events", "--run-id", r.get("run_id").asText(), "--out", out.toString());
        assertThat(exp.exitCode()).as(exp.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(events + 1);
        assertThat(lines.get(0)).isEqualTo("event_date,trigger_type,trigger_detail,band_kind,breached_asset_class,turnover,cost_rate,cost_amount,"
                + "value_before,value_after,before_weights,after_weights,"
                + "weight_before_EQUITY,weight_before_BOND,weight_before_SHORT_TERM,weight_before_GOLD,weight_before_OTHER,"
                + "weight_after_EQUITY,weight_after_BOND,weight_after_SHORT_TERM,weight_after_GOLD,weight_after_OTHER");
        assertThat(lines.get(1)).startsWith(r.get("events").get(0).get("event_date").asText() + ",PERIODIC,");
        assertThat(lines.get(1)).contains(r.get("events").get(0).get("value_after").asText());

        // the file is created like any other new file (the umask decides its mode), not 0600
        Path control = Files.createFile(dir.resolve("control.txt"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(control));

        // a full disk is our side's failure (exit 1), not bad input; the device stays a device
        CliRunner.Result full = CliRunner.run(env, "export-events", "--run-id", r.get("run_id").asText(), "--out", "/dev/full");
        assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
        assertThat(full.err()).contains("WRITE_FAILED").contains("No space left on device");
        assertThat(Path.of("/dev/full")).satisfies(p -> assertThat(Files.isRegularFile(p)).isFalse());

        CliRunner.Result missing = CliRunner.run(env, "export-events", "--run-id", "987654", "--out", dir.resolve("x.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("RUN_NOT_FOUND");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void theSampleDatasetExportsToAReturnsFileThatSimulateReadsBackExactly() throws Exception {
        CliRunner.run(env, "db", "info"); // first start loads the sample data
        Path out = dir.resolve("sample_returns.csv");
        CliRunner.Result exp = CliRunner.run(env, "export-returns", "--out", out.toString());
        assertThat(exp.exitCode()).as(exp.err()).isZero();
        assertThat(exp.out()).contains("SYNTHETIC").contains("EQUITY");
        MarketData back = new MarketCsvReader(Map.of(), MarketCsvReader.Kind.RETURNS).read(out);
        assertThat(back.fingerprint()).isEqualTo(SampleData.syntheticMarket().fingerprint());
        // the same backtest on the file (simulate) and on the stored dataset (run) gives the same numbers
        JsonNode sim = Json.mapper().readTree(CliRunner.run(env, "simulate", "--returns", out.toString(), "--weights",
                "EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1", "--rule", "quarterly", "--start", "2010-01-04", "--end", "2014-12-31").out());
        JsonNode run = Json.mapper().readTree(CliRunner.run(env, "run", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_PERIODIC_QUARTERLY_FTD_10BP", "--start", "2010-01-04", "--end", "2014-12-31").out());
        assertThat(sim.get("on").get("final_value").asDouble()).isEqualTo(run.get("on").get("final_value").asDouble());
        assertThat(sim.get("off").get("final_value").asDouble()).isEqualTo(run.get("off").get("final_value").asDouble());
        CliRunner.Result missing = CliRunner.run(env, "export-returns", "--dataset", "no such", "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("DATASET_NOT_FOUND");
    }
}
