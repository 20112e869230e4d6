package foresto.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.ResultJson;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small HTTP API (P2-B9, P2-B10) on the JDK's HTTP server. Routes:
 * {@code POST /api/v1/backtest/scenario}, {@code GET /api/v1/backtest/scenario/{run_id}/rebalancing-events},
 * {@code GET /api/v1/health}. Every error body is {@code {"code": ..., "message": ...}}.
 */
public final class ApiServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern EVENTS = Pattern.compile("^/api/v1/backtest/scenario/([^/]+)/rebalancing-events/?$");
    private static final Pattern SCENARIO = Pattern.compile("^/api/v1/backtest/scenario/?$");

    private final HttpServer server;
    private final ExecutorService workers;
    private final BacktestService service;

    private ApiServer(HttpServer server, ExecutorService workers, BacktestService service) {
        this.server = server;
        this.workers = workers;
        this.service = service;
    }

    public static ApiServer start(BacktestService service, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "foresto-http");
            t.setDaemon(true);
            return t;
        });
        ApiServer api = new ApiServer(server, workers, service);
        server.createContext("/", api::handle);
        server.setExecutor(workers);
        server.start();
        return api;
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
        } catch (ForestoException e) {
            sendError(ex, e);
        } catch (RuntimeException e) {
            System.err.println("foresto-http: internal error on " + ex.getRequestURI().getPath() + ": " + e);
            e.printStackTrace();
            sendError(ex, new ForestoException(ErrorCode.INTERNAL_ERROR, "internal error (see the server log)"));
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        Matcher events = EVENTS.matcher(path);
        if (SCENARIO.matcher(path).matches()) {
            requireMethod(ex, "POST");
            String body = readBody(ex);
            BacktestResult r = service.run(ScenarioRequestParser.parse(body, service.flags()));
            send(ex, 200, ResultJson.backtest(r));
        } else if (events.matches()) {
            requireMethod(ex, "GET");
            long runId = parseRunId(events.group(1));
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("run_id", runId);
            o.set("events", ResultJson.events(service.events(runId)));
            send(ex, 200, o);
        } else if (path.equals("/api/v1/health")) {
            requireMethod(ex, "GET");
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("status", "ok");
            o.put("use_rebalancing", service.flags().useRebalancing());
            send(ex, 200, o);
        } else {
            throw new ForestoException(ErrorCode.NOT_FOUND, "no route " + method + " " + path);
        }
    }

    private static void requireMethod(HttpExchange ex, String allowed) {
        if (!ex.getRequestMethod().equals(allowed)) {
            ex.getResponseHeaders().set("Allow", allowed);
            throw new ForestoException(ErrorCode.METHOD_NOT_ALLOWED, ex.getRequestMethod() + " is not allowed here; use " + allowed);
        }
    }

    private static long parseRunId(String s) {
        try {
            long id = Long.parseLong(s);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ForestoException(ErrorCode.INVALID_REQUEST, "run_id must be a positive integer, got '" + s + "'");
    }

    private static String readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "bad Content-Length");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static ForestoException tooLarge() {
        return new ForestoException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static void sendError(HttpExchange ex, ForestoException e) throws IOException {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", e.code().name());
        o.put("message", e.getMessage());
        send(ex, e.code().httpStatus(), o);
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
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
