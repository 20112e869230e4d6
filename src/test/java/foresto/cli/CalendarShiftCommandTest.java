package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --phase} and {@code --day-offset} (SEMANTICS §12.1) on the command line: events, hash, bad input. */
class CalendarShiftCommandTest {
    @TempDir
    static Path dir;
    static Path returns;
    private static final String COLS = "SP500=EQUITY,UST10Y=BOND";

    /** Every weekday from Tuesday 2 January 2024 to Monday 1 July 2024 (130 dates). */
    @BeforeAll
    static void writeFixture() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        LocalDate d = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < 130; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            sb.append(d).append(',').append(i % 2 == 0 ? "0.012" : "-0.004").append(",-0.001\n");
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    private static String[] simulate(String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--returns", returns.toString(), "--columns", COLS,
                "--weights", "EQUITY=0.6,BOND=0.4"));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    private static List<String> eventDates(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> out = new ArrayList<>();
        for (JsonNode e : Json.mapper().readTree(r.out()).get("on").get("events")) {
            out.add(e.get("event_date").asText());
        }
        return out;
    }

    private static String hash(CliRunner.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out()).get("request_hash").asText();
    }

    @Test
    void aShiftedCalendarRuleFiresOnTheShiftedDays() throws Exception {
        // quarters from February (Feb–Apr, May–Jul), 3rd trading day: Thu 1, Fri 2, Mon 5 February; Wed 1, Thu 2, Fri 3 May
        assertThat(eventDates(CliRunner.on(simulate("--rule", "quarterly", "--phase", "1", "--day-offset", "2"))))
                .containsExactly("2024-02-05", "2024-05-03");
        // 2nd last trading day of each month: Jan 30, Feb 28, Mar 28, Apr 29, May 30, Jun 27 (July is incomplete)
        assertThat(eventDates(CliRunner.on(simulate("--rule", "monthly", "--base-day", "last", "--day-offset", "1"))))
                .containsExactly("2024-01-30", "2024-02-28", "2024-03-28", "2024-04-29", "2024-05-30", "2024-06-27");
    }

    @Test
    void aDriftRulesCheckCalendarIsShiftedToo() throws Exception {
        // quarters from March (Dec–Feb is the calendar's first: no FIRST day), 2nd trading day: Mon 4 March, Tue 4 June
        assertThat(eventDates(CliRunner.on(simulate("--rule", "drift:0.0001", "--check", "quarterly", "--phase", "2",
                "--day-offset", "1")))).containsExactly("2024-03-04", "2024-06-04");
    }

    @Test
    void zeroShiftKeepsTheHashAndAnyShiftChangesIt() throws Exception {
        String plain = hash(CliRunner.on(simulate("--rule", "quarterly")));
        assertThat(hash(CliRunner.on(simulate("--rule", "quarterly", "--phase", "0", "--day-offset", "0")))).isEqualTo(plain);
        String phase = hash(CliRunner.on(simulate("--rule", "quarterly", "--phase", "1")));
        String offset = hash(CliRunner.on(simulate("--rule", "quarterly", "--day-offset", "1")));
        assertThat(List.of(plain, phase, offset)).doesNotHaveDuplicates();
    }

    private static void assertInputError(CliRunner.Result r, String code, String text) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + code).contains(text).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badShiftsAreCodedInputErrors() {
        assertInputError(CliRunner.on(simulate("--rule", "quarterly", "--phase", "3")), "INVALID_RULE", "phase");
        assertInputError(CliRunner.on(simulate("--rule", "monthly", "--phase", "1")), "INVALID_RULE", "phase must be 0");
        assertInputError(CliRunner.on(simulate("--rule", "annual", "--phase", "-1")), "INVALID_RULE", "phase");
        assertInputError(CliRunner.on(simulate("--rule", "monthly", "--day-offset", "21")), "INVALID_RULE",
                "day_offset must be between 0 and 20");
        assertInputError(CliRunner.on(simulate("--rule", "drift:0.05", "--day-offset", "1")), "INVALID_RULE", "DAILY");
        assertInputError(CliRunner.on(simulate("--rule", "drift:0.05", "--check", "daily", "--phase", "1")),
                "INVALID_RULE", "DAILY");
        assertInputError(CliRunner.on(simulate("--phase", "1")), "INVALID_REQUEST", "--phase needs --rule");
        assertInputError(CliRunner.off(simulate("--rule", "quarterly", "--phase", "1")), "REBALANCING_DISABLED", "");
        assertInputError(CliRunner.off(simulate("--day-offset", "1")), "REBALANCING_DISABLED", "--day-offset");
        assertInputError(CliRunner.on("sweep", "--returns", returns.toString(), "--columns", COLS, "--weights",
                "EQUITY=0.6,BOND=0.4", "--rules", "quarterly", "--cost-rates", "0.001", "--phase", "1"),
                "INVALID_REQUEST", "--phase is not supported by sweep");
        // run checks its inline rule before it starts a database
        assertInputError(CliRunner.on("run", "--portfolio", "1", "--rule-spec", "drift:0.05", "--day-offset", "2"),
                "INVALID_RULE", "DAILY");
        assertInputError(CliRunner.on("run", "--portfolio", "1", "--day-offset", "2"), "INVALID_REQUEST",
                "--day-offset goes with --rule-spec");
    }
}
