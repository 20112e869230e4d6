package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API at the HTTP level, over raw sockets: requests Jetty itself refuses are answered in the API's JSON
 * shape with no Java names, media types are strict, keep-alive works, and the bearer token is asked for.
 */
class ApiProtocolTest {
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

    /** A status line, the headers (lower-cased names) and the body of one answer. */
    record Answer(int status, String head, String body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }

        boolean hasHeader(String line) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + line.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as bytes exactly as given and reads the answer until the server closes. */
    static Answer exchange(byte[] request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAll(s.getInputStream()));
        }
    }

    static Answer exchange(String request) throws Exception {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            in.transferTo(got);
        } catch (SocketException reset) {
            // closed with unread bytes on our side: what arrived still counts
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    static Answer parse(String all) {
        assertThat(all).as("an answer").startsWith("HTTP/1.1 ");
        int end = all.indexOf("\r\n\r\n");
        String head = all.substring(0, end + 2);
        String body = all.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = ApiHardeningTest.dechunk(body);
        }
        return new Answer(Integer.parseInt(all.substring(9, 12)), head, body);
    }

    String host() {
        return "Host: 127.0.0.1:" + api.port() + "\r\n";
    }

    static String auth() {
        return "Authorization: Bearer " + ApiServerTest.TOKEN + "\r\n";
    }

    /** A JSON error body with a code and a message, and nothing that names Java, Jetty or HTML. */
    static void assertJsonError(Answer a, int status, String code) throws Exception {
        assertThat(a.status()).as(a.head() + a.body()).isEqualTo(status);
        assertThat(a.hasHeader("content-type: application/json")).as(a.head()).isTrue();
        JsonNode j = a.json();
        assertThat(j.get("code").asText()).as(a.body()).isEqualTo(code);
        assertThat(j.get("message").asText()).isNotBlank();
        assertThat(a.body()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("jetty")
                .doesNotContain("Jetty").doesNotContain("<html").doesNotContain("org.");
    }

    @Test
    void jettysOwnRefusalsAreJsonErrorsWithoutJavaNames() throws Exception {
        String scenario = "POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host() + auth() + "Content-Type: application/json\r\n";
        assertJsonError(exchange(scenario + "Content-Length: abc\r\nConnection: close\r\n\r\n{}"), 400, "INVALID_REQUEST");
        assertJsonError(exchange(scenario + "Content-Length: -5\r\nConnection: close\r\n\r\n{}"), 400, "INVALID_REQUEST");
        assertJsonError(exchange(scenario + "Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}"),
                400, "INVALID_REQUEST");
        assertJsonError(exchange("GET /api/v1/health HTTP/9.9\r\n" + host() + "Connection: close\r\n\r\n"),
                505, "INVALID_REQUEST");
        assertJsonError(exchange("GET /api/v1/health HTTP/1.1\r\n" + host() + "X-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 431, "INVALID_REQUEST");
        assertJsonError(exchange("GET /api/v1/%zz HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n"), 400, "INVALID_REQUEST");
        assertJsonError(exchange("GET /api/v1/nothing HTTP/1.1\r\n" + host() + auth() + "Connection: close\r\n\r\n"),
                404, "NOT_FOUND");
        assertJsonError(exchange("PUT /api/v1/health HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n"),
                405, "METHOD_NOT_ALLOWED");
        assertJsonError(exchange("GET /api/v1/backtest/scenario/1/rebalancing-events?limit=%zz HTTP/1.1\r\n" + host()
                + auth() + "Connection: close\r\n\r\n"), 400, "INVALID_REQUEST");
        assertJsonError(exchange("GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n"), 421, "MISDIRECTED_REQUEST");
        assertJsonError(exchange("FROB /api/v1/health HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n"),
                405, "METHOD_NOT_ALLOWED");
        assertJsonError(exchange(scenario + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                400, "INVALID_REQUEST");
        assertJsonError(exchange(scenario + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\nConnection: close\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"), 400, "INVALID_REQUEST");
    }

    @Test
    void aNulInTheContentTypeIsRefused() throws Exception {
        Answer a = exchange("POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host() + auth()
                + "Content-Type: application/json\u0000\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(a.status()).as(a.body()).isIn(400, 415);
        assertJsonError(a, a.status(), a.status() == 400 ? "INVALID_REQUEST" : "UNSUPPORTED_MEDIA_TYPE");
        assertThat(ApiServer.isJson("application/json\u0000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; foo=bar", "application/json; charset=utf-8; x=1", "application/json;",
            "application/json; charset", "application/json; CHARSET=utf-16", "application/json\u000b"})
    void mediaTypesWithOtherParametersAre415(String type) throws Exception {
        assertThat(ApiServer.isJson(type)).isFalse();
        Answer a = exchange("POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host() + auth() + "Content-Type: " + type
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        if (a.status() != 400) { // a control character may already be refused by the parser
            assertJsonError(a, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\""})
    void jsonWithOrWithoutUtf8IsOurs(String type) {
        assertThat(ApiServer.isJson(type)).isTrue();
    }

    @Test
    void keepAliveRequestsOnOneConnectionAreAllAnswered() throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout(60_000);
            InputStream in = s.getInputStream();
            for (int i = 0; i < 20; i++) {
                s.getOutputStream().write(("GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                String head = readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200");
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *([0-9]+).*", "$1"));
                assertThat(Json.mapper().readTree(in.readNBytes(length)).get("status").asText()).isEqualTo("ok");
            }
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + b);
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void everyRouteButHealthNeedsTheToken() throws Exception {
        String events = "GET /api/v1/backtest/scenario/424242/rebalancing-events HTTP/1.1\r\n" + host();
        for (String authorization : new String[] {"", "Authorization: Bearer wrong-token-aaaaaaaaaaaaaaaaaaa\r\n",
                "Authorization: Bearer " + ApiServerTest.TOKEN + "x\r\n", "Authorization: Basic " + ApiServerTest.TOKEN + "\r\n",
                "Authorization: Bearer\r\n", "Authorization: " + ApiServerTest.TOKEN + "\r\n"}) {
            Answer a = exchange(events + authorization + "Connection: close\r\n\r\n");
            assertJsonError(a, 401, "UNAUTHORIZED");
            assertThat(a.hasHeader("www-authenticate: bearer")).as(a.head()).isTrue();
            assertThat(a.body()).doesNotContain(ApiServerTest.TOKEN);
        }
        assertJsonError(exchange("POST /api/v1/backtest/scenario HTTP/1.1\r\n" + host()
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), 401, "UNAUTHORIZED");
        assertJsonError(exchange("GET /api/v1/anything-else HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n"),
                401, "UNAUTHORIZED"); // no route is disclosed without the token
        assertJsonError(exchange(events + auth() + "Connection: close\r\n\r\n"), 404, "RUN_NOT_FOUND");
        assertJsonError(exchange(events + "authorization: bearer " + ApiServerTest.TOKEN + "\r\nConnection: close\r\n\r\n"),
                404, "RUN_NOT_FOUND");
        Answer health = exchange("GET /api/v1/health HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
    }
}
