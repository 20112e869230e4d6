package foresto.api;

import foresto.db.Database;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A real {@code serve} makes its token file on first start, says where it is and never prints the token. */
class ServeTokenTest {
    @TempDir
    Path data;

    @Test
    void serveMakesThePrivateTokenFileSaysWhereItIsAndAsksForIt() throws Exception {
        try (Database db = TestDatabase.freshMigrated()) {
            SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "foresto.cli.Main", "serve", "--port", "0");
            Map<String, String> env = pb.environment();
            env.putAll(TestDatabase.envFor(db, true));
            env.remove(ApiToken.ENV);
            env.put("FORESTO_CONFIG", "/nonexistent");
            env.put("FORESTO_DATA_DIR", data.toString());
            pb.redirectErrorStream(true);
            Process serve = pb.start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                String url = null;
                String line;
                while ((line = r.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(line);
                    if (m.find()) {
                        url = m.group(1);
                    }
                    if (line.startsWith("API token:")) {
                        break;
                    }
                }
                assertThat(url).as(seen.toString()).isNotNull();
                Path file = data.resolve(ApiToken.FILE_NAME);
                assertThat(seen.toString()).contains("API token: in " + file);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
                assertThat(seen.toString()).doesNotContain(token);

                HttpClient http = HttpClient.newHttpClient();
                String events = url + "/api/v1/backtest/scenario/424242/rebalancing-events";
                assertThat(http.send(HttpRequest.newBuilder(URI.create(events)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(events)).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
