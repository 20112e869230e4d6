package foresto.api;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients cannot stall the API: while 16 senders trickle requests one byte a second and 8 readers sit on
 * a large event stream, the health check answers; then the senders are cut off by the request deadline (the
 * ones in their body with a JSON 408). How fast health answers meanwhile is measured by {@link SlowClientProbe}
 * (no wall-clock limits in tests).
 */
class SlowClientsTest {
    @Test
    void healthAnswersWhileSixteenSlowSendersAndEightSlowReadersHoldConnectionsAndTheSendersAreCutOff() throws Exception {
        try (Database db = TestDatabase.freshMigrated()) {
            long runId = SlowClients.runWithEvents(db, 10_000);
            try (ApiServer api = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()),
                    "127.0.0.1", 0, ApiServerTest.token());
                 SlowClients slow = new SlowClients(api.port())) {
                slow.readers(8, runId, 16);
                slow.senders(16);
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 10; i++) {
                    assertThat(slow.probeHealth(http)).as("health answers 200 while they hold on").isPositive();
                    Thread.sleep(200);
                }
                for (Socket s : slow.bodySenders) { // past the deadline: a JSON 408, then the connection is closed
                    s.setSoTimeout(60_000);
                    String answer = ApiProtocolTest.readAll(s.getInputStream());
                    assertThat(answer).startsWith("HTTP/1.1 408");
                    assertThat(ApiProtocolTest.parse(answer).json().get("code").asText()).isEqualTo("INVALID_REQUEST");
                }
                for (Socket s : slow.headerSenders) { // still in their headers at the deadline: disconnected
                    s.setSoTimeout(60_000);
                    assertThat(ApiProtocolTest.readAll(s.getInputStream())).doesNotStartWith("HTTP/1.1 200");
                }
                assertThat(slow.probeHealth(http)).isPositive();
            }
        }
    }
}
