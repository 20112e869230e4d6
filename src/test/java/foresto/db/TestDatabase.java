package foresto.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM (or the server at FORESTO_TEST_DB_URL with
 * FORESTO_TEST_DB_USER / FORESTO_TEST_DB_PASSWORD, which must allow CREATE DATABASE), and a fresh, migrated
 * database per call so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public record Server(String baseUrl, String user, String password) {
        String url(String database) {
            return baseUrl.replaceAll("/[^/?]*(\\?.*)?$", "/" + database + "$1");
        }
    }

    public static synchronized Server server() {
        String external = System.getenv("FORESTO_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new Server(external, System.getenv("FORESTO_TEST_DB_USER"), System.getenv("FORESTO_TEST_DB_PASSWORD"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // JVM is exiting
                }
            }));
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    /** A new empty database on the test server, migrated to the current schema. */
    public static Database freshMigrated() {
        Database db = freshEmpty();
        db.migrate();
        return db;
    }

    /** A new database with no schema at all. */
    public static Database freshEmpty() {
        Server s = server();
        String name = "foresto_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.baseUrl(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name); // generated name, not input
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return Database.connect(s.url(name), s.user(), s.password());
    }

    /** Drops a test database while it is in use: its connections are terminated, new ones fail. */
    public static void dropForcibly(Database db) {
        Server s = server();
        String name = urlOf(db).replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(s.baseUrl(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + name + " WITH (FORCE)"); // a generated test name, not input
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a test database (for commands that take FORESTO_DB_URL). */
    public static String urlOf(Database db) {
        try {
            return db.dataSource().unwrap(HikariDataSource.class).getJdbcUrl();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Environment that points the app's configuration at a test database. */
    public static Map<String, String> envFor(Database db, boolean rebalancing) {
        Server s = server();
        Map<String, String> env = new HashMap<>();
        env.put("FORESTO_DB_URL", urlOf(db));
        if (s.user() != null) {
            env.put("FORESTO_DB_USER", s.user());
        }
        if (s.password() != null) {
            env.put("FORESTO_DB_PASSWORD", s.password());
        }
        env.put("USE_REBALANCING", rebalancing ? "1" : "0");
        return env;
    }
}
