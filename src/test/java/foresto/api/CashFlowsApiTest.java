package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario body's {@code cash_flows} (SEMANTICS §13.5) over real HTTP on a real PostgreSQL. */
class CashFlowsApiTest {
    static Database db;
    static ApiServer server;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC api", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 12, 31), 5), false);
        server = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0,
                ApiServerTest.token());
    }

    @AfterAll
    static void tearDown() {
        server.close();
        db.close();
    }

    static ApiServerTest.Reply post(String extra) throws Exception {
        return ApiServerTest.post(server, ApiServerTest.body(extra));
    }

    static long count(String table) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aScenarioWithContributionsAnswersAndStoresItsFlows() throws Exception {
        String flows = ", \"rule\": \"drift:0.05\", \"cash_flows\": {\"amount\": 50, \"frequency\": \"quarterly\", "
                + "\"growth\": 0.02}";
        ApiServerTest.Reply a = post(flows);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("reused").asBoolean()).isFalse();
        for (String side : List.of("off", "on")) {
            JsonNode s = a.body().get(side);
            List<String> dates = new ArrayList<>();
            s.get("flows").forEach(f -> dates.add(f.get("date").asText()));
            // quarter starts after the purchase close 2020-02-03, up to 2021-06-30: 2020-04 … 2021-04
            assertThat(dates).hasSize(5);
            assertThat(dates.get(0)).startsWith("2020-04-0");
            assertThat(dates.get(4)).startsWith("2021-04-0");
            // growth 2 % a year on calendar days from the purchase date: the last flow is 50 · 1.02^(days/365.25)
            LocalDate last = LocalDate.parse(dates.get(4));
            double days = last.toEpochDay() - LocalDate.of(2020, 2, 3).toEpochDay();
            assertThat(s.get("flows").get(4).get("amount").asDouble())
                    .isEqualTo(50 * Math.pow(1.02, days / 365.25));
            assertThat(s.get("withdrawn").asDouble()).isEqualTo(0.0);
            double sum = 0;
            for (JsonNode f : s.get("flows")) {
                sum += f.get("amount").asDouble();
            }
            assertThat(s.get("contributed").asDouble()).isEqualTo(sum).isGreaterThan(250);
            assertThat(s.get("depleted_on").isNull()).isTrue();
            assertThat(s.has("mwr")).isTrue();
        }
        long runId = a.body().get("run_id").asLong();
        assertThat(count("run_cash_flow WHERE simulation_run_id = " + runId)).isEqualTo(10);
        ApiServerTest.Reply again = post(flows);
        assertThat(again.body().get("reused").asBoolean()).isTrue();
        assertThat(again.body().get("off")).isEqualTo(a.body().get("off"));
        assertThat(again.body().get("on")).isEqualTo(a.body().get("on"));
    }

    @Test
    void aWithdrawalRateRunsOffOnlyAndNoFlowsMeansNoKeys() throws Exception {
        ApiServerTest.Reply r = post(", \"cash_flows\": {\"rate\": 0.01, \"frequency\": \"monthly\", \"base_day\": \"last\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode off = r.body().get("off");
        assertThat(off.get("contributed").asDouble()).isEqualTo(0.0);
        assertThat(off.get("withdrawn").asDouble()).isPositive();
        off.get("flows").forEach(f -> assertThat(f.get("amount").asDouble()).isNegative());
        assertThat(r.body().has("on")).isFalse();
        ApiServerTest.Reply plain = post("");
        assertThat(plain.body().get("off").has("flows")).isFalse();
        assertThat(plain.body().get("off").has("twr_total")).isFalse();
    }

    @Test
    void badSchedulesAre400sNamingTheFieldWithNothingStored() throws Exception {
        long runs = count("simulation_run");
        long flows = count("run_cash_flow");
        List<String[]> bad = List.of(
                new String[] {", \"cash_flows\": {\"amount\": 50, \"rate\": 0.01, \"frequency\": \"monthly\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"rate\": 1.0, \"frequency\": \"monthly\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"rate\": -0.1, \"frequency\": \"monthly\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"growth\": 1, \"frequency\": \"monthly\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"growth\": -0.6, \"frequency\": \"monthly\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"rate\": 0.01, \"growth\": 0.02, \"frequency\": \"monthly\"}",
                        "cash_flows.growth"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"frequency\": \"annual\", \"flows_from\": \"2021-02-01\"}",
                        "the flow schedule has no flow date"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"frequency\": \"monthly\", \"flows_from\": \"2021-02-01\", "
                        + "\"flows_until\": \"2021-01-01\"}", "cash_flows"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"frequency\": \"monthly\", \"flow_allocation\": \"pro-rata\"}",
                        "a flow allocation applies to a rebalancing rule"},
                new String[] {", \"cash_flows\": {\"amount\": 0, \"frequency\": \"monthly\"}", "cash_flows.amount"},
                new String[] {", \"cash_flows\": {\"amount\": 50}", "a flow needs cash_flows.frequency"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"frequency\": \"weekly\"}", "cash_flows.frequency"},
                new String[] {", \"cash_flows\": {\"amount\": 50, \"frequency\": \"monthly\", \"every\": 2}", "cash_flows.every"},
                new String[] {", \"cash_flows\": [50]", "cash_flows"});
        for (String[] b : bad) {
            ApiServerTest.Reply r = post(b[0]);
            assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.code()).as(b[0]).isEqualTo("INVALID_REQUEST");
            assertThat(r.body().get("message").asText()).as(b[0]).startsWith(b[1]);
        }
        assertThat(count("simulation_run")).isEqualTo(runs);
        assertThat(count("run_cash_flow")).isEqualTo(flows);
    }

    @Test
    void aRobustnessStudyAppliesTheScheduleAndIsAStudyOfItsOwn() throws Exception {
        long studies = count("robustness_study");
        String timing = ", \"kind\": \"timing\", \"rule\": \"quarterly\"";
        ApiServerTest.Reply r = ApiServerTest.send(server, "POST", RobustnessRoute.PATH, ApiServerTest.body(timing
                + ", \"cash_flows\": {\"amount\": 50, \"frequency\": \"monthly\"}"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode variant = r.body().get("variants").get(0);
        // 16 month starts after the purchase close 2020-02-03, up to 2021-06-30: March 2020 … June 2021
        assertThat(variant.get("contributed").asDouble()).isEqualTo(50.0 * 16);
        assertThat(variant.get("depleted_on").isNull()).isTrue();
        assertThat(count("robustness_study")).isEqualTo(studies + 1);
        ApiServerTest.Reply plain = ApiServerTest.send(server, "POST", RobustnessRoute.PATH, ApiServerTest.body(timing));
        assertThat(plain.status()).as(plain.body().toString()).isEqualTo(200);
        assertThat(plain.body().get("variants").get(0).has("contributed")).isFalse();
        assertThat(count("robustness_study")).isEqualTo(studies + 2); // another hash: another study
    }

    @Test
    void aRobustnessStudyRefusesABadScheduleAsASimulationDoesAndStoresNothing() throws Exception {
        long studies = count("robustness_study");
        for (String[] b : new String[][] {
                {"{\"rate\": 1.5, \"frequency\": \"monthly\"}", "cash_flows"},
                {"{\"amount\": 50, \"rate\": 0.1, \"frequency\": \"monthly\"}", "cash_flows"},
                {"{\"amount\": 50, \"frequency\": \"annual\", \"flows_from\": \"2030-01-01\"}",
                        "the flow schedule has no flow date"}}) {
            ApiServerTest.Reply r = ApiServerTest.send(server, "POST", RobustnessRoute.PATH, ApiServerTest.body(
                    ", \"kind\": \"timing\", \"rule\": \"quarterly\", \"cash_flows\": " + b[0]));
            assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.code()).as(b[0]).isEqualTo("INVALID_REQUEST");
            assertThat(r.body().get("message").asText()).as(b[0]).startsWith(b[1]);
        }
        assertThat(count("robustness_study")).isEqualTo(studies);
    }
}
