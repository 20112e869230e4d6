package foresto.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Failures;
import foresto.backtest.ResultJson;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small HTTP API on the JDK's HTTP server. Routes:
 * {@code POST /api/v1/backtest/scenario}, {@code GET /api/v1/backtest/scenario/{run_id}/rebalancing-events}
 * ({@code ?limit=&offset=}, streamed), {@code POST /api/v1/backtest/robustness} and
 * {@code GET /api/v1/backtest/robustness/{study_id}} ({@link RobustnessRoute}), {@code GET /api/v1/health}. Every error body is
 * {@code {"code": ..., "message": ...}}.
 *
 * <p>Hardened for a machine where a browser also runs: a request must name us in its {@code Host} header
 * (localhost, 127.0.0.1 or [::1] with our port; else 421, so a DNS-rebinding page cannot reach us), a body
 * must be {@code application/json} (else 415, so a cross-site form or {@code text/plain} POST cannot drive
 * us), and a client that sends part of a request and then goes silent is cut off after
 * {@link #REQUEST_SECONDS} seconds, so slow clients cannot hold every worker.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of an oversized body is read and dropped so the client still gets its 413. */
    private static final long MAX_DRAIN_BYTES = 4L * 1024 * 1024;
    /** Time a client has to send a whole request (headers and body). */
    public static final long REQUEST_SECONDS = Long.getLong("foresto.http.requestSeconds", 10);
    private static final int WORKERS = 8;
    private static final Pattern EVENTS = Pattern.compile("^/api/v1/backtest/scenario/([^/]+)/rebalancing-events/?$");
    private static final Pattern SCENARIO = Pattern.compile("^/api/v1/backtest/scenario/?$");
    private static final Pattern ROBUSTNESS = Pattern.compile("^/api/v1/backtest/robustness/?$");
    private static final Pattern ROBUSTNESS_STUDY = Pattern.compile("^/api/v1/backtest/robustness/([^/]+)/?$");

    static {
        // The JDK server reads these once, when its classes load: set before the first server is created.
        defaultProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_SECONDS));
        defaultProperty("sun.net.httpserver.maxRspTime", "300");
        defaultProperty("sun.net.httpserver.idleInterval", "30");
        defaultProperty("sun.net.httpserver.maxReqHeaders", "64");
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final BacktestService service;
    private final Set<String> allowedHosts;
    private final RobustnessRoute robustness;

    private ApiServer(HttpServer server, ExecutorService workers, BacktestService service, Set<String> allowedHosts) {
        this.server = server;
        this.workers = workers;
        this.service = service;
        this.allowedHosts = allowedHosts;
        this.robustness = new RobustnessRoute(service.robustness());
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public static ApiServer start(BacktestService service, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "foresto-http");
            t.setDaemon(true);
            return t;
        });
        ApiServer api = new ApiServer(server, workers, service, allowedHosts(host, server.getAddress().getPort()));
        server.createContext("/", api::handle);
        server.setExecutor(workers);
        server.start();
        return api;
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
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (IOException e) {
            // the client went away or was cut off (timeout): nobody to answer
        } catch (RuntimeException e) {
            ForestoException fe = Failures.of(e);
            if (fe.code() == ErrorCode.INTERNAL_ERROR) {
                LOG.error("internal error on {}", ex.getRequestURI().getPath(), e);
                fe = new ForestoException(ErrorCode.INTERNAL_ERROR, "internal error (see the server log)");
            }
            sendErrorIfPossible(ex, fe);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        requireOurHost(ex);
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        Matcher events = EVENTS.matcher(path);
        Matcher study = ROBUSTNESS_STUDY.matcher(path);
        if (SCENARIO.matcher(path).matches()) {
            requireMethod(ex, "POST");
            requireJsonBody(ex);
            String body = readBody(ex);
            BacktestResult r = service.run(ScenarioRequestParser.parse(body, service.flags()));
            // the window it used, from its stored paths (not recomputed; its events, which may be many, not read)
            send(ex, 200, ResultJson.backtest(r, service.paths(r.runId()).dates()));
        } else if (ROBUSTNESS.matcher(path).matches()) {
            requireMethod(ex, "POST");
            requireJsonBody(ex);
            RobustnessRoute.Answer a = robustness.post(readBody(ex));
            send(ex, a.status(), a.body());
        } else if (study.matches()) {
            requireMethod(ex, "GET");
            RobustnessRoute.Answer a = robustness.poll(study.group(1));
            send(ex, a.status(), a.body());
        } else if (events.matches()) {
            requireMethod(ex, "GET");
            streamEvents(ex, ScenarioRequestParser.runId(events.group(1)),
                    EventPage.parse(ex.getRequestURI().getRawQuery()));
        } else if (path.equals("/api/v1/health")) {
            requireMethod(ex, "GET");
            service.checkDatabase();
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("status", "ok");
            o.put("database", "ok");
            o.put("use_rebalancing", service.flags().useRebalancing());
            send(ex, 200, o);
        } else {
            throw new ForestoException(ErrorCode.NOT_FOUND, "no route " + method + " " + path);
        }
    }

    private void requireOurHost(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !allowedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ForestoException(ErrorCode.MISDIRECTED_REQUEST, "this server answers only to "
                    + "localhost:" + port() + " (or 127.0.0.1 / [::1]); the request was addressed to "
                    + (host == null ? "no host" : "another host"));
        }
    }

    private static void requireJsonBody(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!isJson(type)) {
            throw new ForestoException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as Content-Type: application/json (UTF-8)");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].trim().equalsIgnoreCase("charset")
                    && !(kv.length == 2 && kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    private static void requireMethod(HttpExchange ex, String allowed) {
        if (!ex.getRequestMethod().equals(allowed)) {
            ex.getResponseHeaders().set("Allow", allowed);
            throw new ForestoException(ErrorCode.METHOD_NOT_ALLOWED, ex.getRequestMethod() + " is not allowed here; use " + allowed);
        }
    }

    /**
     * Writes the events as they come from the database: memory stays bounded by one fetch batch whatever
     * the run's size. A failure after the first byte can only cut the response short (a client sees an
     * incomplete chunked body, never a complete-looking wrong one).
     */
    private void streamEvents(HttpExchange ex, long runId, EventPage page) throws IOException {
        long total = service.eventCount(runId); // RUN_NOT_FOUND before anything is sent
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody();
             JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
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
            service.streamEvents(runId, page.offset(), page.limit(), e -> Json.mapper().writeValue(g, e));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            if (!length.trim().matches("[0-9]{1,18}")) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "bad Content-Length");
            }
            if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                drain(ex);
                throw tooLarge();
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(ex);
                throw tooLarge();
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads and discards what the client is still sending (up to a bound), so the 413 reaches it: closing a
     * connection with unread data makes TCP reset it, and the client would see a reset instead of our answer.
     */
    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] sink = new byte[8192];
            long left = MAX_DRAIN_BYTES;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        }
    }

    private static ForestoException tooLarge() {
        return new ForestoException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static void sendErrorIfPossible(HttpExchange ex, ForestoException e) throws IOException {
        if (ex.getResponseCode() != -1) {
            return; // the answer had begun: closing the exchange cuts it short
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", e.code().name());
        o.put("message", e.getMessage());
        try {
            send(ex, e.code().httpStatus(), o);
        } catch (IOException gone) {
            // the client is gone
        }
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        robustness.close();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
