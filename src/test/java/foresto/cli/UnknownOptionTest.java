package foresto.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line picocli cannot parse is one coded line, INVALID_ARGUMENT naming the culprit, exit 2; help is unchanged. */
class UnknownOptionTest {
    @Test
    void anUnknownOptionIsInvalidArgumentNamingItWithExitTwo() {
        CliRunner.Result r = CliRunner.off("simulate", "--frobnicate", "--weights", "EQUITY=1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: INVALID_ARGUMENT: ").contains("--frobnicate").doesNotContain("Usage");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownTopLevelOptionToo() {
        CliRunner.Result r = CliRunner.off("--no-such-thing");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: INVALID_ARGUMENT: ").contains("--no-such-thing").doesNotContain("Usage");
    }

    @Test
    void aControlCharacterInTheArgumentIsNotPrintedRaw() {
        CliRunner.Result r = CliRunner.off("simulate", "--bad\nerror: FORGED");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: INVALID_ARGUMENT: ").contains("\\u000a");
    }

    @Test
    void helpIsStillTheUsageTextWithExitZero() {
        CliRunner.Result top = CliRunner.off("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).startsWith("Usage: foresto").contains("simulate");
        CliRunner.Result sub = CliRunner.off("simulate", "--help");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).startsWith("Usage: foresto simulate").contains("--returns");
        assertThat(sub.err()).isEmpty();
    }
}
