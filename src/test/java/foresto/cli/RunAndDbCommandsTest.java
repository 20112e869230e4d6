package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The db and run commands against a real PostgreSQL (first start loads seed rules and sample data). */
class RunAndDbCommandsTest {
    static Database db;
    static Map<String, String> on;
    static Map<String, String> off;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshEmpty();
        on = TestDatabase.envFor(db, true);
        off = TestDatabase.envFor(db, false);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void dbCommandsMigrateSeedAndReport() {
        CliRunner.Result migrate = CliRunner.run(off, "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("schema version 13");
        CliRunner.Result seed = CliRunner.run(off, "db", "seed");
        assertThat(seed.exitCode()).as(seed.err()).isZero();
        CliRunner.run(off, "db", "seed");
        CliRunner.Result info = CliRunner.run(off, "db", "info");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("schema version: 13").containsPattern("rebalancing_rule\\s+3");
        assertThat(info.out() + info.err()).doesNotContainIgnoringCase("password=");
    }

    @Test
    void runStoresThenReusesAndRespectsTheFlag() throws Exception {
        CliRunner.Result first = CliRunner.run(on, "run", "--portfolio", "Balanced 60/30/10", "--rule",
                "P2_PERIODIC_QUARTERLY_FTD_10BP", "--start", "2010-01-04", "--end", "2012-12-31", "--events");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode a = Json.mapper().readTree(first.out());
        assertThat(a.get("reused").asBoolean()).isFalse();
        assertThat(a.get("event_count").asInt()).isEqualTo(11);
        assertThat(a.get("events")).hasSize(11);
        assertThat(a.get("events").get(0).get("event_date").asText()).isEqualTo("2010-04-01");
        assertThat(a.get("request").get("dataset_name").asText()).contains("SYNTHETIC");

        CliRunner.Result second = CliRunner.run(on, "run", "--portfolio", "1", "--rule", "P2_PERIODIC_QUARTERLY_FTD_10BP",
                "--start", "2010-01-04", "--end", "2012-12-31");
        JsonNode b = Json.mapper().readTree(second.out());
        assertThat(b.get("reused").asBoolean()).isTrue();
        assertThat(b.get("run_id").asLong()).isEqualTo(a.get("run_id").asLong());

        CliRunner.Result disabled = CliRunner.run(off, "run", "--portfolio", "1", "--rule", "P2_PERIODIC_QUARTERLY_FTD_10BP");
        assertThat(disabled.exitCode()).isEqualTo(2);
        assertThat(disabled.err()).startsWith("error: REBALANCING_DISABLED");

        CliRunner.Result offRun = CliRunner.run(off, "run", "--portfolio", "Growth 80/20", "--start", "2010-01-04");
        assertThat(offRun.exitCode()).as(offRun.err()).isZero();
        assertThat(Json.mapper().readTree(offRun.out()).has("on")).isFalse();
    }

    @Test
    void aRuleIsChosenByNameWithRuleAndByIdWithRuleIdNeverAmbiguously() throws Exception {
        // a rule whose *name* is "3", while the rule with *id* 3 is the seed's drift rule
        CliRunner.run(on, "db", "seed");
        try (var c = DriverManager.getConnection(TestDatabase.urlOf(db), TestDatabase.server().user(),
                TestDatabase.server().password()); var st = c.createStatement()) {
            st.execute("INSERT INTO foresto.rebalancing_rule (rule_name, rule_type, frequency, cost_rate, effective_from) "
                    + "VALUES ('3', 'PERIODIC', 'MONTHLY', 0.002, DATE '2000-01-01') ON CONFLICT DO NOTHING");
        }
        JsonNode byName = Json.mapper().readTree(CliRunner.run(on, "run", "--portfolio", "Balanced 60/30/10", "--rule", "3",
                "--start", "2011-01-03", "--end", "2011-12-30").out());
        assertThat(byName.get("request").get("rule_name").asText()).isEqualTo("3");
        JsonNode byId = Json.mapper().readTree(CliRunner.run(on, "run", "--portfolio", "Balanced 60/30/10", "--rule-id", "3",
                "--start", "2011-01-03", "--end", "2011-12-30").out());
        assertThat(byId.get("request").get("rebalancing_rule_id").asLong()).isEqualTo(3);
        assertThat(byId.get("request").get("rule_name").asText()).isEqualTo("P2_DRIFT_5PCT_10BP");
        CliRunner.Result both = CliRunner.run(on, "run", "--portfolio", "1", "--rule", "3", "--rule-id", "3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        CliRunner.Result digits = CliRunner.run(on, "run", "--portfolio", "1", "--rule", "2");
        assertThat(digits.exitCode()).isEqualTo(2);
        assertThat(digits.err()).contains("RULE_NOT_FOUND").contains("--rule-id 2");
    }

    @Test
    void runTakesAnInlineRuleInTheWordsOfSimulate() throws Exception {
        CliRunner.Result r = CliRunner.run(on, "run", "--portfolio", "Balanced 60/30/10", "--rule-spec", "semiannual",
                "--start", "2011-01-03", "--end", "2012-12-31", "--events");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("request").get("rule_name").asText()).isEqualTo("inline semiannual");
        assertThat(j.get("events")).extracting(e -> e.get("event_date").asText().substring(5, 7)).containsOnly("01", "07");
        CliRunner.Result drift = CliRunner.run(on, "run", "--portfolio", "Balanced 60/30/10", "--rule-spec", "drift-rel:0.2",
                "--check", "quarterly", "--rebalance-to", "0.5", "--start", "2011-01-03", "--end", "2014-12-31", "--events");
        assertThat(drift.exitCode()).as(drift.err()).isZero();
        for (JsonNode e : Json.mapper().readTree(drift.out()).get("events")) {
            assertThat(e.get("trigger_detail").get("band_kind").asText()).isEqualTo("RELATIVE");
            assertThat(e.get("event_date").asText().substring(5, 7)).isIn("01", "04", "07", "10");
        }
        CliRunner.Result orphan = CliRunner.run(on, "run", "--portfolio", "1", "--check", "monthly");
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).contains("--check goes with --rule-spec");
        CliRunner.Result disabled = CliRunner.run(off, "run", "--portfolio", "1", "--rule-spec", "monthly");
        assertThat(disabled.err()).contains("REBALANCING_DISABLED");
    }

    @Test
    void errorsHaveCodesAndExitCodes() {
        CliRunner.Result unknown = CliRunner.run(on, "run", "--portfolio", "No such portfolio");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("PORTFOLIO_NOT_FOUND");
        CliRunner.Result missingRule = CliRunner.run(on, "run", "--portfolio", "1", "--rule", "987654");
        assertThat(missingRule.exitCode()).isEqualTo(2);
        assertThat(missingRule.err()).contains("RULE_NOT_FOUND");

        Map<String, String> down = new HashMap<>(on);
        down.put("FORESTO_DB_URL", "jdbc:postgresql://127.0.0.1:1/nothing");
        down.put("FORESTO_DB_PASSWORD", "s3cret-value");
        CliRunner.Result unreachable = CliRunner.run(down, "run", "--portfolio", "1");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("error: DATABASE_UNAVAILABLE: cannot connect").doesNotContain("s3cret-value").doesNotContain("\tat ");
    }
}
