package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frictions met on the way (issue 20): the window a run actually used is in the JSON of {@code simulate} and
 * {@code sweep}, and {@code simulate} without {@code --rule} accepts {@code --base-day} and {@code --cost-rate} and
 * says they were unused.
 */
class SimulateFrictionsTest {
    @TempDir
    static Path dir;
    static Path returns;

    private static final String COLS = "SPX=EQUITY,TSY=BOND";
    private static final String W = "EQUITY=0.6,BOND=0.4";

    /**
     * Trading days around New Year 2024 written out: 2024-01-01 (a holiday) and the weekends are absent, as is
     * Friday 2024-01-12 (so a requested end on it ends on the Thursday before).
     */
    @BeforeAll
    static void writeFixture() throws Exception {
        String[] dates = {"2023-12-27", "2023-12-28", "2023-12-29", "2024-01-02", "2024-01-03", "2024-01-04",
                "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-16", "2024-01-17"};
        StringBuilder sb = new StringBuilder("date,SPX,TSY\n");
        for (int i = 0; i < dates.length; i++) {
            sb.append(dates[i]).append(',').append(i % 2 == 0 ? "0.01" : "-0.005").append(",0.001\n");
        }
        returns = dir.resolve("holidays.csv");
        Files.writeString(returns, sb.toString());
    }

    private static String[] simulate(String... extra) {
        String[] base = {"simulate", "--returns", returns.toString(), "--columns", COLS, "--weights", W};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    private static JsonNode ok(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void simulateSaysWhenItBoughtAndWhichWindowItUsedWhenTheStartIsAHoliday() throws Exception {
        JsonNode j = ok(CliRunner.off(simulate("--start", "2024-01-01", "--end", "2024-01-13")));
        assertThat(j.get("purchase_date").asText()).isEqualTo("2024-01-02");
        assertThat(j.get("first_return_date").asText()).isEqualTo("2024-01-03");
        assertThat(j.get("last_date").asText()).isEqualTo("2024-01-11");

        JsonNode whole = ok(CliRunner.on(simulate("--rule", "monthly")));
        assertThat(whole.get("purchase_date").asText()).isEqualTo("2023-12-27");
        assertThat(whole.get("first_return_date").asText()).isEqualTo("2023-12-28");
        assertThat(whole.get("last_date").asText()).isEqualTo("2024-01-17");
    }

    @Test
    void sweepSaysTheWindowItsCellsUsed() throws Exception {
        JsonNode j = ok(CliRunner.on("sweep", "--returns", returns.toString(), "--columns", COLS, "--weights", W,
                "--start", "2024-01-01", "--end", "2024-01-15", "--rules", "monthly,drift:0.05", "--cost-rates", "0"));
        assertThat(j.get("purchase_date").asText()).isEqualTo("2024-01-02");
        assertThat(j.get("first_return_date").asText()).isEqualTo("2024-01-03");
        assertThat(j.get("last_date").asText()).isEqualTo("2024-01-11");
    }

    @Test
    void simulateWithoutARuleAcceptsBaseDayAndCostRateAndSaysTheyWereUnused() throws Exception {
        JsonNode plain = ok(CliRunner.off(simulate()));
        assertThat(plain.has("unused_options")).isFalse();

        // the flag off too: an OFF-only run needs no rebalancing, and these options change nothing in it
        for (CliRunner.Result r : new CliRunner.Result[] {CliRunner.off(simulate("--base-day", "last", "--cost-rate", "0.002")),
                CliRunner.on(simulate("--cost-rate", "0.002", "--base-day", "last"))}) {
            JsonNode j = ok(r);
            assertThat(j.get("unused_options")).extracting(JsonNode::asText).containsExactly("--base-day", "--cost-rate");
            assertThat(j.has("on")).isFalse();
            assertThat(j.get("request_hash").asText()).isEqualTo(plain.get("request_hash").asText());
            assertThat(j.get("off")).isEqualTo(plain.get("off"));
        }
        JsonNode costOnly = ok(CliRunner.off(simulate("--cost-rate", "0")));
        assertThat(costOnly.get("unused_options")).extracting(JsonNode::asText).containsExactly("--cost-rate");

        // with a rule they are used, and not listed
        JsonNode used = ok(CliRunner.on(simulate("--rule", "monthly", "--base-day", "last", "--cost-rate", "0.002")));
        assertThat(used.has("unused_options")).isFalse();
        assertThat(used.has("on")).isTrue();
    }

    @Test
    void theOtherRuleOptionsStillNeedARuleAndABadBaseDayIsStillAnError() {
        CliRunner.Result check = CliRunner.on(simulate("--base-day", "last", "--check", "monthly"));
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).startsWith("error: INVALID_REQUEST").contains("--check needs --rule");

        CliRunner.Result bad = CliRunner.off(simulate("--base-day", "middle"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: INVALID_RULE").contains("base day must be first or last");
        assertThat(bad.out()).isEmpty();
    }
}
