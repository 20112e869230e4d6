package foresto.api;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** initial_value outside [1e-6, 1e15] is a 400 with nothing stored; the edges run. */
class InitialValueBoundsApiTest {
    static Database db;
    static ApiServer server;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC api", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 12, 31), 5), false);
        server = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0, ApiServerTest.token());
    }

    @AfterAll
    static void tearDown() {
        server.close();
        db.close();
    }

    private static ApiServerTest.Reply post(String v) throws Exception {
        return ApiServerTest.post(server, ApiServerTest.body(", \"rebalancing_rule_id\": 1").replace("\"initial_value\": 1000",
                "\"initial_value\": " + v));
    }

    private static long storedRuns() throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM simulation_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void tinyAndSubnormalValuesAre400ValueOutOfRangeWithNothingStored() throws Exception {
        long before = storedRuns();
        for (String v : new String[] {"1e-7", "1e-320", "5e-324"}) {
            ApiServerTest.Reply r = post(v);
            assertThat(r.status()).as(v + " " + r.body()).isEqualTo(400);
            assertThat(r.code()).as(v).isEqualTo("VALUE_OUT_OF_RANGE");
        }
        assertThat(storedRuns()).isEqualTo(before);
    }

    @Test
    void theEdgesRun() throws Exception {
        for (String v : new String[] {"1e-6", "1e15"}) {
            ApiServerTest.Reply r = post(v);
            assertThat(r.status()).as(v + " " + r.body()).isEqualTo(200);
        }
    }
}
