package foresto.db;

import foresto.engine.AssetClass;
import foresto.engine.EngineException;
import foresto.engine.Weights;
import foresto.model.PortfolioRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads model portfolios with their weights. */
public final class PortfolioRepository {
    private static final String SELECT = "SELECT p.portfolio_id, p.name, p.description, w.asset_class_code, w.weight "
            + "FROM portfolio p LEFT JOIN portfolio_weight w ON w.portfolio_id = p.portfolio_id ";
    private final DataSource ds;

    public PortfolioRepository(DataSource ds) {
        this.ds = ds;
    }

    public List<PortfolioRecord> findAll() {
        return Jdbc.query(ds, "listing portfolios", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY p.portfolio_id")) {
                return read(ps);
            }
        });
    }

    public Optional<PortfolioRecord> findById(long id) {
        return Jdbc.query(ds, "reading a portfolio", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE p.portfolio_id = ?")) {
                ps.setLong(1, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    public Optional<PortfolioRecord> findByName(String name) {
        return Jdbc.query(ds, "reading a portfolio", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE p.name = ?")) {
                ps.setString(1, name);
                return read(ps).stream().findFirst();
            }
        });
    }

    private static List<PortfolioRecord> read(PreparedStatement ps) throws SQLException {
        Map<Long, String[]> meta = new LinkedHashMap<>();
        Map<Long, Map<AssetClass, Double>> weights = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                meta.putIfAbsent(id, new String[] {rs.getString(2), rs.getString(3)});
                Map<AssetClass, Double> w = weights.computeIfAbsent(id, k -> new EnumMap<>(AssetClass.class));
                String code = rs.getString(4);
                if (code != null) {
                    w.put(AssetClass.parse(code), rs.getDouble(5));
                }
            }
        }
        List<PortfolioRecord> out = new ArrayList<>();
        for (Map.Entry<Long, String[]> e : meta.entrySet()) {
            Weights w;
            try {
                w = Weights.of(weights.get(e.getKey()));
            } catch (EngineException invalid) {
                throw new EngineException(invalid.kind(), "portfolio '" + e.getValue()[0] + "': "
                        + invalid.getMessage());
            }
            out.add(new PortfolioRecord(e.getKey(), e.getValue()[0], e.getValue()[1], w));
        }
        return out;
    }
}
