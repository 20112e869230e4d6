package foresto.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The schema's migration files and their fingerprint, so a start can tell cheaply that the database was migrated
 * with exactly these files (V9's {@code schema_state}) and skip Flyway's class-path scan and validation. Flyway
 * still runs whenever the fingerprint differs, is missing, or its history has a failed migration.
 */
final class Migrations {
    /** The files under {@code seed/migration}, in version order ({@code MigrationsTest} checks the directory). */
    static final List<String> FILES = List.of(
            "V1__phase1_schema.sql",
            "V2__rebalancing_rule.sql",
            "V3__ux_rebalancing_rule_name.sql",
            "V4__rebalancing_event.sql",
            "V5__bounded_cost_rate.sql",
            "V6__rule_model_v2.sql",
            "V7__inline_rule_events.sql",
            "V8__paths_stored_uncompressed.sql",
            "V9__schema_state.sql",
            "V10__calendar_phase_and_day_offset.sql",
            "V11__robustness_study.sql",
            "V12__portfolio_active.sql",
            "V13__run_cash_flow.sql");
    private static final String RESOURCES = "/foresto/seed/migration/";

    private Migrations() {
    }

    /** The version the files migrate to (the last file's). */
    static String latestVersion() {
        String last = FILES.get(FILES.size() - 1);
        return last.substring(1, last.indexOf("__"));
    }

    /** SHA-256 over each file's name, length and bytes, in order (lower-case hex). */
    static String fingerprint() {
        return fingerprint(FILES, name -> {
            try (InputStream in = Migrations.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IllegalStateException("migration file missing from the class path: " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String fingerprint(List<String> names, Function<String, byte[]> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : names) {
                byte[] bytes = contents.apply(name);
                sha.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The current schema version when the database was migrated with exactly these files (fingerprint recorded,
     * no failed migration in Flyway's history, latest version applied); empty when Flyway has to run.
     */
    static Optional<String> upToDate(DataSource ds, String fingerprint) {
        String sql = "SELECT (SELECT migrations_sha256 FROM schema_state), "
                + "(SELECT count(*) FROM flyway_schema_history WHERE NOT success), "
                + "(SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1)";
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            boolean same = fingerprint.equals(rs.getString(1)) && rs.getLong(2) == 0
                    && latestVersion().equals(rs.getString(3));
            return same ? Optional.of(rs.getString(3)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty(); // no schema_state (a new or older database): Flyway decides
        }
    }

    /** Records the fingerprint after Flyway migrated successfully. */
    static void record(DataSource ds, String fingerprint) {
        Jdbc.query(ds, "recording the schema's migration fingerprint", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_state (id, migrations_sha256) VALUES (true, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET migrations_sha256 = EXCLUDED.migrations_sha256, recorded_at = now()")) {
                ps.setString(1, fingerprint);
                return ps.executeUpdate();
            }
        });
    }
}
