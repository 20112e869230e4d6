package foresto.db;

import com.zaxxer.hikari.HikariDataSource;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.config.AppConfig;
import foresto.engine.MissingDataPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL that holds user data: durable, password-protected, loopback only, and it
 * survives a hard-killed app. Real servers, real processes, real kills.
 */
class EmbeddedServerTest {

    @Test
    void commitsAreDurableAndEveryConnectionNeedsThePassword(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        try (EmbeddedServer pg = EmbeddedServer.start(dir, m -> { })) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, pg.password());
                 Statement st = c.createStatement()) {
                assertThat(show(st, "fsync")).isEqualTo("on");
                assertThat(show(st, "synchronous_commit")).isEqualTo("on");
                assertThat(show(st, "full_page_writes")).isEqualTo("on");
                assertThat(show(st, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(st, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            Path pw = EmbeddedServer.passwordFile(dir);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pw))).isEqualTo("rw-------");
            assertThat(Files.readString(pw).trim()).isEqualTo(pg.password()).hasSize(48);
            assertThat(Files.readAllLines(dir.resolve("pg_hba.conf")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))).noneMatch(l -> l.contains("trust"));
        }
        // a restart reads the same password and keeps the data
        try (EmbeddedServer again = EmbeddedServer.start(dir, m -> { });
             Connection c = DriverManager.getConnection(again.jdbcUrl(), EmbeddedServer.USER, again.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustGetsAPasswordOnItsNextStart(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        Files.createDirectories(dir);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedServer pg = EmbeddedServer.start(dir, m -> { })) {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, null).close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, pg.password());
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT x FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    /**
     * Every acknowledged run survives a crash of the server right after the answer: a backend killed with
     * SIGKILL makes PostgreSQL drop everything not yet on disk (with synchronous_commit off: the last commits).
     */
    @Test
    void anAcknowledgedRunSurvivesAServerCrashRightAfterTheAnswer(@TempDir Path home) throws Exception {
        AppConfig config = AppConfig.of(Map.of("FORESTO_DATA_DIR", home.toString(), "FORESTO_CONFIG", "/nonexistent"));
        try (Database db = Database.openReady(config, m -> { })) {
            BacktestService svc = new BacktestService(db.dataSource(), FeatureFlags.OFF, Clock.systemUTC());
            long portfolio = svc.portfolios().get(0).portfolioId();
            List<Long> acknowledged = new ArrayList<>();
            EmbeddedServer pg = db.embeddedServer();
            for (int i = 0; i < 5; i++) {
                Connection victim = connectWhenUp(pg);
                long victimPid = backendPid(victim);
                BacktestResult r = svc.run(new BacktestRequest(portfolio, null, LocalDate.of(2020, 1, 2),
                        LocalDate.of(2024, 12, 31), 1000.0 + i, MissingDataPolicy.SKIP, null));
                ProcessHandle backend = ProcessHandle.of(victimPid).orElseThrow();
                backend.destroyForcibly(); // kill -9, right after the answer
                acknowledged.add(r.runId());
                backend.onExit().get(30, TimeUnit.SECONDS);
                closeQuietly(victim);
                closeQuietly(connectWhenUp(pg)); // the postmaster has reset and recovered from its WAL
                db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean()
                        .softEvictConnections(); // the pool's connections died with the server

            }
            for (long id : acknowledged) {
                assertThat(svc.findRun(id).runId()).isEqualTo(id);
                assertThat(svc.open(id).paths().dates()).isNotEmpty();
            }
        }
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // its backend was killed on purpose
        }
    }

    private static Connection connectWhenUp(EmbeddedServer pg) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, pg.password());
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                    return c;
                }
            } catch (SQLException e) {
                Thread.sleep(100); // crash recovery in progress
            }
        }
        throw new AssertionError("the server did not recover from the crash");
    }

    /** A hard-killed app leaves its server running; the next start stops that server by its pid and starts. */
    @Test
    void aServerLeftByAHardKilledAppIsStoppedAndTheNextStartWorks(@TempDir Path home) throws Exception {
        Process app = startServeProcess(home);
        long postmaster;
        try {
            awaitLine(app, "listening");
            Path pidFile = home.resolve("pgdata").resolve("postmaster.pid");
            postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            // a second live instance on the same data directory gets a clear error, not a hang
            AppConfig config = AppConfig.of(Map.of("FORESTO_DATA_DIR", home.toString(), "FORESTO_CONFIG", "/nonexistent"));
            assertThatThrownBy(() -> Database.open(config, m -> { }).close())
                    .hasMessageContaining("in use by another running Foresto");
        } finally {
            app.destroyForcibly(); // kill -9 of the app: its shutdown hooks never run
            app.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(postmaster)).as("the leftover server outlived the app").isPresent();
        List<String> progress = new ArrayList<>();
        AppConfig config = AppConfig.of(Map.of("FORESTO_DATA_DIR", home.toString(), "FORESTO_CONFIG", "/nonexistent"));
        try (Database db = Database.open(config, p -> progress.add(p.toString())); Connection c = db.dataSource().getConnection()) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThat(progress).anyMatch(m -> m.contains("left running by an earlier Foresto") && m.contains("" + postmaster));
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    static Process startServeProcess(Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "foresto.cli.Main",
                "serve", "--port", "0");
        pb.environment().put("FORESTO_DATA_DIR", home.toString());
        pb.environment().put("FORESTO_CONFIG", "/nonexistent");
        pb.environment().remove("FORESTO_DB_URL");
        pb.redirectErrorStream(true);
        return pb.start();
    }

    static void awaitLine(Process p, String needle) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(needle)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (Exception ignored) {
                        // process gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the process never printed '" + needle + "':\n" + seen);
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
