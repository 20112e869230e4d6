package foresto.db;

import foresto.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart right after a crash: the app (a child JVM serving the API) and its postmaster are both killed with
 * SIGKILL, and the next app starts at once. The postmaster's children outlive it for a moment and still hold its
 * shared memory; the next start must find them, wait a few seconds at most, and start, without a stack trace.
 *
 * <p>The suite runs {@value #ROUNDS_IN_SUITE} rounds; the full probe (20 rounds) is
 * {@code mvn -B -ntp test -Dtest=CrashRestartTest -Dforesto.crashRounds=20 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CrashRestartTest {
    static final int ROUNDS_IN_SUITE = 3;
    /** Far below the embedded library's 30 s wait that a failed start used to run into. */
    private static final long START_SECONDS = 20;
    private static final long FIRST_START_SECONDS = 180;

    @Test
    void killingTheAppAndItsPostmasterThenStartingAtOnceWorksEveryTime(@TempDir Path home) throws Exception {
        int rounds = Integer.getInteger("foresto.crashRounds", ROUNDS_IN_SUITE);
        Path pidFile = home.resolve("pgdata").resolve("postmaster.pid");
        List<Long> millis = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            Process app = EmbeddedServerTest.startServeProcess(home);
            StringBuilder output = new StringBuilder();
            try {
                long limit = round == 1 ? FIRST_START_SECONDS : START_SECONDS; // the first one creates the database
                boolean up = awaitLine(app, "listening", output, limit);
                assertThat(up).as("round %d: the app did not start within %d s:%n%s", round, limit, output).isTrue();
                millis.add((System.nanoTime() - t0) / 1_000_000);
                long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                ProcessHandle pm = ProcessHandle.of(postmaster).orElseThrow();
                pm.destroyForcibly(); // kill -9 of the postmaster …
                app.destroyForcibly(); // … and of the app, at once
                app.waitFor(10, TimeUnit.SECONDS);
                pm.onExit().get(10, TimeUnit.SECONDS);
            } finally {
                app.destroyForcibly();
            }
            assertThat(output.toString()).as("round %d printed a stack trace", round).doesNotContain("\tat ")
                    .doesNotContain("Exception");
        }
        AppConfig config = AppConfig.of(Map.of("FORESTO_DATA_DIR", home.toString(), "FORESTO_CONFIG", "/nonexistent"));
        try (Database db = Database.open(config, m -> { }); Connection c = db.dataSource().getConnection()) {
            assertThat(c.isValid(2)).isTrue();
        }
        Files.writeString(Path.of("target", "crash-restart-ms.txt"), millis.toString());
        assertThat(millis.subList(1, millis.size())).as("ms from launch to listening, per round").allMatch(ms -> ms < START_SECONDS * 1000);
    }

    private static boolean awaitLine(Process p, String needle, StringBuilder seen, long seconds) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                p.destroyForcibly();
            } catch (InterruptedException ignored) {
                // the line came in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains(needle)) {
                    return true;
                }
            }
            return false;
        } finally {
            watchdog.interrupt();
        }
    }
}
