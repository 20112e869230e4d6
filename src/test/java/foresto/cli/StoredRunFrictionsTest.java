package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.api.ApiServer;
import foresto.api.ApiToken;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.db.Database;
import foresto.db.TestDatabase;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frictions met on the way (issue 20), on a stored dataset of 1,009 month ends (1925-12-31 … 2009-12-31, the shape
 * of the bundled monthly data): {@code import-returns} says which frequency it detected, and {@code run},
 * {@code report}'s summary JSON and the HTTP API's scenario answer say the window the run used, read from the stored
 * paths, when the requested start is not a date of the calendar.
 */
class StoredRunFrictionsTest {
    private static final String TOKEN = "test-token-aaaaaaaaaaaaaaaaaaaaaaaa";
    @TempDir
    static Path dir;
    static Database db;
    static Map<String, String> env;
    static long datasetId;
    static String importOutput;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.freshEmpty();
        env = TestDatabase.envFor(db, true);
        StringBuilder sb = new StringBuilder("date,STOCKS,BONDS\n");
        YearMonth m = YearMonth.of(1925, 12);
        for (int k = 0; k <= 1008; k++, m = m.plusMonths(1)) {
            sb.append(m.atEndOfMonth()).append(',').append(k % 3 == 0 ? "0.02" : "-0.005").append(",0.003\n");
        }
        Path file = dir.resolve("monthly.csv");
        Files.writeString(file, sb.toString());
        CliRunner.Result r = CliRunner.run(env, "import-returns", file.toString(), "--dataset", "monthly frictions",
                "--columns", "STOCKS=EQUITY,BONDS=BOND");
        assertThat(r.exitCode()).as(r.err()).isZero();
        importOutput = r.out();
        Matcher id = Pattern.compile("\\(id (\\d+)\\)").matcher(importOutput);
        assertThat(id.find()).as(importOutput).isTrue();
        datasetId = Long.parseLong(id.group(1));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void importReturnsSaysWhichFrequencyItDetected() {
        assertThat(importOutput).contains("1,009 rows 1925-12-31..2009-12-31 (monthly, 1,008 returns)");
    }

    private static void assertWindow(JsonNode j) {
        // asked from 1930-06-15 (not a month end) to 1935-12-15: bought at the close of June 1930
        assertThat(j.get("purchase_date").asText()).isEqualTo("1930-06-30");
        assertThat(j.get("first_return_date").asText()).isEqualTo("1930-07-31");
        assertThat(j.get("last_date").asText()).isEqualTo("1935-11-30");
        assertThat(j.get("request").get("start_date").asText()).isEqualTo("1930-06-15");
    }

    @Test
    void runSaysTheWindowItUsedNewAndReused() throws Exception {
        String[] args = {"run", "--portfolio", "Growth 80/20", "--dataset", "monthly frictions", "--start", "1930-06-15",
                "--end", "1935-12-15", "--rule-spec", "annual", "--base-day", "last"};
        CliRunner.Result first = CliRunner.run(env, args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode a = Json.mapper().readTree(first.out());
        assertThat(a.get("reused").asBoolean()).isFalse();
        assertWindow(a);

        CliRunner.Result second = CliRunner.run(env, args);
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode b = Json.mapper().readTree(second.out());
        assertThat(b.get("reused").asBoolean()).isTrue();
        assertWindow(b);
    }

    @Test
    void reportSummarySaysTheWindowItUsed() throws Exception {
        Path out = dir.resolve("report");
        CliRunner.Result r = CliRunner.run(env, "report", "--portfolio", "Growth 80/20", "--dataset", "monthly frictions",
                "--start", "1930-06-15", "--end", "1935-12-15", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertWindow(Json.mapper().readTree(out.resolve("summary.json").toFile()));
    }

    @Test
    void theApiScenarioAnswerSaysTheWindowItUsed() throws Exception {
        BacktestService service = new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC());
        long portfolio = service.portfolios().stream().filter(p -> p.name().equals("Growth 80/20")).findFirst()
                .orElseThrow().portfolioId();
        try (ApiServer api = ApiServer.start(service, "127.0.0.1", 0, ApiToken.of(TOKEN, "the test"))) {
            String body = "{\"portfolio_id\": " + portfolio + ", \"dataset_id\": " + datasetId + ", \"start_date\": \""
                    + LocalDate.of(1930, 6, 15) + "\", \"end_date\": \"1935-12-15\", \"initial_value\": 1, "
                    + "\"missing_data_policy\": \"SKIP\", \"rule\": \"quarterly\"}";
            for (int i = 0; i < 2; i++) { // new, then reused
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(api.baseUrl() + "/api/v1/backtest/scenario")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode j = Json.mapper().readTree(r.body());
                assertThat(j.get("reused").asBoolean()).isEqualTo(i == 1);
                assertWindow(j);
            }
        }
    }
}
