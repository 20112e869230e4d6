package foresto.ui.main;

import foresto.backtest.RequestHash;
import foresto.backtest.RunView;
import foresto.db.Database;
import foresto.db.OlderRuns;
import foresto.db.RunRepository;
import foresto.db.TestDatabase;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Weights;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored run says which semantics version (SEMANTICS §11) computed it: read from the canonical request stored with
 * it in a real database (jsonb, so keys and spacing as PostgreSQL writes them), next to the Summary grid.
 */
class StoredRunSemanticsTest {
    /** A buy-and-hold run as the release with semantics version 2 stored it (before f existed). */
    static final String CANONICAL_V2 = "{\"drift_calc_order\":\"EOD\",\"end_date\":\"2022-06-30\",\"initial_value\":100,"
            + "\"market_data\":\"abc\",\"missing_data_policy\":\"SKIP\",\"portfolio\":{\"id\":1,\"weights\":"
            + "{\"BOND\":0.4,\"EQUITY\":0.6}},\"semantics_version\":2,\"start_date\":\"2021-03-01\"}";
    /** As the seed release stored it: no semantics_version key at all (version 1). */
    static final String CANONICAL_V1 = CANONICAL_V2.replace("\"semantics_version\":2,", "");
    static final String SUMMARY = "{\"off\": {\"cagr\": 0.05, \"total_cost\": 0.0, \"volatility\": 0.1, \"event_count\": 0, "
            + "\"final_value\": 103.0, \"max_drawdown\": 0.01, \"total_return\": 0.03, \"total_turnover\": 0.0}}";
    static final String REQUEST = "{\"end_date\": \"2022-06-30\", \"dataset_id\": 1, \"start_date\": \"2021-03-01\", "
            + "\"dataset_name\": \"SYNTHETIC\", \"portfolio_id\": 1, \"initial_value\": 100.0, \"portfolio_name\": \"60/40\", "
            + "\"missing_data_policy\": \"SKIP\"}";

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

    static long store(String hash, String canonical) throws SQLException {
        return OlderRuns.store(db.dataSource(), hash, canonical, REQUEST, SUMMARY);
    }

    private static ResultViewModel shown(RunRecord run) {
        LocalDate[] dates = {LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 2)};
        StoredPaths paths = new StoredPaths(dates, new double[] {100, 103}, null, new int[] {0, 1},
                new double[][] {{0.6, 0.61}, {0.4, 0.39}}, null);
        ResultViewModel r = new ResultViewModel();
        r.show(RunModel.of(RunView.of(run, paths, List.of()), true));
        return r;
    }

    @Test
    void anOldStoredRunSaysItWasComputedUnderSemanticsVersionTwo() throws SQLException {
        RunRecord run = runs.findById(store("b", CANONICAL_V2)).orElseThrow();
        assertThat(run.canonicalRequest()).contains("\"semantics_version\": 2"); // as jsonb gives it back
        ResultViewModel r = shown(run);
        assertThat(r.resultProperty().get().semanticsVersion()).isEqualTo(2);
        assertThat(r.semanticsProperty().get())
                .isEqualTo("computed under semantics version 2 (today's is 3; run it again for today's figures)");
    }

    @Test
    void aRunStoredBeforeTheVersionWasHashedIsVersionOne() throws SQLException {
        RunRecord run = runs.findById(store("c", CANONICAL_V1)).orElseThrow();
        assertThat(shown(run).semanticsProperty().get()).startsWith("computed under semantics version 1 (");
    }

    @Test
    void aRunOfTodaysRulesSaysSoPlainly() throws SQLException {
        String today = new RequestHash(1L, Weights.ofCodes(Map.of("EQUITY", 0.6, "BOND", 0.4)), LocalDate.of(2021, 3, 1),
                LocalDate.of(2022, 6, 30), 100, "abc", MissingDataPolicy.SKIP, Optional.empty()).canonicalJson();
        RunRecord run = runs.findById(store("d", today)).orElseThrow();
        ResultViewModel r = shown(run);
        assertThat(r.semanticsProperty().get()).isEqualTo("semantics version 3");
        assertThat(r.resultProperty().get().semanticsVersion()).isEqualTo(3);
    }
}
