package foresto.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.EventRepository;
import foresto.db.Jdbc;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of a 100,000-event run, fetched by 8 clients at once from a real `serve` process with a small
 * heap: streamed from a database cursor, so memory does not grow with the run (building the whole answer
 * in memory needs ~70 MB per request and runs out).
 */
class LargeRunStreamingTest {
    static final int EVENTS = 100_000;

    @Test
    void eightConcurrentReadersOfAHundredThousandEventsFitInASmallHeap() throws Exception {
        try (Database db = TestDatabase.freshMigrated()) {
            SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
            SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
            new MarketDataRepository(db.dataSource()).insert("SYNTHETIC big", "t", "t", true,
                    SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31), 3), false);
            BacktestService svc = new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC());
            long runId = svc.run(new BacktestRequest(1, null, null, null, 100.0, MissingDataPolicy.SKIP, 1L)).runId();
            RebalancingEvent template = svc.events(runId).get(0);
            List<RebalancingEvent> many = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS - svc.events(runId).size(); i++) {
                many.add(template);
            }
            Jdbc.inTransaction(db.dataSource(), "test", c -> {
                EventRepository.insertAll(c, runId, 1L, many);
                return null;
            });

            Process serve = startServe(db);
            try {
                String url = awaitUrl(serve) + "/api/v1/backtest/scenario/" + runId + "/rebalancing-events";
                HttpClient http = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<Integer>> counts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    counts.add(pool.submit(() -> {
                        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + ApiServerTest.TOKEN)
                                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
                        assertThat(r.statusCode()).isEqualTo(200);
                        return countEvents(r.body());
                    }));
                }
                for (Future<Integer> f : counts) {
                    assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(EVENTS);
                }
                pool.shutdown();
                assertThat(serve.isAlive()).as("the server survived").isTrue();
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Counts the objects in "events" while reading, without holding the answer. */
    private static int countEvents(InputStream body) throws Exception {
        int n = 0;
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "events".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static Process startServe(Database db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                "foresto.cli.Main", "serve", "--port", "0");
        Map<String, String> env = pb.environment();
        env.putAll(TestDatabase.envFor(db, true));
        env.put("FORESTO_CONFIG", "/nonexistent");
        env.put("FORESTO_API_TOKEN", ApiServerTest.TOKEN);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static String awaitUrl(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(Writer.nullWriter());
                    } catch (Exception ignored) {
                        // gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("serve did not start:\n" + seen);
    }
}
