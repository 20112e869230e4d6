package foresto.db;

import foresto.config.AppConfig;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.StartupProgress;
import foresto.model.StartupProgress.Step;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The embedded PostgreSQL that holds the analyst's data, configured as a database for user data rather
 * than for tests (the embedded library's defaults): every commit is on disk before it is acknowledged
 * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on), the superuser has a random
 * password kept in a 0600 file beside the data directory (scram-sha-256, never {@code trust}), and the server
 * listens on 127.0.0.1 only. A server left running by a hard-killed app is stopped (by the pid in its own
 * {@code postmaster.pid}) before starting; a second live instance gets a clear error.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final String USER = "postgres";
    private static final String HBA = """
            # Written by Foresto: password (scram-sha-256) for every connection; loopback only.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres pg;
    private final String password;
    private final Path dataDir;

    private EmbeddedServer(EmbeddedPostgres pg, String password, Path dataDir) {
        this.pg = pg;
        this.password = password;
        this.dataDir = dataDir;
    }

    /** Where the superuser's password lives: {@code <dataDir>.password}, owner read/write only. */
    public static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /** Starts on {@code dataDir} with the programs in the configured private folder (see AppConfig). */
    public static EmbeddedServer start(Path dataDir, Consumer<StartupProgress> progress) {
        return start(dataDir, AppConfig.load().postgresBinaries(), progress);
    }

    /**
     * Starts on {@code dataDir}, running PostgreSQL's programs only from {@code binaries}, a folder private to this
     * user (created 0700 when missing; refused when it or a folder above it can be changed by someone else).
     */
    public static EmbeddedServer start(Path dataDir, Path binaries, Consumer<StartupProgress> progress) {
        Path unpacked = PrivateBinaries.prepare(binaries);
        try {
            Path parent = dataDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            LeftoverServer.stopIfOrphaned(dataDir, progress);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            Path pwFile = passwordFile(dataDir);
            boolean upgrade = !fresh && !Files.exists(pwFile); // a data directory made before passwords (trust)
            String password = fresh || upgrade ? writeNewPassword(pwFile) : readPassword(pwFile);
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(unpacked.toFile())
                    .setPgBinaryResolver(PrivateBinaries.resolverFor(unpacked))
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // the library's own hook, registered before the server is up, logs a stack trace at exit when
                    // the start failed; ours is registered once the server runs
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on") // after the library's -F, so it wins
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "50")
                    .setConnectConfig("password", password);
            if (fresh) {
                Files.createDirectories(dataDir);
                b.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwFile.toString())
                        // initdb otherwise takes the user's LANG/LC_*: a Korean desktop whose ko_KR.UTF-8 is not
                        // generated in the C library fails with "invalid locale settings". The C locale exists
                        // everywhere; its byte order is code-point order, which puts Hangul names in 가나다 order.
                        .setLocaleConfig("locale", "C");
            }
            EmbeddedPostgres pg;
            try {
                pg = b.start();
            } finally {
                PrivateBinaries.narrow(unpacked);
            }
            EmbeddedServer server = new EmbeddedServer(pg, password, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            if (upgrade) {
                progress.accept(StartupProgress.of(Step.PASSWORD));
                server.protectFormerTrustServer();
            }
            return server;
        } catch (ForestoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "the embedded PostgreSQL did not start in "
                    + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String writeNewPassword(Path pwFile) throws IOException {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String pw = HexFormat.of().formatHex(raw);
        Files.deleteIfExists(pwFile);
        Files.createFile(pwFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pwFile, pw, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return pw;
    }

    private static String readPassword(Path pwFile) throws IOException {
        String pw = Files.readString(pwFile, StandardCharsets.US_ASCII).trim();
        if (!pw.matches("[0-9a-f]{16,}")) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "the password file " + pwFile
                    + " is damaged; restore it or move the data directory away to start afresh");
        }
        return pw;
    }

    /** A data directory created with trust: set the password, then require it (no restart needed). */
    private void protectFormerTrustServer() throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, password); Statement st = c.createStatement()) {
            // the password is 48 hex digits we generated: nothing to escape, and it is never logged
            st.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "could not set the embedded server's password ("
                    + DbErrors.stateOf(e) + ")", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return pg.getPort();
    }

    public Path dataDirectory() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the process is going away; nothing useful to do
        }
    }
}
