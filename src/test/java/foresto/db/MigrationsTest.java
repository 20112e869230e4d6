package foresto.db;

import foresto.error.ForestoException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start skips Flyway only when the database was migrated with exactly this app's migration files; every other
 * start runs Flyway, which validates what was applied. Against a real PostgreSQL; the fast path is told apart from
 * Flyway by a history Flyway refuses (a changed checksum).
 */
class MigrationsTest {

    @Test
    void theListNamesEveryMigrationFileInVersionOrder() throws IOException {
        List<String> onDisk;
        try (var files = Files.list(Path.of("seed/migration"))) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                    .collect(Collectors.toList());
        }
        assertThat(Migrations.FILES).containsExactlyElementsOf(onDisk);
        assertThat(Migrations.latestVersion()).isEqualTo(String.valueOf(onDisk.size()));
    }

    @Test
    void theFingerprintIsTheHashOfTheFilesAndChangesWithAnyOfThem() throws Exception {
        Map<String, byte[]> files = Map.of("V1__a.sql", "CREATE TABLE a();".getBytes(StandardCharsets.UTF_8),
                "V2__b.sql", "x".getBytes(StandardCharsets.UTF_8));
        String fp = Migrations.fingerprint(List.of("V1__a.sql", "V2__b.sql"), files::get);
        // by hand: SHA-256 over "name\nlength\n" + bytes, file after file
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("V1__a.sql\n17\nCREATE TABLE a();V2__b.sql\n1\nx".getBytes(StandardCharsets.UTF_8));
        assertThat(fp).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        assertThat(Migrations.fingerprint(List.of("V1__a.sql"), files::get)).isNotEqualTo(fp);
        assertThat(Migrations.fingerprint(List.of("V1__a.sql", "V2__b.sql"),
                n -> n.startsWith("V2") ? "y".getBytes(StandardCharsets.UTF_8) : files.get(n))).isNotEqualTo(fp);
        // the files on the class path are the ones in seed/migration
        String fromDisk = Migrations.fingerprint(Migrations.FILES, n -> {
            try {
                return Files.readAllBytes(Path.of("seed/migration", n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(Migrations.fingerprint()).isEqualTo(fromDisk);
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql); // fixed test statements
        }
    }

    private static String recorded(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT migrations_sha256 FROM schema_state");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aStartSkipsFlywayOnlyWhenTheRecordedFingerprintIsThisAppsOne() throws Exception {
        try (Database db = TestDatabase.freshEmpty()) {
            // a new database: Flyway migrates, the fingerprint is recorded
            assertThat(db.ensureMigrated()).isEqualTo(Migrations.latestVersion());
            assertThat(recorded(db)).isEqualTo(Migrations.fingerprint());

            // a history Flyway refuses (V1's checksum changed): a start with the same fingerprint does not look
            execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            assertThat(db.ensureMigrated()).isEqualTo(Migrations.latestVersion());

            // another fingerprint (files changed since): Flyway runs, validates and refuses
            execute(db, "UPDATE schema_state SET migrations_sha256 = repeat('0', 64)");
            assertThatThrownBy(db::ensureMigrated).isInstanceOf(ForestoException.class)
                    .hasMessageContaining("migrating the schema failed");

            // the history repaired: Flyway passes and records the fingerprint again
            execute(db, "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
            assertThat(db.ensureMigrated()).isEqualTo(Migrations.latestVersion());
            assertThat(recorded(db)).isEqualTo(Migrations.fingerprint());
        }
    }

    @Test
    void aFailedMigrationInTheHistoryOrAMissingRecordSendsTheStartToFlyway() throws Exception {
        try (Database db = TestDatabase.freshMigrated()) {
            String fp = Migrations.fingerprint();
            assertThat(Migrations.upToDate(db.dataSource(), fp)).contains(Migrations.latestVersion());
            assertThat(Migrations.upToDate(db.dataSource(), fp.replace('a', 'b').replace('1', '2'))).isEmpty();

            execute(db, "UPDATE flyway_schema_history SET success = false WHERE version = '9'");
            assertThat(Migrations.upToDate(db.dataSource(), fp)).isEmpty();
            execute(db, "UPDATE flyway_schema_history SET success = true WHERE version = '9'");

            // an older database (before V9): no schema_state at all
            execute(db, "DROP TABLE schema_state");
            assertThat(Migrations.upToDate(db.dataSource(), fp)).isEmpty();
        }
    }
}
