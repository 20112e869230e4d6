package foresto.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.ResultJson;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The small HTTP API, on Jetty's core server (non-blocking I/O, no servlet layer). Routes:
 * {@code POST /api/v1/backtest/scenario}, {@code GET /api/v1/backtest/scenario/{run_id}/rebalancing-events}
 * ({@code ?limit=&offset=}, streamed), {@code POST /api/v1/backtest/robustness} and
 * {@code GET /api/v1/backtest/robustness/{study_id}} ({@link RobustnessRoute}), {@code GET /api/v1/health}. Every
 * error body, Jetty's own included, is
 * {@code {"code": ..., "message": ...}}.
 *
 * <p>Hardened for a machine shared with other users and with a browser: every route but the health check needs
 * the {@link ApiToken} ({@code Authorization: Bearer …}, else 401); a request must name us in its {@code Host}
 * header (localhost, 127.0.0.1 or [::1] with our port; else 421, so a DNS-rebinding page cannot reach us); a body
 * must be {@code application/json} with no parameter but {@code charset=utf-8} (else 415, so a cross-site form or
 * {@code text/plain} POST cannot drive us). Slow clients hold no thread while they send, and are cut off: a
 * request (headers and body) must be in within {@link #REQUEST_SECONDS} s, a silent connection is closed after
 * {@link #IDLE_SECONDS} s, an answer that the client does not read within {@link #RESPONSE_SECONDS} s is cut.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Time a client has to send a whole request (headers and body). */
    public static final long REQUEST_SECONDS = Long.getLong("foresto.http.requestSeconds", 10);
    static final long REQUEST_NANOS = TimeUnit.SECONDS.toNanos(REQUEST_SECONDS);
    /** Time a connection may stay silent (between requests, or stuck mid-way) before it is closed. */
    public static final long IDLE_SECONDS = Long.getLong("foresto.http.idleSeconds", 30);
    /** Time a client has to read a whole answer (a large event stream included). */
    public static final long RESPONSE_SECONDS = Long.getLong("foresto.http.responseSeconds", 300);
    /** Request line and headers together; more is 431. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int MAX_THREADS = 64;
    private static final String EVENTS = "/api/v1/backtest/scenario/([^/]+)/rebalancing-events/?";
    private static final String SCENARIO = "/api/v1/backtest/scenario/?";
    private static final String ROBUSTNESS = "/api/v1/backtest/robustness/?";
    private static final String ROBUSTNESS_STUDY = "/api/v1/backtest/robustness/([^/]+)/?";
    private static final String HEALTH = "/api/v1/health";
    /**
     * Writes one event into the stream without flushing it: the generator's buffer goes out when full, not as
     * one tiny chunk (and one wake-up of a slow reader's socket) per event.
     */
    private static final ObjectWriter EVENT_WRITER = Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Server server;
    private final ServerConnector connector;
    private final BacktestService service;
    private final ApiToken token;
    private final Router router = new Router();
    private volatile Set<String> allowedHosts = Set.of();
    private final RobustnessRoute robustness;

    private ApiServer(BacktestService service, ApiToken token, String host, int port) {
        this.service = service;
        this.robustness = new RobustnessRoute(service.robustness());
        this.token = token;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("foresto-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setIdleTimeout(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(64);
        connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        connector.setAcceptedTcpNoDelay(true); // an answer goes out at once, not after the client's delayed ACK
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        routes(router);
    }

    /** The API's routes: one line each. */
    private void routes(Router r) {
        r.add("POST", SCENARIO, this::scenario);
        r.add("GET", EVENTS, this::events);
        r.add("POST", ROBUSTNESS, this::robustness);
        r.add("GET", ROBUSTNESS_STUDY, this::robustnessStudy);
        r.add("GET", PortfolioRoute.PATH, ex -> PortfolioRoute.list(ex, service));
        r.addOpen("GET", HEALTH, this::health);
    }

    /** Starts the API on {@code host:port} (0 = any free port), asking every route but the health check for {@code token}. */
    public static ApiServer start(BacktestService service, String host, int port, ApiToken token) throws IOException {
        ApiServer api = new ApiServer(service, token, host, port);
        SlowHeaderGuard guard = new SlowHeaderGuard(api.server.getScheduler(), REQUEST_NANOS);
        api.connector.addBean(guard);
        api.server.setHandler(api.new Entry(guard));
        try {
            api.server.start();
        } catch (IOException e) {
            api.close();
            throw e;
        } catch (Exception e) {
            api.close();
            throw new IOException("cannot start the HTTP server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        api.allowedHosts = allowedHosts(host, api.port());
        return api;
    }

    /** Every request comes in here: Host, token, route, then the route itself. */
    private final class Entry extends Handler.Abstract {
        private final SlowHeaderGuard guard;

        Entry(SlowHeaderGuard guard) {
            this.guard = guard;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Connection connection = request.getConnectionMetaData().getConnection();
            guard.handling(connection);
            Request.addCompletionListener(request, failure -> guard.done(connection));
            Exchange ex = new Exchange(request, response, callback, server.getScheduler(), REQUEST_NANOS,
                    TimeUnit.SECONDS.toNanos(RESPONSE_SECONDS));
            ex.run(e -> {
                requireOurHost(e);
                if (!router.isOpen(e.path())) {
                    requireToken(e);
                }
                Router.Match m = router.find(e);
                e.route(m.path());
                m.route().handle(e);
            });
            return true;
        }
    }

    /** The Host header values we answer to: loopback names with our port, plus an explicit non-loopback bind. */
    static Set<String> allowedHosts(String bindHost, int port) {
        Set<String> s = new HashSet<>();
        for (String h : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            s.add(h + ":" + port);
        }
        try {
            InetAddress a = InetAddress.getByName(bindHost);
            if (!a.isAnyLocalAddress() && !a.isLoopbackAddress()) {
                s.add(bindHost.toLowerCase(Locale.ROOT) + ":" + port);
            }
        } catch (IOException ignored) {
            // the server bound it, so it resolves; nothing to add otherwise
        }
        return Set.copyOf(s);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        String host = connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private void scenario(Exchange ex) {
        ex.requireJsonBody();
        ex.body(body -> {
            BacktestResult r = service.run(ScenarioRequestParser.parse(body, service.flags()));
            // the window it used, from its stored paths (not recomputed; its events, which may be many, not read)
            ex.sendJson(200, ResultJson.backtest(r, service.paths(r.runId()).dates(),
                    service.cashFlows(r.runId()).orElse(null)));
        });
    }

    private void robustness(Exchange ex) {
        ex.requireJsonBody();
        ex.body(body -> {
            RobustnessRoute.Answer a = robustness.post(body);
            ex.sendJson(a.status(), a.body());
        });
    }

    private void robustnessStudy(Exchange ex) {
        RobustnessRoute.Answer a = robustness.poll(ex.pathGroup(1));
        ex.sendJson(a.status(), a.body());
    }

    private void health(Exchange ex) {
        service.checkDatabase();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("status", "ok");
        o.put("database", "ok");
        o.put("use_rebalancing", service.flags().useRebalancing());
        ex.sendJson(200, o);
    }

    /**
     * Writes the events as they come from the database: memory stays bounded by one fetch batch whatever the
     * run's size.
     */
    private void events(Exchange ex) throws IOException {
        long runId = ScenarioRequestParser.runId(ex.pathGroup(1));
        EventPage page = EventPage.parse(ex.rawQuery());
        long total = service.eventCount(runId); // RUN_NOT_FOUND before anything is sent
        ex.stream(out -> {
            try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("run_id", runId);
                g.writeNumberField("total", total);
                g.writeNumberField("offset", page.offset());
                if (page.limit() != null) {
                    g.writeNumberField("limit", page.limit());
                } else {
                    g.writeNullField("limit");
                }
                g.writeArrayFieldStart("events");
                service.streamEvents(runId, page.offset(), page.limit(), e -> EVENT_WRITER.writeValue(g, e));
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private void requireOurHost(Exchange ex) {
        String host = ex.requestHeader("Host");
        if (host == null || !allowedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ForestoException(ErrorCode.MISDIRECTED_REQUEST, "this server answers only to "
                    + "localhost:" + port() + " (or 127.0.0.1 / [::1]); the request was addressed to "
                    + (host == null ? "no host" : "another host"));
        }
    }

    private void requireToken(Exchange ex) {
        if (!token.accepts(ex.requestHeader("Authorization"))) {
            ex.header("WWW-Authenticate", "Bearer realm=\"foresto\"");
            throw new ForestoException(ErrorCode.UNAUTHORIZED, "this API needs its token: send the header "
                    + "Authorization: Bearer <token>, with the token from " + token.source());
        }
    }

    /**
     * Whether a Content-Type is JSON we read: {@code application/json}, with no parameter but
     * {@code charset=utf-8} (any case, quoted or not), and no control characters anywhere.
     */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (!kv[0].trim().equalsIgnoreCase("charset") || kv.length != 2
                    || !kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.setStopTimeout(1000);
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            robustness.close();
        }
    }
}
