package foresto.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import foresto.config.AppConfig;
import foresto.config.JdbcUrl;
import foresto.config.Secrets;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.StartupProgress;
import foresto.model.StartupProgress.Step;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database the app talks to: a team server when {@code FORESTO_DB_URL} (or {@code db.url}) is set,
 * otherwise an embedded PostgreSQL whose data directory lives in the user's data directory and survives
 * restarts. Reached through one HikariCP pool; migrated by Flyway from {@code seed/migration}.
 */
public final class Database implements AutoCloseable {
    public static final String SCHEMA = "foresto";
    static final String MIGRATIONS = "classpath:foresto/seed/migration";

    /** pgjdbc logs rejected URLs (with their user-info) through java.util.logging: keep it silent. */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(Level.OFF);
    }

    private final HikariDataSource dataSource;
    private final EmbeddedServer embedded;
    private final String displayUrl;

    private Database(HikariDataSource dataSource, EmbeddedServer embedded, String displayUrl) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.displayUrl = displayUrl;
    }

    /** Opens the configured database (embedded when none is configured); does not migrate. */
    public static Database open(AppConfig config, Consumer<StartupProgress> progress) {
        if (config.dbUrl().isPresent()) {
            progress.accept(StartupProgress.of(Step.CONNECTING, redact(config.dbUrl().get())));
            return connect(config.dbUrl().get(), config.dbUser().orElse(null), config.dbPassword().orElse(null));
        }
        Path dir = config.dataDirectory().resolve("pgdata");
        progress.accept(StartupProgress.of(Step.STARTING, dir));
        EmbeddedServer pg = EmbeddedServer.start(dir, config.postgresBinaries(), progress);
        try {
            return new Database(pool(pg.jdbcUrl(), EmbeddedServer.USER, pg.password()), pg,
                    pg.jdbcUrl() + " (embedded, data in " + dir + ")");
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** Connects to a server by JDBC URL. */
    public static Database connect(String url, String user, String password) {
        return new Database(pool(url, user, password), null, redact(url));
    }

    private static HikariDataSource pool(String url, String user, String password) {
        JdbcUrl parsed = JdbcUrl.parse(url);
        if (!parsed.isUrl()) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "cannot connect to " + parsed.withoutSecrets()
                    + ": not a PostgreSQL JDBC URL (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        // Neither the pool nor its log sees a secret: the driver's data source gets the secret-free URL and the
        // credentials as properties, and the pool only that data source (its debug log prints every other setting)
        PGSimpleDataSource ds = new PGSimpleDataSource();
        Map<String, String> fromUrl = parsed.secrets();
        try {
            ds.setURL(parsed.withoutSecrets());
            for (Map.Entry<String, String> secret : fromUrl.entrySet()) {
                if (PGProperty.forName(secret.getKey()) != null) { // the driver ignores unknown URL parameters too
                    ds.setProperty(secret.getKey(), secret.getValue());
                }
            }
            ds.setProperty("reWriteBatchedInserts", "true");
            ds.setProperty("ApplicationName", "foresto-rebalancing-lab");
            ds.setProperty("connectTimeout", "5");
            ds.setProperty("socketTimeout", "120");
        } catch (SQLException | IllegalArgumentException e) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "cannot connect to " + parsed.withoutSecrets()
                    + ": not a PostgreSQL JDBC URL (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(ds);
        hc.setJdbcUrl(parsed.withoutSecrets()); // for display only: connections come from the data source
        hc.setPoolName("foresto");
        hc.setMaximumPoolSize(10);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(5_000);
        hc.setValidationTimeout(2_000);
        hc.setIdleTimeout(300_000);
        hc.setMaxLifetime(1_800_000);
        hc.setInitializationFailTimeout(5_000);
        hc.setConnectionInitSql("SET search_path TO " + SCHEMA + ", public");
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "cannot connect to " + redact(url) + ": "
                    + Secrets.redact(Secrets.redact(rootMessage(e), password), Secrets.inUrl(url)));
        } catch (RuntimeException e) {
            // e.g. a URL no driver accepts: the library's message repeats the URL, so only ours is shown
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "cannot connect to " + redact(url)
                    + ": not a PostgreSQL JDBC URL (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    /** The URL without credentials (taken apart structurally, see {@link JdbcUrl}), for display and logs. */
    public static String redact(String url) {
        return Secrets.displayUrl(url);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String displayUrl() {
        return displayUrl;
    }

    /** The embedded server, or null when a team server is configured. */
    EmbeddedServer embeddedServer() {
        return embedded;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Opens, migrates and (when empty) loads the seed rules and sample data: what the app and commands use. */
    public static Database openReady(AppConfig config, Consumer<StartupProgress> progress) {
        Database db = open(config, progress);
        try {
            progress.accept(StartupProgress.of(Step.MIGRATING));
            db.ensureMigrated();
            SampleData.ensure(db.dataSource(), progress);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Brings the schema up to date as a start does: when the database was last migrated with exactly this app's
     * migration files (their fingerprint in {@code schema_state}, see {@link Migrations}) Flyway is not run at all —
     * its class-path scan and validation are ~0.5 s of a desktop start; otherwise {@link #migrate}. Returns the
     * schema version now current.
     */
    public String ensureMigrated() {
        String fingerprint = Migrations.fingerprint();
        return Migrations.upToDate(dataSource, fingerprint).orElseGet(() -> migrate(fingerprint));
    }

    /** Applies pending migrations with Flyway (validating what was applied); returns the schema version now current. */
    public String migrate() {
        return migrate(Migrations.fingerprint());
    }

    private String migrate(String fingerprint) {
        try {
            flyway(dataSource).migrate();
        } catch (FlywayException e) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "migrating the schema failed: " + e.getMessage(), e);
        }
        Migrations.record(dataSource, fingerprint);
        return schemaVersion();
    }

    public String schemaVersion() {
        MigrationInfo current = flyway(dataSource).info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations(MIGRATIONS)
                .load();
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
