package foresto.api;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.TestDatabase;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures what {@link SlowClientsTest} cannot assert on a shared machine: the health check's latency (p50, p99,
 * max over 50 probes) while 16 senders trickle a byte a second and 8 readers slowly read a 100,000-event stream,
 * and keep-alive against fresh-connection request times (TCP_NODELAY). Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) foresto.api.SlowClientProbe}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
final class SlowClientProbe {
    private SlowClientProbe() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (Database db = TestDatabase.freshMigrated()) {
            long runId = SlowClients.runWithEvents(db, events);
            try (ApiServer api = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()),
                    "127.0.0.1", 0, ApiServerTest.token())) {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 20; i++) {
                    http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/health")).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                report("keep-alive request, ms (mean of 200)", keepAlive(api.port(), 200));
                report("fresh-connection request, ms (mean of 200)", fresh(api.port(), 200));
                int port = api.port();
                health("health alone (the machine's own latency)", port, http, false);
                health("health under 16 slow senders (renewed every 8 s)", port, http, true);
                try (SlowClients readers = new SlowClients(port)) {
                    readers.readers(8, runId, 1024);
                    Thread.sleep(3000);
                    health("health under 8 slow readers of " + events + " events", port, http, false);
                    health("health under 16 slow senders + 8 slow readers of " + events + " events", port, http, true);
                }
            }
        }
    }

    /** 50 probes, 100 ms apart: how many failed, p50, p99, max. */
    private static void health(String what, int port, HttpClient http, boolean senders) throws Exception {
        long[] took = new long[50];
        SlowClients slow = new SlowClients(port);
        try {
            long renewed = System.nanoTime();
            if (senders) {
                slow.senders(16);
                Thread.sleep(2000);
            }
            for (int i = 0; i < took.length; i++) {
                if (senders && System.nanoTime() - renewed > 8e9) { // before the request deadline cuts them off
                    slow.close();
                    slow = new SlowClients(port);
                    slow.senders(16);
                    renewed = System.nanoTime();
                }
                took[i] = slow.probeHealth(http);
                Thread.sleep(100);
            }
        } finally {
            slow.close();
        }
        Arrays.sort(took);
        System.out.printf(Locale.ROOT, "%s: failed %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                Arrays.stream(took).filter(t -> t < 0).count(), took[24] / 1e6, took[48] / 1e6, took[49] / 1e6);
    }

    private static void report(String what, double ms) {
        System.out.printf(Locale.ROOT, "%s: %.2f%n", what, ms);
    }

    private static final String HEALTH = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n";

    private static double keepAlive(int port, int n) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.getOutputStream().write(String.format(Locale.ROOT, HEALTH, port).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                readAnswer(in);
            }
            return (System.nanoTime() - t0) / 1e6 / n;
        }
    }

    private static double fresh(int port, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(String.format(Locale.ROOT, HEALTH, port).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                readAnswer(s.getInputStream());
            }
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static void readAnswer(InputStream in) throws Exception {
        String head = ApiProtocolTest.readHead(in);
        int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *([0-9]+).*", "$1"));
        in.readNBytes(length);
    }
}
