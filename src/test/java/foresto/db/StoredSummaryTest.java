package foresto.db;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.json.Json;
import foresto.model.RunRecord;
import foresto.model.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored runs stay readable when {@link Metrics} grows: the summaries below are exactly what the release before the
 * one list of metrics stored (a monthly run of the service test fixture, read back from PostgreSQL as jsonb text),
 * read through {@link RunRepository} from a real database.
 */
class StoredSummaryTest {
    /** As stored by the release: Balanced 60/30/10, 2021-03-01..2022-06-30, the seed's monthly rule at 10 bp. */
    static final String TODAY = "{\"on\": {\"cagr\": 0.06931256093539018, \"total_cost\": 0.018282232051457174, "
            + "\"volatility\": 0.10255002600696794, \"event_count\": 15, \"final_value\": 109.32677578753966, "
            + "\"max_drawdown\": 0.062428289189158326, \"total_return\": 0.09326775787539665, "
            + "\"total_turnover\": 0.17695574749355153}, \"off\": {\"cagr\": 0.06923187523195207, \"total_cost\": 0.0, "
            + "\"volatility\": 0.10205973451354261, \"event_count\": 0, \"final_value\": 109.31579940866553, "
            + "\"max_drawdown\": 0.06135705265780378, \"total_return\": 0.09315799408665537, \"total_turnover\": 0.0}}";
    static final String REQUEST = "{\"end_date\": \"2022-06-30\", \"rule_name\": \"P2_PERIODIC_MONTHLY_FTD_10BP\", "
            + "\"dataset_id\": 1, \"start_date\": \"2021-03-01\", \"dataset_name\": \"SYNTHETIC test 2021-2023\", "
            + "\"portfolio_id\": 1, \"initial_value\": 100.0, \"portfolio_name\": \"Balanced 60/30/10\", "
            + "\"rule_description\": \"PERIODIC MONTHLY, first trading day, cost 0.001\", \"missing_data_policy\": \"SKIP\", "
            + "\"rebalancing_rule_id\": 1}";

    static Database db;
    static RunRepository runs;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshMigrated();
        runs = new RunRepository(db.dataSource());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** Stores a run with exactly this summary JSON, as an older release would have, and returns its id. */
    static long store(String hash, String summaryJson) throws SQLException {
        return OlderRuns.store(db.dataSource(), hash, "{}", REQUEST, summaryJson);
    }

    /**
     * Every value of the stored JSON reads back exactly; a component of {@link Metrics} this JSON predates (none
     * today; any metric added later) reads as NaN: this test is meant to pass unchanged when {@link Metrics} grows.
     */
    @Test
    void aSummaryAsTodaysReleaseStoresItReadsBackExactly() throws SQLException {
        RunRecord run = runs.findById(store("a", TODAY)).orElseThrow();
        Metrics on = run.summary().on();
        assertThat(on.finalValue()).isEqualTo(109.32677578753966);
        assertThat(on.totalReturn()).isEqualTo(0.09326775787539665);
        assertThat(on.cagr()).isEqualTo(0.06931256093539018);
        assertThat(on.volatility()).isEqualTo(0.10255002600696794);
        assertThat(on.maxDrawdown()).isEqualTo(0.062428289189158326);
        assertThat(on.eventCount()).isEqualTo(15);
        assertThat(on.totalTurnover()).isEqualTo(0.17695574749355153);
        assertThat(on.totalCost()).isEqualTo(0.018282232051457174);
        Metrics off = run.summary().off();
        assertThat(off.finalValue()).isEqualTo(109.31579940866553);
        assertThat(off.totalReturn()).isEqualTo(0.09315799408665537);
        assertThat(off.cagr()).isEqualTo(0.06923187523195207);
        assertThat(off.volatility()).isEqualTo(0.10205973451354261);
        assertThat(off.maxDrawdown()).isEqualTo(0.06135705265780378);
        assertThat(off.eventCount()).isZero();
        assertThat(off.totalTurnover()).isZero();
        assertThat(off.totalCost()).isZero();
        for (RecordComponent c : Metrics.class.getRecordComponents()) {
            String key = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            if (!TODAY.contains("\"" + key + "\"")) {
                assertThat(c.getType()).as(key).isEqualTo(double.class);
                assertThat(component(c, on)).as(key).isNaN();
                assertThat(component(c, off)).as(key).isNaN();
            }
        }
    }

    /**
     * A run stored before semantics version 3 has no {@code periods_per_year}: it still opens, and reads as f = 252,
     * which every such run was computed with; a run stored since keeps its f.
     */
    @Test
    void aSummaryWithoutPeriodsPerYearOpensAsDailyAndANewOneKeepsItsF() throws SQLException {
        RunRecord old = runs.findById(store("f", TODAY)).orElseThrow();
        assertThat(old.summary().periodsPerYear()).isNull();
        assertThat(old.summary().recordsFrequency()).isFalse();
        assertThat(old.summary().frequency()).isEqualTo(PeriodsPerYear.DAILY);
        assertThat(old.summary().frequency().label()).isEqualTo("daily data (f = 252)");
        String monthly = TODAY.substring(0, TODAY.length() - 1) + ", \"periods_per_year\": 12}";
        RunRecord stored = runs.findById(store("1", monthly)).orElseThrow();
        assertThat(stored.summary().recordsFrequency()).isTrue();
        assertThat(stored.summary().frequency()).isEqualTo(PeriodsPerYear.MONTHLY);
        assertThat(stored.summary().on().volatility()).isEqualTo(0.10255002600696794);
    }

    /** What a new run stores: the metrics and f, under snake_case keys, and nothing else. */
    @Test
    void aNewSummaryWritesItsPeriodsPerYear() throws Exception {
        RunRecord old = runs.findById(store("2", TODAY)).orElseThrow();
        RunSummary withF = new RunSummary(old.summary().off(), old.summary().on(), 12);
        JsonNode tree = Json.mapper().valueToTree(withF);
        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("off", "on", "periods_per_year");
        assertThat(tree.get("periods_per_year").asInt()).isEqualTo(12);
        assertThat(RunRepository.readSummary(Json.write(tree))).isEqualTo(withF);
    }

    private static double component(RecordComponent c, Metrics m) {
        try {
            return (double) c.getAccessor().invoke(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A metric added to {@link Metrics} after a run was stored is absent from its JSON, as {@code volatility} and
     * {@code total_cost} are here: the run still loads (was "Cannot map `null` into type `double`"), with NaN for them.
     */
    @Test
    void aSummaryLackingAMetricStillLoadsWithNaNForIt() throws SQLException {
        String older = TODAY.replace("\"volatility\": 0.10255002600696794, ", "")
                .replace("\"total_cost\": 0.0, ", "").replace("\"volatility\": 0.10205973451354261, ", "");
        assertThat(older).doesNotContain("volatility").contains("total_cost");
        RunRecord run = runs.findById(store("b", older)).orElseThrow();
        assertThat(run.summary().on().volatility()).isNaN();
        assertThat(run.summary().on().finalValue()).isEqualTo(109.32677578753966);
        assertThat(run.summary().on().totalCost()).isEqualTo(0.018282232051457174);
        assertThat(run.summary().off().volatility()).isNaN();
        assertThat(run.summary().off().totalCost()).isNaN();
        assertThat(run.summary().off().eventCount()).isZero();
    }

    @Test
    void anOffOnlySummaryStillReadsWithoutAnOnSide() throws SQLException {
        String offOnly = "{\"off\": " + TODAY.substring(TODAY.indexOf("\"off\": ") + 7, TODAY.length() - 1) + ", \"on\": null}";
        RunSummary summary = runs.findById(store("c", offOnly)).orElseThrow().summary();
        assertThat(summary.on()).isNull();
        assertThat(summary.off().finalValue()).isEqualTo(109.31579940866553);
    }

    @Test
    void aGapInAWholeNumberIsStillAnUnreadableRun() throws SQLException {
        long id = store("d", TODAY.replace("\"event_count\": 15, ", ""));
        assertThatThrownBy(() -> runs.findById(id))
                .hasMessageContaining("unreadable JSON");
    }
}
