package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health check has a database connection of its own: with ten slow readers of a long event stream holding
 * every connection of the pool (ten), it still answers 200 with the database ok, instead of waiting behind them
 * for the pool's timeout and calling a database that is fine unavailable.
 */
class HealthBesideStreamsTest {
    @Test
    void healthAnswersWhileTenSlowStreamsHoldTheWholePool() throws Exception {
        try (Database db = TestDatabase.freshMigrated()) {
            long runId = SlowClients.runWithEvents(db, 10_000);
            HikariDataSource pool = (HikariDataSource) db.dataSource();
            try (ApiServer api = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()),
                    "127.0.0.1", 0, ApiServerTest.token());
                 SlowClients slow = new SlowClients(api.port())) {
                slow.readers(10, runId, 16);
                // every stream has its connection and is blocked on its slow reader: the pool has none left
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (pool.getHikariPoolMXBean().getActiveConnections() < pool.getMaximumPoolSize()) {
                    assertThat(System.nanoTime()).as("the ten streams take the pool's ten connections").isLessThan(deadline);
                    Thread.sleep(20);
                }
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                            + "/api/v1/health")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    JsonNode body = Json.mapper().readTree(r.body());
                    assertThat(body.get("database").asText()).isEqualTo("ok");
                    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("the streams still hold the pool")
                            .isEqualTo(pool.getMaximumPoolSize());
                }
            }
        }
    }
}
