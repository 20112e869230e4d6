package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} with a flow schedule on a real PostgreSQL: flows stored with the run, read back, bad input stores nothing. */
class RunCashFlowsTest {
    static Database db;
    static Map<String, String> on;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshEmpty();
        on = TestDatabase.envFor(db, true);
        // the first start migrates, seeds and loads the sample data
        assertThat(CliRunner.run(on, "db", "migrate").exitCode()).isZero();
        assertThat(CliRunner.run(on, "db", "seed").exitCode()).isZero();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static String[] run(String... more) {
        return Stream.concat(Stream.of("run", "--portfolio", "Balanced 60/30/10", "--start", "2010-01-04", "--end",
                "2011-12-30", "--initial-value", "10000"), Stream.of(more)).toArray(String[]::new);
    }

    static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    static long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.urlOf(db), TestDatabase.server().user(),
                TestDatabase.server().password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM foresto." + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRunWithContributionsIsStoredWithItsFlowsAndReusedWithThem() throws Exception {
        JsonNode a = ok(CliRunner.run(on, run("--rule-spec", "drift:0.05", "--contribution", "100", "--flow-frequency",
                "quarterly")));
        assertThat(a.get("reused").asBoolean()).isFalse();
        for (String side : List.of("off", "on")) {
            JsonNode s = a.get(side);
            List<String> dates = new ArrayList<>();
            s.get("flows").forEach(f -> {
                dates.add(f.get("date").asText());
                assertThat(f.get("amount").asDouble()).isEqualTo(100.0);
            });
            // the first trading day of each quarter after the purchase close, 2010-04 … 2011-10 (the synthetic
            // sample's calendar: weekdays)
            assertThat(dates).hasSize(7).first().asString().startsWith("2010-04-0");
            assertThat(s.get("contributed").asDouble()).isEqualTo(700.0);
            assertThat(s.get("withdrawn").asDouble()).isEqualTo(0.0);
            assertThat(s.get("net_flow").asDouble()).isEqualTo(700.0);
            assertThat(s.get("depleted_on").isNull()).isTrue();
            assertThat(s.get("twr_total").asDouble()).isEqualTo(s.get("total_return").asDouble());
            assertThat(s.get("mwr").isNumber()).isTrue();
        }
        long runId = a.get("run_id").asLong();
        assertThat(count("run_cash_flow WHERE simulation_run_id = " + runId)).isEqualTo(14);

        // the same request again: the stored run, with the flows read back from the table, key for key
        JsonNode b = ok(CliRunner.run(on, run("--rule-spec", "drift:0.05", "--contribution", "100", "--flow-frequency",
                "quarterly", "--flow-allocation", "toward-target")));
        assertThat(b.get("reused").asBoolean()).isTrue();
        assertThat(b.get("run_id").asLong()).isEqualTo(runId);
        assertThat(b.get("off")).isEqualTo(a.get("off"));
        assertThat(b.get("on")).isEqualTo(a.get("on"));

        // pro rata is another request (another hash, another run), and so is the same run without flows
        JsonNode proRata = ok(CliRunner.run(on, run("--rule-spec", "drift:0.05", "--contribution", "100",
                "--flow-frequency", "quarterly", "--flow-allocation", "pro-rata")));
        assertThat(proRata.get("reused").asBoolean()).isFalse();
        assertThat(proRata.get("request_hash").asText()).isNotEqualTo(a.get("request_hash").asText());
        JsonNode plain = ok(CliRunner.run(on, run("--rule-spec", "drift:0.05")));
        assertThat(plain.get("request_hash").asText()).isNotEqualTo(a.get("request_hash").asText());
        assertThat(plain.get("off").has("flows")).isFalse();
        assertThat(plain.get("off").has("mwr")).isFalse();
        assertThat(count("run_cash_flow WHERE simulation_run_id = " + plain.get("run_id").asLong())).isZero();
    }

    @Test
    void aDepletingWithdrawalIsReportedNotRefused() throws Exception {
        JsonNode j = ok(CliRunner.run(on, run("--withdrawal", "4000", "--flow-frequency", "monthly")));
        JsonNode off = j.get("off");
        assertThat(off.get("depleted_on").isTextual()).isTrue();
        assertThat(off.get("final_value").asDouble()).isEqualTo(0.0);
        JsonNode flows = off.get("flows");
        assertThat(flows.get(flows.size() - 1).get("date").asText()).isEqualTo(off.get("depleted_on").asText());
        assertThat(off.get("withdrawn").asDouble()).isLessThan(10000 * 1.5).isGreaterThan(8000);
    }

    @Test
    void badSchedulesAreCodedErrorsAndStoreNothing() throws Exception {
        long runs = count("simulation_run");
        long flows = count("run_cash_flow");
        List<String[]> bad = List.of(
                run("--contribution", "100", "--withdrawal-rate", "0.04", "--flow-frequency", "monthly"),
                run("--withdrawal-rate", "1.5", "--flow-frequency", "monthly"),
                run("--withdrawal-rate", "0", "--flow-frequency", "monthly"),
                run("--contribution", "100", "--flow-growth", "1", "--flow-frequency", "monthly"),
                run("--contribution", "100", "--flow-growth", "-0.5", "--flow-frequency", "monthly"),
                run("--withdrawal-rate", "0.04", "--flow-growth", "0.02", "--flow-frequency", "monthly"),
                run("--contribution", "100", "--flow-frequency", "annual", "--flows-from", "2011-06-01",
                        "--flows-until", "2011-12-31"),
                run("--contribution", "100", "--flow-frequency", "monthly", "--flows-from", "2011-06-01",
                        "--flows-until", "2011-05-01"),
                run("--contribution", "100", "--flow-frequency", "monthly", "--flow-allocation", "pro-rata"));
        for (String[] args : bad) {
            CliRunner.Result r = CliRunner.run(on, args);
            assertThat(r.exitCode()).as(String.join(" ", args) + " → " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("error: INVALID_REQUEST");
        }
        assertThat(count("simulation_run")).isEqualTo(runs);
        assertThat(count("run_cash_flow")).isEqualTo(flows);
    }
}
