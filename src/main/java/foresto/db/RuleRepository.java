package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes {@code rebalancing_rule}. The table's CHECK constraints are the last line of defence. */
public final class RuleRepository {
    private static final String COLUMNS = "rule_id, rule_name, rule_type, frequency, base_day_policy, drift_threshold, "
            + "cost_rate, effective_from, effective_to, is_active, created_at, updated_at, drift_band, band_rho, "
            + "check_frequency, rebalance_to, phase, day_offset";
    private final DataSource ds;

    public RuleRepository(DataSource ds) {
        this.ds = ds;
    }

    public List<RuleRecord> findAll() {
        return Jdbc.query(ds, "listing rules", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rebalancing_rule ORDER BY rule_id")) {
                return readAll(ps);
            }
        });
    }

    public Optional<RuleRecord> findById(long id) {
        return Jdbc.query(ds, "reading a rule", c -> findById(c, id));
    }

    static Optional<RuleRecord> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rebalancing_rule WHERE rule_id = ?")) {
            ps.setLong(1, id);
            List<RuleRecord> l = readAll(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    public Optional<RuleRecord> findByName(String name) {
        return Jdbc.query(ds, "reading a rule", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rebalancing_rule WHERE rule_name = ?")) {
                ps.setString(1, name);
                List<RuleRecord> l = readAll(ps);
                return l.isEmpty() ? Optional.<RuleRecord>empty() : Optional.of(l.get(0));
            }
        });
    }

    /** Inserts a new rule; returns it with its id and timestamps. */
    public RuleRecord insert(RuleRecord r) {
        return write("creating rule '" + r.ruleName() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, "
                    + "base_day_policy, drift_threshold, cost_rate, effective_from, effective_to, is_active, drift_band, "
                    + "band_rho, check_frequency, rebalance_to, phase, day_offset) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                bind(ps, r);
                return readAll(ps).get(0);
            }
        });
    }

    /** Updates every editable column of an existing rule (and updated_at). */
    public RuleRecord update(RuleRecord r) {
        return write("updating rule '" + r.ruleName() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rebalancing_rule SET rule_name = ?, rule_type = ?, "
                    + "frequency = ?, base_day_policy = ?, drift_threshold = ?, cost_rate = ?, effective_from = ?, "
                    + "effective_to = ?, is_active = ?, drift_band = ?, band_rho = ?, check_frequency = ?, rebalance_to = ?, "
                    + "phase = ?, day_offset = ?, updated_at = CURRENT_TIMESTAMP WHERE rule_id = ? RETURNING " + COLUMNS)) {
                bind(ps, r);
                ps.setLong(16, r.ruleId());
                List<RuleRecord> l = readAll(ps);
                if (l.isEmpty()) {
                    throw new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rule with id " + r.ruleId());
                }
                return l.get(0);
            }
        });
    }

    /** Deactivates a rule (rules are never deleted: stored events refer to them). */
    public RuleRecord deactivate(long id) {
        return write("deactivating rule " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rebalancing_rule SET is_active = FALSE, "
                    + "updated_at = CURRENT_TIMESTAMP WHERE rule_id = ? RETURNING " + COLUMNS)) {
                ps.setLong(1, id);
                List<RuleRecord> l = readAll(ps);
                if (l.isEmpty()) {
                    throw new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rule with id " + id);
                }
                return l.get(0);
            }
        });
    }

    private <T> T write(String doing, Jdbc.SqlWork<T> work) {
        try {
            return Jdbc.inTransaction(ds, doing, work);
        } catch (ForestoException e) {
            if (e.getCause() instanceof SQLException sql && DbErrors.isConstraintViolation(sql)) {
                throw constraint(sql, doing);
            }
            throw e;
        }
    }

    private static ForestoException constraint(SQLException e, String doing) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("ux_rebalancing_rule_name")) {
            return new ForestoException(ErrorCode.RULE_NAME_TAKEN, "a rule with that name already exists", e);
        }
        String constraint = m.replaceAll("(?s).*constraint \"([^\"]+)\".*", "$1");
        return new ForestoException(ErrorCode.INVALID_RULE, "the database rejected " + doing
                + (constraint.equals(m) ? "" : " (constraint " + constraint + ")"), e);
    }

    private static void bind(PreparedStatement ps, RuleRecord r) throws SQLException {
        ps.setString(1, r.ruleName());
        ps.setString(2, r.ruleType());
        ps.setString(3, r.frequency());
        ps.setString(4, r.baseDayPolicy());
        ps.setBigDecimal(5, r.driftThreshold());
        ps.setBigDecimal(6, r.costRate());
        ps.setObject(7, r.effectiveFrom());
        if (r.effectiveTo() == null) {
            ps.setNull(8, Types.DATE);
        } else {
            ps.setObject(8, r.effectiveTo());
        }
        ps.setBoolean(9, r.isActive());
        ps.setString(10, r.driftBand() == null ? "ABSOLUTE" : r.driftBand());
        ps.setBigDecimal(11, r.bandRho());
        ps.setString(12, r.checkFrequency() == null ? "DAILY" : r.checkFrequency());
        ps.setBigDecimal(13, r.rebalanceTo() == null ? BigDecimal.ZERO : r.rebalanceTo());
        ps.setInt(14, r.phase());
        ps.setInt(15, r.dayOffset());
    }

    private static List<RuleRecord> readAll(PreparedStatement ps) throws SQLException {
        List<RuleRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date to = rs.getDate("effective_to");
                out.add(new RuleRecord(rs.getLong("rule_id"), rs.getString("rule_name"), rs.getString("rule_type"),
                        rs.getString("frequency"), rs.getString("base_day_policy"), rs.getBigDecimal("drift_threshold"),
                        rs.getBigDecimal("cost_rate"), rs.getDate("effective_from").toLocalDate(),
                        to == null ? null : to.toLocalDate(), rs.getBoolean("is_active"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("drift_band"), rs.getBigDecimal("band_rho"), rs.getString("check_frequency"),
                        rs.getBigDecimal("rebalance_to"), rs.getInt("phase"), rs.getInt("day_offset")));
            }
        }
        return out;
    }
}
