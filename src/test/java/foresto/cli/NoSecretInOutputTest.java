package foresto.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever form the database URL takes, a failing command never prints the password. */
class NoSecretInOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:Secret1@127.0.0.1:1/db",
            "jdbc:postgresql://u:Secret1@127.0.0.1:1/db",
            "jdbc:postgresql://127.0.0.1:1/db?user=u&password=Secret1",
            "jdbc:postgresql://127.0.0.1:1/db?password=Secret1&user=u",
            "postgres://Secret1@127.0.0.1:1/db",
            "mysql://u:Secret1@127.0.0.1:1/db",
            "jdbc:postgresql://u:Secret1@no-such-host.invalid/db"})
    void aFailingConnectionNeverPrintsThePassword(String url) {
        PrintStream realErr = System.err;
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        CliRunner.Result r;
        System.setErr(new PrintStream(processErr, true)); // libraries' own logging goes here
        try {
            r = CliRunner.run(Map.of("FORESTO_DB_URL", url, "FORESTO_DB_USER", "u", "FORESTO_DB_PASSWORD", "Secret1"),
                    "db", "info");
        } finally {
            System.setErr(realErr);
        }
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("DATABASE_UNAVAILABLE");
        assertThat(r.out() + r.err() + processErr).doesNotContain("Secret1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/db", "jdbc:postgresql://u:Secret1@127.0.0.1:1/db"})
    void theConfiguredPasswordIsNotPrintedEvenWhereTheDriverWouldEchoIt(String url) {
        CliRunner.Result r = CliRunner.run(Map.of("FORESTO_DB_URL", url, "FORESTO_DB_PASSWORD", "Secret1",
                "FORESTO_DEBUG", "1"), "db", "info");
        assertThat(r.out() + r.err()).doesNotContain("Secret1");
    }
}
