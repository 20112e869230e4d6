package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.PortfolioService;
import foresto.db.Database;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/portfolios}: every portfolio with its weights and whether it is active, behind the token. */
class PortfolioApiTest {
    static Database db;
    static ApiServer api;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        api = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0,
                ApiServerTest.token());
    }

    @AfterAll
    static void tearDown() {
        api.close();
        db.close();
    }

    @Test
    void listsSampleAndOwnPortfoliosWithWeightsAndActive() throws Exception {
        PortfolioService portfolios = new PortfolioService(db.dataSource());
        long mine = portfolios.add("연금 70/30", PortfolioService.parseWeights("EQUITY=0.7,BOND=0.3")).portfolio().portfolioId();
        long old = portfolios.add("Retired mix", PortfolioService.parseWeights("SHORT_TERM=1")).portfolio().portfolioId();
        portfolios.deactivate("Retired mix");

        ApiServerTest.Reply r = ApiServerTest.send(api, "GET", "/api/v1/portfolios", null);
        assertThat(r.status()).isEqualTo(200);
        Map<Long, JsonNode> byId = new HashMap<>();
        r.body().get("portfolios").forEach(p -> byId.put(p.get("id").asLong(), p));
        assertThat(byId).containsKeys(mine, old);
        JsonNode m = byId.get(mine);
        assertThat(m.get("name").asText()).isEqualTo("연금 70/30");
        assertThat(m.get("active").asBoolean()).isTrue();
        assertThat(m.get("weights").get("EQUITY").asDouble()).isEqualTo(0.7);
        assertThat(m.get("weights").get("BOND").asDouble()).isEqualTo(0.3);
        assertThat(m.get("weights").size()).isEqualTo(2);
        assertThat(byId.get(old).get("active").asBoolean()).isFalse();
        assertThat(r.body().get("portfolios").findValuesAsText("name")).contains("Balanced 60/30/10");
    }

    @Test
    void aDeactivatedPortfolioTakesNoNewRuns() throws Exception {
        PortfolioService portfolios = new PortfolioService(db.dataSource());
        long gone = portfolios.add("Closed mix", PortfolioService.parseWeights("BOND=1")).portfolio().portfolioId();
        portfolios.deactivate("Closed mix");
        ApiServerTest.Reply r = ApiServerTest.send(api, "POST", "/api/v1/backtest/scenario", "{\"portfolio_id\": " + gone
                + ", \"start_date\": \"2010-01-04\", \"end_date\": \"2010-12-31\", \"initial_value\": 1, \"missing_data_policy\": \"SKIP\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("PORTFOLIO_INACTIVE");
        assertThat(r.body().get("message").asText()).contains("Closed mix").contains("deactivated");
    }

    @Test
    void asksForTheToken() throws Exception {
        HttpResponse<String> r = ApiServerTest.HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/portfolios"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("UNAUTHORIZED");
    }
}
