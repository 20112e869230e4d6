package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.json.Json;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API over real HTTP against a real PostgreSQL: happy paths and every error path. */
class ApiServerTest {
    static Database db;
    static ApiServer on;
    static ApiServer off;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The token the test servers ask for; every request here sends it. */
    static final String TOKEN = "test-token-aaaaaaaaaaaaaaaaaaaaaaaa";

    static ApiToken token() {
        return ApiToken.of(TOKEN, "the test");
    }

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC api", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 12, 31), 5), false);
        on = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0, token());
        off = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.OFF, Clock.systemUTC()), "127.0.0.1", 0, token());
    }

    @AfterAll
    static void tearDown() {
        on.close();
        off.close();
        db.close();
    }

    record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    static Reply send(ApiServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
    }

    static Reply post(ApiServer s, String body) throws Exception {
        return send(s, "POST", "/api/v1/backtest/scenario", body);
    }

    static String body(String extra) {
        return "{\"portfolio_id\": 1, \"start_date\": \"2020-02-03\", \"end_date\": \"2021-06-30\", \"initial_value\": 1000,"
                + " \"missing_data_policy\": \"SKIP\"" + extra + "}";
    }

    @Test
    void onAndOffScenariosRunAndEventsComeBackInDateOrder() throws Exception {
        Reply offRun = post(off, body(""));
        assertThat(offRun.status()).as(offRun.body().toString()).isEqualTo(200);
        assertThat(offRun.body().has("on")).isFalse();

        Reply onRun = post(on, body(", \"rebalancing_rule_id\": 1"));
        assertThat(onRun.status()).as(onRun.body().toString()).isEqualTo(200);
        JsonNode b = onRun.body();
        assertThat(b.get("request_hash").asText()).hasSize(64);
        assertThat(b.get("reused").asBoolean()).isFalse();
        assertThat(b.get("off").get("final_value").asDouble()).isEqualTo(offRun.body().get("off").get("final_value").asDouble());
        assertThat(b.get("on").get("event_count").asInt()).isEqualTo(16); // Mar 2020 .. Jun 2021
        assertThat(post(on, body(", \"rebalancing_rule_id\": 1")).body().get("reused").asBoolean()).isTrue();

        Reply events = send(on, "GET", "/api/v1/backtest/scenario/" + b.get("run_id").asLong() + "/rebalancing-events", null);
        assertThat(events.status()).isEqualTo(200);
        JsonNode list = events.body().get("events");
        assertThat(list).hasSize(16);
        assertThat(list.get(0).fieldNames()).toIterable().contains("event_date", "trigger_type", "trigger_detail", "turnover",
                "cost_rate", "before_weights", "after_weights", "cost_amount", "value_before", "value_after");
        String previous = "";
        for (JsonNode e : list) {
            assertThat(e.get("event_date").asText()).isGreaterThan(previous);
            previous = e.get("event_date").asText();
        }
    }

    /** The scenario answer says which periods per year annualise its figures, new or reused (SEMANTICS §5). */
    @Test
    void theAnswerSaysItsPeriodsPerYear() throws Exception {
        Reply first = post(off, body(""));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("periods_per_year").asInt()).isEqualTo(252); // the fixture's data is daily
        assertThat(first.body().get("frequency").asText()).isEqualTo("daily");
        Reply again = post(off, body(""));
        assertThat(again.body().get("reused").asBoolean()).isTrue();
        assertThat(again.body().get("periods_per_year").asInt()).isEqualTo(252);
        assertThat(again.body().has("periods_per_year_stored")).isFalse();
    }

    @Test
    void anInlineV2RuleRunsStoresItsEventsAndIsReusedByItsParameters() throws Exception {
        String inline = ", \"rule\": \"drift-hybrid:0.02/0.25\", \"check\": \"monthly\", \"rebalance_to\": 0.5, "
                + "\"cost_rate\": 0.002";
        Reply r = post(on, body(inline));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().get("request").get("rule_name").asText()).isEqualTo("inline drift-hybrid:0.02/0.25");
        assertThat(r.body().get("request").get("rule_description").asText()).contains("min(0.02, 25 % of target)")
                .contains("checked monthly").contains("0.5 of the band").contains("cost 0.002");
        long runId = r.body().get("run_id").asLong();
        JsonNode events = send(on, "GET", "/api/v1/backtest/scenario/" + runId + "/rebalancing-events", null).body().get("events");
        assertThat(events).isNotEmpty();
        for (JsonNode e : events) {
            assertThat(e.get("trigger_detail").get("band_kind").asText()).isEqualTo("HYBRID");
            assertThat(e.get("cost_rate").asDouble()).isEqualTo(0.002);
        }
        assertThat(post(on, body(inline)).body().get("reused").asBoolean()).isTrue();
        assertThat(post(on, body(inline.replace("0.5", "0.25"))).body().get("reused").asBoolean()).isFalse();
        Reply both = post(on, body(inline + ", \"rebalancing_rule_id\": 1"));
        assertThat(both.status()).isEqualTo(400);
        Reply badRule = post(on, body(", \"rule\": \"drift-rel:2\""));
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.code()).isEqualTo("INVALID_RULE");
        assertThat(badRule.body().get("message").asText()).contains("band_rho");
        Reply orphan = post(on, body(", \"check\": \"monthly\""));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.body().get("message").asText()).startsWith("check needs \"rule\"");
        Reply offInline = post(off, body(", \"rule\": \"monthly\""));
        assertThat(offInline.status()).isEqualTo(400);
        assertThat(offInline.code()).isEqualTo("REBALANCING_DISABLED");
    }

    @Test
    void flagOffRejectsEveryRebalancingParameter() throws Exception {
        Reply r = post(off, body(", \"rebalancing_rule_id\": 1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("REBALANCING_DISABLED");
        Reply inline = post(off, body(", \"drift_threshold\": 0.05"));
        assertThat(inline.status()).isEqualTo(400);
        assertThat(inline.code()).isEqualTo("REBALANCING_DISABLED");
    }

    @Test
    void ruleAndPortfolioProblemsHaveTheirCodes() throws Exception {
        assertThat(post(on, body(", \"rebalancing_rule_id\": 777")).code()).isEqualTo("RULE_NOT_FOUND");
        db.dataSource().getConnection().createStatement().execute("INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, "
                + "base_day_policy, cost_rate, effective_from, is_active) VALUES ('api off', 'PERIODIC', 'MONTHLY', "
                + "'FIRST_TRADING_DAY', 0.001, CURRENT_DATE, FALSE), ('api later', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', "
                + "0.001, CURRENT_DATE + 30, TRUE)");
        Reply inactive = post(on, body(", \"rebalancing_rule_id\": 4"));
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.code()).isEqualTo("RULE_INACTIVE");
        Reply later = post(on, body(", \"rebalancing_rule_id\": 5"));
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.code()).isEqualTo("RULE_NOT_EFFECTIVE");
        Reply portfolio = post(on, body("").replace("\"portfolio_id\": 1", "\"portfolio_id\": 999"));
        assertThat(portfolio.status()).isEqualTo(404);
        assertThat(portfolio.code()).isEqualTo("PORTFOLIO_NOT_FOUND");
        Reply window = post(on, body("").replace("2020-02-03", "1999-01-04"));
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.code()).isEqualTo("WINDOW_OUTSIDE_DATA");
    }

    @Test
    void malformedBodiesAreInvalidRequestNamingTheField() throws Exception {
        assertInvalid("{not json", "body");
        assertInvalid("[1, 2]", "body");
        assertInvalid(body(", \"colour\": \"red\""), "colour");
        assertInvalid(body("").replace("\"portfolio_id\": 1", "\"portfolio_id\": \"one\""), "portfolio_id");
        assertInvalid(body("").replace("\"initial_value\": 1000", "\"initial_value\": \"1000\""), "initial_value");
        assertInvalid(body("").replace("\"2020-02-03\"", "\"03/02/2020\""), "start_date");
        assertInvalid(body("").replace("\"SKIP\"", "\"DROP\""), "missing_data_policy");
        assertInvalid(body("").replace(", \"initial_value\": 1000", ""), "initial_value");
        assertInvalid(body(", \"rebalancing_rule_id\": 1.5"), "rebalancing_rule_id");
        Reply negative = post(on, body("").replace("\"initial_value\": 1000", "\"initial_value\": -1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("INVALID_REQUEST");
    }

    private static void assertInvalid(String body, String field) throws Exception {
        Reply r = post(on, body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_REQUEST");
        assertThat(r.body().get("message").asText()).startsWith(field);
    }

    @Test
    void oversizedBodiesUnknownRoutesMethodsAndRunsAreJsonErrors() throws Exception {
        Reply big = post(on, body(", \"x\": \"" + "a".repeat(ApiServer.MAX_BODY_BYTES) + "\""));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        Reply route = send(on, "GET", "/api/v1/nothing", null);
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.code()).isEqualTo("NOT_FOUND");
        Reply method = send(on, "GET", "/api/v1/backtest/scenario", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.code()).isEqualTo("METHOD_NOT_ALLOWED");
        Reply deleteEvents = send(on, "DELETE", "/api/v1/backtest/scenario/1/rebalancing-events", null);
        assertThat(deleteEvents.status()).isEqualTo(405);
        Reply run = send(on, "GET", "/api/v1/backtest/scenario/424242/rebalancing-events", null);
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.code()).isEqualTo("RUN_NOT_FOUND");
        Reply badId = send(on, "GET", "/api/v1/backtest/scenario/abc/rebalancing-events", null);
        assertThat(badId.status()).isEqualTo(400);
    }

    @Test
    void databaseDownIsA503WithoutInternals() throws Exception {
        Database doomed = TestDatabase.freshMigrated();
        SqlScripts.run(doomed.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        try (ApiServer s = ApiServer.start(new BacktestService(doomed.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0,
                token())) {
            assertThat(send(s, "GET", "/api/v1/health", null).status()).isEqualTo(200);
            TestDatabase.dropForcibly(doomed); // the database is gone: open connections are cut, new ones refused
            Reply r = post(s, body(""));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(r.body().get("message").asText()).doesNotContain("jdbc:").doesNotContain("Exception");
            Reply health = send(s, "GET", "/api/v1/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.code()).isEqualTo("DATABASE_UNAVAILABLE");
        } finally {
            doomed.close();
        }
    }

    private static long storedRuns() throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM simulation_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anInlineRuleTakesPhaseAndDayOffsetAndBadOnesAreRefusedWithNothingStored() throws Exception {
        String shifted = ", \"rule\": \"quarterly\", \"phase\": 1, \"day_offset\": 2";
        Reply r = post(on, body(shifted));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().get("request").get("rule_description").asText())
                .isEqualTo("PERIODIC QUARTERLY, 3rd trading day of each quarter starting February, cost 0.001");
        JsonNode events = send(on, "GET", "/api/v1/backtest/scenario/" + r.body().get("run_id").asLong()
                + "/rebalancing-events", null).body().get("events");
        // 2020-02-03 .. 2021-06-30: February, May, August, November 2020, February, May 2021
        assertThat(events).hasSize(6);
        for (JsonNode e : events) {
            LocalDate d = LocalDate.parse(e.get("event_date").asText());
            assertThat(d.getMonthValue() % 3).as(d.toString()).isEqualTo(2);
            assertThat(d.getDayOfMonth()).as(d.toString()).isBetween(3, 7);
        }
        assertThat(post(on, body(shifted)).body().get("reused").asBoolean()).isTrue();
        String plain = post(on, body(", \"rule\": \"quarterly\"")).body().get("request_hash").asText();
        assertThat(post(on, body(", \"rule\": \"quarterly\", \"phase\": 0, \"day_offset\": 0")).body()
                .get("request_hash").asText()).isEqualTo(plain);
        assertThat(r.body().get("request_hash").asText()).isNotEqualTo(plain);

        long runs = storedRuns();
        String[][] bad = {
                {", \"rule\": \"quarterly\", \"phase\": 3", "INVALID_RULE", "phase"},
                {", \"rule\": \"monthly\", \"phase\": 1", "INVALID_RULE", "phase"},
                {", \"rule\": \"annual\", \"phase\": -1", "INVALID_RULE", "phase"},
                {", \"rule\": \"monthly\", \"day_offset\": 21", "INVALID_RULE", "day_offset"},
                {", \"rule\": \"monthly\", \"day_offset\": 1.5", "INVALID_RULE", "day_offset must be a whole number"},
                {", \"rule\": \"monthly\", \"phase\": \"1\"", "INVALID_RULE", "phase must be a whole number"},
                {", \"rule\": \"drift:0.05\", \"day_offset\": 1", "INVALID_RULE", "DAILY"},
                {", \"rule\": \"drift:0.05\", \"check\": \"daily\", \"phase\": 1", "INVALID_RULE", "DAILY"},
                {", \"phase\": 1", "INVALID_REQUEST", "phase needs \"rule\""}};
        for (String[] b : bad) {
            Reply e = post(on, body(b[0]));
            assertThat(e.status()).as(b[0]).isEqualTo(400);
            assertThat(e.code()).as(b[0]).isEqualTo(b[1]);
            assertThat(e.body().get("message").asText()).as(b[0]).contains(b[2]);
        }
        Reply offShift = post(off, body(", \"day_offset\": 1"));
        assertThat(offShift.status()).isEqualTo(400);
        assertThat(offShift.code()).isEqualTo("REBALANCING_DISABLED");
        assertThat(storedRuns()).isEqualTo(runs);
    }
}
