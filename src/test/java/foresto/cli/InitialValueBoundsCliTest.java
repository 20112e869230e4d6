package foresto.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --initial-value} outside [1e-6, 1e15] is refused with a code; the edges are accepted. */
class InitialValueBoundsCliTest {
    @TempDir
    static Path dir;

    private static CliRunner.Result simulate(String v) throws Exception {
        Path p = dir.resolve("r.csv");
        if (!Files.exists(p)) {
            StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
            LocalDate d = LocalDate.of(2024, 1, 2);
            for (int i = 0; i < 40; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
                sb.append(d).append(',').append(i % 2 == 0 ? "0.012" : "-0.004").append(",-0.001\n");
            }
            Files.writeString(p, sb.toString());
        }
        return CliRunner.on("simulate", "--returns", p.toString(), "--columns", "SP500=EQUITY,UST10Y=BOND",
                "--weights", "EQUITY=0.6,BOND=0.4", "--rule", "monthly", "--initial-value", v);
    }

    @Test
    void tinyAndSubnormalValuesAreValueOutOfRange() throws Exception {
        for (String v : new String[] {"1e-7", "1e-320", "5e-324"}) {
            CliRunner.Result r = simulate(v);
            assertThat(r.exitCode()).as(v + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(v).startsWith("error: VALUE_OUT_OF_RANGE").contains("[1e-6, 1e15]");
            assertThat(r.out()).as(v).isEmpty();
        }
    }

    @Test
    void theEdgesAreAccepted() throws Exception {
        for (String v : new String[] {"1e-6", "1e15"}) {
            CliRunner.Result r = simulate(v);
            assertThat(r.exitCode()).as(v + ": " + r.err()).isZero();
            assertThat(r.out()).contains("\"on\"");
        }
    }
}
