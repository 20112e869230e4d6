package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.json.Json;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Attacks on the API over real sockets: slow clients, foreign Host headers, wrong media types, sloppy JSON. */
class ApiHardeningTest {
    static Database db;
    static ApiServer api;
    static long runId;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC hardening", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 12, 31), 5), false);
        api = ApiServer.start(new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC()), "127.0.0.1", 0, ApiServerTest.token());
        Raw r = raw("POST", "/api/v1/backtest/scenario", "127.0.0.1:" + api.port(), "application/json", body("\"SKIP\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        runId = Json.mapper().readTree(r.body()).get("run_id").asLong();
    }

    @AfterAll
    static void tearDown() {
        api.close();
        db.close();
    }

    static String body(String policy) {
        return "{\"portfolio_id\": 1, \"start_date\": \"2020-02-03\", \"end_date\": \"2021-06-30\", \"initial_value\": 1000,"
                + " \"missing_data_policy\": " + policy + ", \"rebalancing_rule_id\": 1}";
    }

    record Raw(int status, String body) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    /** One HTTP/1.1 request written by hand, so every header is exactly what an attacker would send. */
    static Raw raw(String method, String path, String host, String contentType, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.port())) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (host != null) {
                req.append("Host: ").append(host).append("\r\n");
            }
            req.append("Authorization: Bearer ").append(ApiServerTest.TOKEN).append("\r\n");
            if (contentType != null) {
                req.append("Content-Type: ").append(contentType).append("\r\n");
            }
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            req.append("Content-Length: ").append(b.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            String payload = all.substring(all.indexOf("\r\n\r\n") + 4);
            if (all.toLowerCase().contains("transfer-encoding: chunked")) {
                payload = dechunk(payload);
            }
            return new Raw(status, payload);
        }
    }

    static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int eol = s.indexOf("\r\n", i);
            int size = Integer.parseInt(s.substring(i, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(s, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
    }

    @Test
    void slowClientsAreCutOffAndCannotStallTheServer() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) { // more than the 8 workers
                Socket s = new Socket("127.0.0.1", api.port());
                String start = i % 2 == 0
                        ? "POST /api/v1/backtest/scenario HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\n" // headers, then silence
                        : "POST /api/v1/backtest/scenario HTTP/1.1\r\nHost: 127.0.0.1:" + api.port()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"portfolio_id\": 1,"; // part of the body
                s.getOutputStream().write(start.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                slow.add(s);
            }
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                    + "/api/v1/health")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            for (Socket s : slow) { // every silent client was disconnected by the server
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try {
                    in.transferTo(got);
                } catch (SocketException reset) {
                    // cut off with a reset: disconnected all the same
                }
                assertThat(got.toString(StandardCharsets.UTF_8)).doesNotStartWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "127.0.0.1:1", "localhost", "127.0.0.1.nip.io:PORT", ""})
    void aForeignHostIsMisdirected(String host) throws Exception {
        Raw r = raw("GET", "/api/v1/health", host.isEmpty() ? null : host.replace("PORT", "" + api.port()), null, null);
        assertThat(r.status()).isEqualTo(421);
        assertThat(r.json().get("code").asText()).isEqualTo("MISDIRECTED_REQUEST");
        Raw post = raw("POST", "/api/v1/backtest/scenario", host.isEmpty() ? null : host.replace("PORT", "" + api.port()),
                "application/json", body("\"SKIP\""));
        assertThat(post.status()).isEqualTo(421);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:PORT", "127.0.0.1:PORT", "[::1]:PORT", "LOCALHOST:PORT"})
    void ourOwnNamesAreServed(String host) throws Exception {
        assertThat(raw("GET", "/api/v1/health", host.replace("PORT", "" + api.port()), null, null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1", "application/jsonp", "NONE"})
    void bodiesThatAreNotJsonAreRefused(String type) throws Exception {
        Raw r = raw("POST", "/api/v1/backtest/scenario", "127.0.0.1:" + api.port(), type.equals("NONE") ? null : type,
                body("\"SKIP\""));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() throws Exception {
        Raw r = raw("POST", "/api/v1/backtest/scenario", "127.0.0.1:" + api.port(), "application/json; charset=UTF-8",
                body("\"SKIP\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("reused").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BODY xyz",
            "BODY BODY",
            "BODY {}",
            "{\"portfolio_id\": 1, \"portfolio_id\": 2, \"start_date\": \"2020-02-03\", \"end_date\": \"2021-06-30\", \"initial_value\": 1000, \"missing_data_policy\": \"SKIP\"}",
            "SKIP\\u0000",
            "SKIP\\u0009",
            " SKIP",
            "skip",
            "SK\\u200bIP"})
    void sloppyJsonIsInvalidRequestInOurOwnWords(String variant) throws Exception {
        String b = variant.startsWith("{") ? variant
                : variant.startsWith("BODY") ? variant.replace("BODY", body("\"SKIP\""))
                : body("\"" + variant + "\"");
        Raw r = raw("POST", "/api/v1/backtest/scenario", "127.0.0.1:" + api.port(), "application/json", b);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
        String message = r.json().get("message").asText();
        assertThat(message).doesNotContain("Jackson").doesNotContain("fasterxml").doesNotContain("Feature")
                .doesNotContain("`").doesNotContain("JsonNode").doesNotContain("\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%D9%A1", "%EF%BC%91", "+1", "-1", "0", "1.0", "01x", "99999999999999999999"})
    void runIdsAreAsciiDigitsOnly(String id) throws Exception {
        Raw r = raw("GET", "/api/v1/backtest/scenario/" + id + "/rebalancing-events", "127.0.0.1:" + api.port(), null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void eventsComeInPagesInDateOrder() throws Exception {
        String path = "/api/v1/backtest/scenario/" + runId + "/rebalancing-events";
        JsonNode all = raw("GET", path, "127.0.0.1:" + api.port(), null, null).json();
        assertThat(all.get("total").asInt()).isEqualTo(16).isEqualTo(all.get("events").size());
        JsonNode page = raw("GET", path + "?limit=5&offset=2", "127.0.0.1:" + api.port(), null, null).json();
        assertThat(page.get("events")).hasSize(5);
        for (int i = 0; i < 5; i++) { // events 3..7
            assertThat(page.get("events").get(i)).isEqualTo(all.get("events").get(i + 2));
        }
        assertThat(raw("GET", path + "?offset=15", "127.0.0.1:" + api.port(), null, null).json().get("events")).hasSize(1);
        assertThat(raw("GET", path + "?offset=16", "127.0.0.1:" + api.port(), null, null).json().get("events")).isEmpty();
        for (String bad : new String[] {"?limit=0", "?limit=-1", "?limit=%D9%A1", "?offset=x", "?page=2", "?limit=1&limit=2"}) {
            Raw r = raw("GET", path + bad, "127.0.0.1:" + api.port(), null, null);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
        }
    }
}
