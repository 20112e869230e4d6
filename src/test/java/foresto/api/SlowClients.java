package foresto.api;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.EventRepository;
import foresto.db.Jdbc;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.sample.SyntheticMarket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that hold the API's connections the way a hostile or broken one does: senders that trickle a request
 * one byte a second (half their headers, half their body), and readers that ask for a large event stream and
 * then barely read it. Shared by {@link SlowClientsTest} (what must hold) and {@link SlowClientProbe} (how fast
 * the health check stays meanwhile).
 */
final class SlowClients implements AutoCloseable {
    final List<Socket> headerSenders = new CopyOnWriteArrayList<>();
    final List<Socket> bodySenders = new CopyOnWriteArrayList<>();
    final List<Socket> readers = new CopyOnWriteArrayList<>();
    private final int port;
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "slow-clients");
        t.setDaemon(true);
        return t;
    });

    SlowClients(int port) {
        this.port = port;
    }

    private String host() {
        return "Host: 127.0.0.1:" + port + "\r\n";
    }

    /** {@code n} senders, one byte a second each: the odd ones after complete headers (in the body). */
    void senders(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", port);
            boolean inBody = i % 2 == 1;
            String start = "POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host() + "X-Slow: ";
            if (inBody) {
                start = "POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host() + "Authorization: Bearer " + ApiServerTest.TOKEN + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 60000\r\n\r\n{\"portfolio_id\": 1, ";
            }
            s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            (inBody ? bodySenders : headerSenders).add(s);
            byte one = (byte) (inBody ? ' ' : 'x');
            ticker.scheduleAtFixedRate(() -> {
                try {
                    if (!s.isClosed()) {
                        s.getOutputStream().write(one);
                        s.getOutputStream().flush();
                    }
                } catch (IOException cut) {
                    // the server cut it off: as it should
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** {@code n} readers of the events of {@code runId}, each reading {@code bytesPerSecond} bytes a second. */
    void readers(int n, long runId, int bytesPerSecond) throws IOException {
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(4096); // a small window: the server's writes block soon
            s.connect(new InetSocketAddress("127.0.0.1", port));
            s.getOutputStream().write(("GET /api/v1/backtest/scenario/" + runId + "/rebalancing-events HTTP/1.1\r\n" + host()
                    + "Authorization: Bearer " + ApiServerTest.TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            readers.add(s);
            ticker.scheduleAtFixedRate(() -> {
                try {
                    if (!s.isClosed()) {
                        InputStream in = s.getInputStream();
                        byte[] b = new byte[bytesPerSecond];
                        s.setSoTimeout(50);
                        in.read(b);
                    }
                } catch (IOException ignored) {
                    // nothing there this second, or cut off
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** How long one health check takes now, in nanoseconds (a fresh connection each time); -1 if not 200. */
    long probeHealth(HttpClient http) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        return r.statusCode() == 200 ? took : -1;
    }

    /** A run with {@code events} rebalancing events (one real run's first event, repeated). */
    static long runWithEvents(Database db, int events) throws Exception {
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC slow", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31), 3), false);
        BacktestService svc = new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC());
        long runId = svc.run(new BacktestRequest(1, null, null, null, 100.0, MissingDataPolicy.SKIP, 1L)).runId();
        RebalancingEvent template = svc.events(runId).get(0);
        List<RebalancingEvent> many = new ArrayList<>(events);
        for (int i = 0; i < events - svc.events(runId).size(); i++) {
            many.add(template);
        }
        Jdbc.inTransaction(db.dataSource(), "test", c -> {
            EventRepository.insertAll(c, runId, 1L, many);
            return null;
        });
        return runId;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (List<Socket> l : List.of(headerSenders, bodySenders, readers)) {
            for (Socket s : l) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
