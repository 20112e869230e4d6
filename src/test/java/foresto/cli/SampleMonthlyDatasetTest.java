package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled monthly dataset and the Classic 60/40 portfolio, from the command line on a new data directory. */
class SampleMonthlyDatasetTest {
    private static final String MONTHLY = "US stocks and 10-year Treasuries, monthly, 1926\u20132009 (public data)";
    static Database db;
    static Map<String, String> on;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshEmpty();
        on = TestDatabase.envFor(db, true);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void runSelectsTheMonthlyDatasetByNameAndById() throws Exception {
        CliRunner.Result byName = CliRunner.run(on, "run", "--portfolio", "Classic 60/40", "--dataset", MONTHLY,
                "--rule", "P2_DRIFT_5PCT_10BP");
        assertThat(byName.exitCode()).as(byName.err()).isZero();
        JsonNode a = Json.mapper().readTree(byName.out());
        assertThat(a.get("request").get("dataset_name").asText()).isEqualTo(MONTHLY);
        assertThat(a.get("purchase_date").asText()).isEqualTo("1925-12-31");
        assertThat(a.get("first_return_date").asText()).isEqualTo("1926-01-31");
        assertThat(a.get("last_date").asText()).isEqualTo("2009-12-31");
        assertThat(a.get("periods_per_year").asInt()).isEqualTo(12);
        assertThat(a.get("event_count").asInt()).isPositive();

        // the second dataset of a new data directory has id 2; the same request is reused
        CliRunner.Result byId = CliRunner.run(on, "run", "--portfolio", "Classic 60/40", "--dataset", "2",
                "--rule", "P2_DRIFT_5PCT_10BP");
        assertThat(byId.exitCode()).as(byId.err()).isZero();
        JsonNode b = Json.mapper().readTree(byId.out());
        assertThat(b.get("reused").asBoolean()).isTrue();
        assertThat(b.get("request").get("dataset_name").asText()).isEqualTo(MONTHLY);
    }
}
