package foresto.db;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code db info} prints: where the database is (no password), its schema version and row counts. */
public record DbInfo(String url, boolean embedded, String schemaVersion, Map<String, Long> rowCounts) {
    static final List<String> TABLES = List.of("asset_class", "portfolio", "portfolio_weight", "market_dataset",
            "market_return", "simulation_run", "rebalancing_rule", "rebalancing_event");

    public static DbInfo of(Database db) {
        DataSource ds = db.dataSource();
        Map<String, Long> counts = new LinkedHashMap<>();
        Jdbc.query(ds, "counting rows", c -> {
            for (String t : TABLES) { // fixed table names
                try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    exists.setString(1, Database.SCHEMA + "." + t);
                    try (ResultSet rs = exists.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            continue; // not migrated yet
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + Database.SCHEMA + "." + t);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            return null;
        });
        return new DbInfo(db.displayUrl(), db.isEmbedded(), db.schemaVersion(), counts);
    }
}
