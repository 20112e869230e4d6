package foresto.db;

import foresto.engine.AssetClass;
import foresto.engine.EngineException;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.ListedPortfolio;
import foresto.model.PortfolioRecord;

import java.sql.Connection;
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

/** Reads model portfolios with their weights, and stores the ones an analyst enters. */
public final class PortfolioRepository {
    private static final String SELECT = "SELECT p.portfolio_id, p.name, p.description, p.is_active, w.asset_class_code, w.weight "
            + "FROM portfolio p LEFT JOIN portfolio_weight w ON w.portfolio_id = p.portfolio_id ";
    private final DataSource ds;

    public PortfolioRepository(DataSource ds) {
        this.ds = ds;
    }

    /** The active portfolios, the ones the pickers offer. */
    public List<PortfolioRecord> findAll() {
        return listAll().stream().filter(ListedPortfolio::active).map(ListedPortfolio::portfolio).toList();
    }

    /** Every portfolio, active or not, by id. */
    public List<ListedPortfolio> listAll() {
        return Jdbc.query(ds, "listing portfolios", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY p.portfolio_id")) {
                return read(ps);
            }
        });
    }

    public Optional<PortfolioRecord> findById(long id) {
        return findListed(id).map(ListedPortfolio::portfolio);
    }

    /** A portfolio by id, active or not. */
    public Optional<ListedPortfolio> findListed(long id) {
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
                return read(ps).stream().findFirst().map(ListedPortfolio::portfolio);
            }
        });
    }

    /** Stored runs and robustness studies computed with this portfolio. */
    public long usageCount(long id) {
        return Jdbc.query(ds, "counting the runs of a portfolio", c -> usageCount(c, id));
    }

    private static long usageCount(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM simulation_run WHERE portfolio_id = ?)"
                + " + (SELECT count(*) FROM robustness_study WHERE portfolio_id = ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The refusal to change the weights of a portfolio that stored runs or studies used. */
    public static ForestoException inUse(String name, long uses) {
        return new ForestoException(ErrorCode.PORTFOLIO_IN_USE, "weights: portfolio '" + name + "' is used by " + uses
                + " stored run(s) or stud(ies), so its weights cannot change under them; add a new portfolio with"
                + " these weights instead (its name and its active flag can still change)");
    }

    /** Inserts an active portfolio (checked by the caller) and returns its id. */
    public long insert(String name, String description, Weights weights) {
        return write("adding a portfolio", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO portfolio (name, description) VALUES (?, ?) RETURNING portfolio_id")) {
                ps.setString(1, name);
                ps.setString(2, description);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertWeights(c, id, weights);
            return id;
        });
    }

    /**
     * Renames a portfolio and, when {@code weights} is not null, replaces its weights, in one transaction. Fails
     * with PORTFOLIO_IN_USE when weights are given while stored runs or studies use the portfolio: counted under
     * the row lock, which a run being stored with this portfolio (its foreign key) waits for, so none slips in.
     */
    public void update(long id, String name, Weights weights) {
        write("editing a portfolio", c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM portfolio WHERE portfolio_id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio with id " + id);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE portfolio SET name = ? WHERE portfolio_id = ?")) {
                ps.setString(1, name);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            if (weights != null) {
                long uses = usageCount(c, id);
                if (uses > 0) {
                    throw inUse(name, uses);
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM portfolio_weight WHERE portfolio_id = ?")) {
                    del.setLong(1, id);
                    del.executeUpdate();
                }
                insertWeights(c, id, weights);
            }
            return null;
        });
    }

    /** Marks a portfolio inactive; it stays stored for the runs that used it. */
    public void setActive(long id, boolean active) {
        write("deactivating a portfolio", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE portfolio SET is_active = ? WHERE portfolio_id = ?")) {
                ps.setBoolean(1, active);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    throw new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio with id " + id);
                }
            }
            return null;
        });
    }

    private static void insertWeights(Connection c, long id, Weights weights) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO portfolio_weight (portfolio_id, asset_class_code, weight) VALUES (?, ?, ?)")) {
            for (AssetClass a : AssetClass.values()) {
                double w = weights.get(a);
                if (w > 0) {
                    ps.setLong(1, id);
                    ps.setString(2, a.name());
                    ps.setDouble(3, w);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private <T> T write(String doing, Jdbc.SqlWork<T> work) {
        try {
            return Jdbc.inTransaction(ds, doing, work);
        } catch (ForestoException e) {
            if (e.getCause() instanceof SQLException sql && DbErrors.isConstraintViolation(sql)) {
                String m = sql.getMessage() == null ? "" : sql.getMessage();
                if (m.contains("portfolio_name_key")) {
                    throw new ForestoException(ErrorCode.PORTFOLIO_NAME_TAKEN, "name: a portfolio with that name already exists", sql);
                }
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "the database rejected " + doing, sql);
            }
            throw e;
        }
    }

    private static List<ListedPortfolio> read(PreparedStatement ps) throws SQLException {
        Map<Long, Object[]> meta = new LinkedHashMap<>();
        Map<Long, Map<AssetClass, Double>> weights = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                meta.putIfAbsent(id, new Object[] {rs.getString(2), rs.getString(3), rs.getBoolean(4)});
                Map<AssetClass, Double> w = weights.computeIfAbsent(id, k -> new EnumMap<>(AssetClass.class));
                String code = rs.getString(5);
                if (code != null) {
                    w.put(AssetClass.parse(code), rs.getDouble(6));
                }
            }
        }
        List<ListedPortfolio> out = new ArrayList<>();
        for (Map.Entry<Long, Object[]> e : meta.entrySet()) {
            String name = (String) e.getValue()[0];
            Weights w;
            try {
                w = Weights.of(weights.get(e.getKey()));
            } catch (EngineException invalid) {
                throw new EngineException(invalid.kind(), "portfolio '" + name + "': " + invalid.getMessage());
            }
            out.add(new ListedPortfolio(new PortfolioRecord(e.getKey(), name, (String) e.getValue()[1], w), (Boolean) e.getValue()[2]));
        }
        return out;
    }
}
