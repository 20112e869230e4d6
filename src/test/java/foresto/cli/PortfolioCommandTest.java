package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.PortfolioService;
import foresto.db.Database;
import foresto.db.PortfolioRepository;
import foresto.db.TestDatabase;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.PortfolioRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code foresto portfolio add|list|edit|deactivate} and {@code run --portfolio} on them, against a real PostgreSQL. */
class PortfolioCommandTest {
    static Database db;
    static Map<String, String> off;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshEmpty();
        off = TestDatabase.envFor(db, false);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    private static void refused(CliRunner.Result r, String code, String text) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + code + ": ").contains(text);
    }

    private static JsonNode listed(String name) throws Exception {
        JsonNode all = ok(CliRunner.run(off, "portfolio", "list")).get("portfolios");
        List<JsonNode> found = new ArrayList<>();
        all.forEach(p -> {
            if (p.get("name").asText().equals(name)) {
                found.add(p);
            }
        });
        assertThat(found).as(all.toString()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aKoreanPortfolioIsAddedListedRunAndThenKeptForItsRuns() throws Exception {
        JsonNode added = ok(CliRunner.run(off, "portfolio", "add", "--name", "  나의 배분 ", "--weights",
                "EQUITY=0.5, BOND=0.3,GOLD=0.2"));
        long id = added.get("id").asLong();
        assertThat(added.get("name").asText()).isEqualTo("나의 배분");
        assertThat(added.get("active").asBoolean()).isTrue();
        assertThat(added.get("weights").get("EQUITY").asDouble()).isEqualTo(0.5);
        assertThat(added.get("weights").get("BOND").asDouble()).isEqualTo(0.3);
        assertThat(added.get("weights").get("GOLD").asDouble()).isEqualTo(0.2);
        assertThat(added.get("weights").has("SHORT_TERM")).isFalse();

        JsonNode row = listed("나의 배분");
        assertThat(row.get("id").asLong()).isEqualTo(id);
        assertThat(listed("Balanced 60/30/10").get("active").asBoolean()).isTrue();
        // the pickers' list (BacktestService.portfolios) sees it at once
        BacktestService svc = new BacktestService(db.dataSource(), FeatureFlags.OFF, Clock.systemUTC());
        assertThat(svc.portfolios()).extracting(PortfolioRecord::name).contains("나의 배분");

        JsonNode run = ok(CliRunner.run(off, "run", "--portfolio", "나의 배분", "--start", "2010-01-04", "--end", "2010-12-31"));
        assertThat(run.get("request").get("portfolio_id").asLong()).isEqualTo(id);
        JsonNode byId = ok(CliRunner.run(off, "run", "--portfolio", String.valueOf(id), "--start", "2010-01-04",
                "--end", "2010-12-31"));
        assertThat(byId.get("reused").asBoolean()).isTrue();

        // used by a stored run: its weights never change under it, even to another valid mix
        refused(CliRunner.run(off, "portfolio", "edit", "나의 배분", "--weights", "EQUITY=0.6,BOND=0.4"),
                "PORTFOLIO_IN_USE", "weights: portfolio '나의 배분' is used by 1 stored run");
        assertThat(listed("나의 배분").get("weights").get("EQUITY").asDouble()).isEqualTo(0.5);
        // the store checks again under the row lock, whoever calls it
        assertThatThrownBy(() -> new PortfolioRepository(db.dataSource()).update(id, "나의 배분",
                PortfolioService.parseWeights("EQUITY=0.6,BOND=0.4")))
                .isInstanceOfSatisfying(ForestoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PORTFOLIO_IN_USE));
        assertThat(listed("나의 배분").get("weights").get("EQUITY").asDouble()).isEqualTo(0.5);
        // the same weights again are no change; a new name is allowed
        JsonNode renamed = ok(CliRunner.run(off, "portfolio", "edit", String.valueOf(id), "--name", "나의 배분 v1",
                "--weights", "GOLD=0.2,BOND=0.3,EQUITY=0.5"));
        assertThat(renamed.get("id").asLong()).isEqualTo(id);
        assertThat(renamed.get("name").asText()).isEqualTo("나의 배분 v1");

        JsonNode gone = ok(CliRunner.run(off, "portfolio", "deactivate", "나의 배분 v1"));
        assertThat(gone.get("active").asBoolean()).isFalse();
        assertThat(listed("나의 배분 v1").get("active").asBoolean()).isFalse();
        assertThat(svc.portfolios()).extracting(PortfolioRecord::name).doesNotContain("나의 배분 v1");
        refused(CliRunner.run(off, "run", "--portfolio", "나의 배분 v1", "--start", "2010-01-04"),
                "PORTFOLIO_NOT_FOUND", "나의 배분 v1");
        refused(CliRunner.run(off, "run", "--portfolio", String.valueOf(id), "--start", "2010-01-04"),
                "PORTFOLIO_INACTIVE", "portfolio '나의 배분 v1' (id " + id + ") is deactivated");
        assertThat(CliRunner.run(off, "run", "--portfolio", "나의 배분 v1").err()).contains("it is deactivated");
        // the stored run still opens
        assertThat(svc.findRun(run.get("run_id").asLong()).runId()).isEqualTo(run.get("run_id").asLong());
    }

    @Test
    void anUnusedPortfolioIsReweightedInPlace() throws Exception {
        long id = ok(CliRunner.run(off, "portfolio", "add", "--name", "Edit me", "--weights", "EQUITY=1")).get("id").asLong();
        JsonNode edited = ok(CliRunner.run(off, "portfolio", "edit", "Edit me", "--weights", "EQUITY=0.25,SHORT_TERM=0.75"));
        assertThat(edited.get("id").asLong()).isEqualTo(id);
        assertThat(edited.get("weights").get("SHORT_TERM").asDouble()).isEqualTo(0.75);
        assertThat(listed("Edit me").get("weights").get("EQUITY").asDouble()).isEqualTo(0.25);
        refused(CliRunner.run(off, "portfolio", "edit", "Edit me"), "INVALID_ARGUMENT", "--name or --weights");
        refused(CliRunner.run(off, "portfolio", "edit", "Edit me", "--name", "Growth 80/20"),
                "PORTFOLIO_NAME_TAKEN", "name: a portfolio named 'Growth 80/20' already exists");
        refused(CliRunner.run(off, "portfolio", "edit", "No such one", "--name", "x"), "PORTFOLIO_NOT_FOUND", "No such one");
    }

    @Test
    void everyInputIsCheckedWithItsCodeAndField() {
        refused(CliRunner.run(off, "portfolio", "add", "--name", "Growth 80/20", "--weights", "EQUITY=1"),
                "PORTFOLIO_NAME_TAKEN", "name: a portfolio named 'Growth 80/20' already exists");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "short", "--weights", "EQUITY=0.5,BOND=0.4"),
                "INVALID_WEIGHTS", "weights: weights must sum to 1");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "over", "--weights", "EQUITY=1.5,BOND=-0.5"),
                "INVALID_WEIGHTS", "weights: EQUITY must be a number from 0 to 1");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "unknown", "--weights", "EQUITY=0.5,CRYPTO=0.5"),
                "UNKNOWN_ASSET_CLASS", "weights: unknown asset class 'CRYPTO'");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "twice", "--weights", "EQUITY=0.5,EQUITY=0.5"),
                "INVALID_WEIGHTS", "weights: EQUITY is given twice");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "nan", "--weights", "EQUITY=abc"),
                "INVALID_WEIGHTS", "weights: EQUITY is not a number");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "off by 2e-9", "--weights", "EQUITY=0.500000002,BOND=0.5"),
                "INVALID_WEIGHTS", "weights:");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "42", "--weights", "EQUITY=1"),
                "INVALID_REQUEST", "name: must not be only digits");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "two\nlines", "--weights", "EQUITY=1"),
                "INVALID_REQUEST", "name: must be one line");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "   ", "--weights", "EQUITY=1"),
                "INVALID_REQUEST", "name: is required");
        refused(CliRunner.run(off, "portfolio", "add", "--name", "x".repeat(101), "--weights", "EQUITY=1"),
                "INVALID_REQUEST", "name: is longer than 100");
    }

    @Test
    void weightsWithinOneBillionthOfOneAreAccepted() throws Exception {
        JsonNode p = ok(CliRunner.run(off, "portfolio", "add", "--name", "near one", "--weights", "EQUITY=0.5000000005,BOND=0.5"));
        assertThat(p.get("weights").get("EQUITY").asDouble()).isEqualTo(0.5000000005);
    }
}
