package foresto.db;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaAndSeedTest {
    static Database db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshMigrated();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Map<String, Object[]> p2Rules() throws SQLException {
        Map<String, Object[]> m = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT rule_name, rule_id, updated_at, rule_type, frequency, drift_threshold, "
                     + "cost_rate FROM rebalancing_rule WHERE rule_name LIKE 'P2\\_%' ORDER BY rule_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)});
            }
        }
        return m;
    }

    @Test
    void migrationsCreateTheSchemaWithTheUniqueRuleNameIndex() throws SQLException {
        // the number of migration files under seed/migration, counted there (V1 … V13)
        long files;
        try (var list = Files.list(Path.of("seed/migration"))) {
            files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).isEqualTo(13);
        assertThat(db.schemaVersion()).isEqualTo("13");
        // the stored paths are deflated by the application: PostgreSQL keeps them uncompressed (V8)
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT attstorage FROM pg_attribute WHERE attrelid = "
                     + "'foresto.simulation_run'::regclass AND attname = 'paths'");
             var rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("e");
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE schemaname = 'foresto' AND indexname = ?")) {
            ps.setString(1, "ux_rebalancing_rule_name");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("UNIQUE").contains("rule_name");
            }
        }
    }

    @Test
    void seedRunTwiceGivesExactlyThreeRulesUpdatedInPlace() throws Exception {
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        Map<String, Object[]> first = p2Rules();
        assertThat(first).containsOnlyKeys("P2_DRIFT_5PCT_10BP", "P2_PERIODIC_MONTHLY_FTD_10BP", "P2_PERIODIC_QUARTERLY_FTD_10BP");
        Thread.sleep(20);
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        Map<String, Object[]> second = p2Rules();
        assertThat(second).hasSize(3);
        for (String name : first.keySet()) {
            assertThat(second.get(name)[0]).as("same rule_id").isEqualTo(first.get(name)[0]);
            assertThat((OffsetDateTime) second.get(name)[1]).as("updated_at moves").isAfter((OffsetDateTime) first.get(name)[1]);
        }
        assertThat(second.get("P2_DRIFT_5PCT_10BP")[4].toString()).isEqualTo("0.05000000");
        assertThat(second.get("P2_PERIODIC_QUARTERLY_FTD_10BP")[3]).isEqualTo("QUARTERLY");
    }

    static boolean psqlPresent() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, "psql")));
    }

    @Test
    @EnabledIf("psqlPresent")
    void theSeedFileRunsWithPsqlTwiceWithoutDuplicates() throws Exception {
        Database other = TestDatabase.freshMigrated();
        try {
            String url = TestDatabase.server().url(other.dataSource().unwrap(HikariDataSource.class)
                    .getJdbcUrl().replaceAll(".*/([^/?]+).*", "$1"));
            String psqlUrl = url.replace("jdbc:", "");
            Path seed = Path.of("seed/Foresto_Phase2_EpicB_Rebalancing_Seed.sql");
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder("psql", "-v", "ON_ERROR_STOP=1", "-q", "-U", "postgres", "-d",
                        psqlUrl.replaceAll("\\?.*", ""), "-f", seed.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor()).as(out).isZero();
            }
            try (Connection c = other.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rebalancing_rule");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            other.close();
        }
    }

    @Test
    void theDatabaseItselfRejectsInvalidRules() throws SQLException {
        String insert = "INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, base_day_policy, drift_threshold, "
                + "cost_rate, effective_from, effective_to, is_active) VALUES ";
        List<String> invalid = List.of(
                "('bad1', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', 0.05, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad2', 'PERIODIC', NULL, 'FIRST_TRADING_DAY', NULL, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad3', 'DRIFT', NULL, 'FIRST_TRADING_DAY', 1.5, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad4', 'DRIFT', NULL, 'FIRST_TRADING_DAY', 0, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad5', 'DRIFT', 'MONTHLY', 'FIRST_TRADING_DAY', 0.05, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad6', 'PERIODIC', 'WEEKLY', 'FIRST_TRADING_DAY', NULL, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad7', 'PERIODIC', 'MONTHLY', 'MID_MONTH', NULL, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad8', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', NULL, -0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad9', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', NULL, 1, CURRENT_DATE, NULL, TRUE)",
                "('bad10', 'CALENDAR', 'MONTHLY', 'FIRST_TRADING_DAY', NULL, 0.001, CURRENT_DATE, NULL, TRUE)",
                "('bad11', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', NULL, 0.001, CURRENT_DATE, CURRENT_DATE - 1, TRUE)",
                "('  ', 'PERIODIC', 'MONTHLY', 'FIRST_TRADING_DAY', NULL, 0.001, CURRENT_DATE, NULL, TRUE)");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String values : invalid) {
                assertThatThrownBy(() -> st.execute(insert + values)).as(values)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
            }
            st.execute(insert + "('ok', 'DRIFT', NULL, 'LAST_TRADING_DAY', 0.1, 0, CURRENT_DATE, NULL, TRUE)");
            assertThatThrownBy(() -> st.execute(insert + "('ok', 'DRIFT', NULL, 'LAST_TRADING_DAY', 0.2, 0, CURRENT_DATE, NULL, TRUE)"))
                    .hasMessageContaining("ux_rebalancing_rule_name");
        }
    }
}
