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

/**
 * POST /api/v1/backtest/robustness over real HTTP against a real PostgreSQL: the answer's keys, reuse, refusals,
 * and the request deadline rule (a server whose threshold is one path-day answers every new study with 202).
 */
class RobustnessApiTest {
    static Database db;
    static ApiServer on;
    static ApiServer off;
    static ApiServer deferring;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC api", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 12, 31), 5), false);
        on = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0, ApiServerTest.token());
        off = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.OFF, Clock.systemUTC()), "127.0.0.1", 0, ApiServerTest.token());
        System.setProperty(RobustnessRoute.SYNC_WORK_PROPERTY, "1");
        try {
            deferring = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()),
                    "127.0.0.1", 0, ApiServerTest.token());
        } finally {
            System.clearProperty(RobustnessRoute.SYNC_WORK_PROPERTY);
        }
    }

    @AfterAll
    static void tearDown() {
        on.close();
        off.close();
        deferring.close();
        db.close();
    }

    static ApiServerTest.Reply post(ApiServer s, String fields) throws Exception {
        return ApiServerTest.send(s, "POST", RobustnessRoute.PATH, "{\"portfolio_id\": 1, \"start_date\": \"2020-02-03\", "
                + "\"end_date\": \"2021-06-30\", \"initial_value\": 1000, \"missing_data_policy\": \"SKIP\", " + fields + "}");
    }

    static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aSmallTimingStudyAnswersAtOnceAndIsReusedAfterwards() throws Exception {
        ApiServerTest.Reply r = post(on, "\"kind\": \"timing\", \"rule\": \"quarterly\", \"offsets\": [0, 1]");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(keys(r.body())).containsExactly("study_id", "reused", "periods_per_year", "frequency", "off",
                "variants", "timing_luck", "spread", "best", "worst", "tranche");
        assertThat(r.body().get("variants")).hasSize(6); // phases 0..2 × offsets 0, 1
        assertThat(r.body().get("reused").asBoolean()).isFalse();
        long id = r.body().get("study_id").asLong();

        ApiServerTest.Reply again = post(on, "\"kind\": \"timing\", \"rule\": \"quarterly\", \"offsets\": [1, 0]");
        assertThat(again.body().get("reused").asBoolean()).isTrue();
        assertThat(again.body().get("study_id").asLong()).isEqualTo(id);
        assertThat(again.body().get("variants")).isEqualTo(r.body().get("variants"));

        ApiServerTest.Reply got = ApiServerTest.send(on, "GET", RobustnessRoute.PATH + "/" + id, null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().get("tranche")).isEqualTo(r.body().get("tranche"));
    }

    @Test
    void aWindowsStudyHasTheCommandLinesKeys() throws Exception {
        ApiServerTest.Reply r = post(on, "\"kind\": \"windows\", \"rebalancing_rule_id\": 1, \"length_months\": 6, "
                + "\"step_months\": 3");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(keys(r.body())).containsExactly("study_id", "reused", "periods_per_year", "frequency", "windows",
                "summary");
        assertThat(keys(r.body().get("windows").get(0))).containsExactly("start", "end", "on", "off", "premium");
        // 2020-02-03 + 3i months, 6 months long, ending by 2021-06-30: i = 0 … 3
        assertThat(r.body().get("summary").get("count").asInt()).isEqualTo(4);
    }

    @Test
    void aLargeStudyAnswers202AndItsPollGivesTheAnswerWhenStored() throws Exception {
        String fields = "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"versus\": \"quarterly\", \"paths\": 30, "
                + "\"seed\": \"18446744073709551615\", \"per_path\": true";
        ApiServerTest.Reply r = post(deferring, fields);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
        long id = r.body().get("study_id").asLong();
        assertThat(r.body().get("status").asText()).isEqualTo("running");
        assertThat(r.body().get("poll").asText()).isEqualTo("/api/v1/backtest/robustness/" + id);
        ApiServerTest.Reply polled = ApiServerTest.send(deferring, "GET", r.body().get("poll").asText(), null);
        for (int i = 0; i < 600 && polled.status() == 202; i++) {
            Thread.sleep(100);
            polled = ApiServerTest.send(deferring, "GET", r.body().get("poll").asText(), null);
        }
        assertThat(polled.status()).as(polled.body().toString()).isEqualTo(200);
        assertThat(keys(polled.body())).containsExactly("study_id", "reused", "periods_per_year", "frequency", "paths",
                "block", "seed", "p_beats", "p_beats_se", "cagr_diff", "max_drawdown_diff", "fan", "per_path");
        assertThat(polled.body().get("study_id").asLong()).isEqualTo(id);
        assertThat(polled.body().get("per_path")).hasSize(30);
        assertThat(polled.body().get("seed").asText()).isEqualTo("18446744073709551615");
        // stored now: the same request answers at once, even on the deferring server
        ApiServerTest.Reply again = post(deferring, fields.replace(", \"per_path\": true", ""));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("reused").asBoolean()).isTrue();
        assertThat(again.body().has("per_path")).isFalse();
        assertThat(again.body().get("p_beats")).isEqualTo(polled.body().get("p_beats"));
    }

    @Test
    void badInputGetsItsCodeAndUnknownStudiesAre404() throws Exception {
        assertThat(post(off, "\"kind\": \"timing\", \"rule\": \"quarterly\"").code()).isEqualTo("REBALANCING_DISABLED");
        assertThat(post(on, "\"rule\": \"quarterly\"").code()).isEqualTo("INVALID_REQUEST"); // no kind
        assertThat(post(on, "\"kind\": \"sweep\", \"rule\": \"quarterly\"").code()).isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"timing\", \"rule\": \"quarterly\", \"paths\": 10").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"paths\": 0").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"paths\": 100001").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"block\": 0.9").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"versus\": \"monthly\"").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"bootstrap\", \"rule\": \"monthly\", \"seed\": -1").code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(post(on, "\"kind\": \"windows\", \"rule\": \"monthly\", \"length_months\": 18").code())
                .isEqualTo("INVALID_REQUEST"); // 2020-02-03..2021-06-30 holds no 18-month window
        assertThat(post(on, "\"kind\": \"timing\", \"rule\": \"quarterly\", \"phases\": [3]").code())
                .isEqualTo("INVALID_RULE");
        assertThat(post(on, "\"kind\": \"timing\", \"rule\": \"quarterly\", \"offsets\": [21]").code())
                .isEqualTo("INVALID_RULE");
        ApiServerTest.Reply band = post(on, "\"kind\": \"timing\", \"rule\": \"drift:0.05\"");
        assertThat(band.code()).isEqualTo("INVALID_RULE");
        assertThat(band.body().get("message").asText()).contains("windows");
        assertThat(ApiServerTest.send(on, "GET", RobustnessRoute.PATH + "/987654", null).status()).isEqualTo(404);
        assertThat(ApiServerTest.send(on, "GET", RobustnessRoute.PATH + "/x1", null).code()).isEqualTo("INVALID_REQUEST");
        assertThat(ApiServerTest.send(on, "GET", RobustnessRoute.PATH, null).status()).isEqualTo(405);
    }
}
