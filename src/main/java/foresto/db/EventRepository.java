package foresto.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.engine.TriggerType;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@code rebalancing_event}: the events of stored runs, read back in date order. */
public final class EventRepository {
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {
    };
    private final DataSource ds;

    public EventRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Writes all events of a run in batches, on the caller's connection (inside the run's transaction). */
    /** @param ruleId the stored rule, or null for an inline rule (recorded in the run's canonical request) */
    public static void insertAll(Connection c, long runId, Long ruleId, List<RebalancingEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rebalancing_event (simulation_run_id, rule_id, "
                + "event_date, trigger_type, trigger_detail, before_weights, after_weights, turnover, cost_rate, "
                + "cost_amount, value_before, value_after) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (RebalancingEvent e : events) {
                ps.setLong(1, runId);
                if (ruleId == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, ruleId);
                }
                ps.setObject(3, e.eventDate());
                ps.setString(4, e.triggerType().name());
                ps.setString(5, Json.write(e.triggerDetail()));
                ps.setString(6, Json.write(e.beforeWeights()));
                ps.setString(7, Json.write(e.afterWeights()));
                ps.setBigDecimal(8, exact(e.turnover()));
                ps.setBigDecimal(9, exact(e.costRate()));
                ps.setBigDecimal(10, exact(e.costAmount()));
                ps.setBigDecimal(11, exact(e.valueBefore()));
                ps.setBigDecimal(12, exact(e.valueAfter()));
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The decimal that reads back as exactly this double. */
    static BigDecimal exact(double v) {
        return new BigDecimal(Double.toString(v));
    }

    /** A run's events ordered by event_date ascending. */
    public List<RebalancingEvent> findByRun(long runId) {
        List<RebalancingEvent> out = new ArrayList<>();
        stream(runId, 0, null, out::add);
        return out;
    }

    /** Receives one event at a time; may fail with an I/O error (a client that went away). */
    @FunctionalInterface
    public interface EventSink {
        void accept(RebalancingEvent e) throws IOException;
    }

    /**
     * Hands a run's events to {@code sink} in event_date order, skipping {@code offset} and stopping after
     * {@code limit} (null: all), through a server-side cursor: memory stays one fetch batch whatever the size.
     */
    public void stream(long runId, long offset, Integer limit, EventSink sink) {
        Jdbc.inTransaction(ds, "reading the events of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT event_date, trigger_type, trigger_detail::text, "
                    + "before_weights::text, after_weights::text, turnover, cost_rate, cost_amount, value_before, "
                    + "value_after FROM rebalancing_event WHERE simulation_run_id = ? "
                    + "ORDER BY event_date, rebalancing_event_id OFFSET ? LIMIT ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, offset);
                if (limit == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, limit);
                }
                ps.setFetchSize(1000); // a cursor, since this runs with autocommit off
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            sink.accept(read(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                return null;
            }
        });
    }

    public int countByRun(long runId) {
        return Jdbc.query(ds, "counting events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rebalancing_event WHERE simulation_run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static RebalancingEvent read(ResultSet rs) throws SQLException {
        TriggerType type = TriggerType.valueOf(rs.getString(2));
        try {
            TriggerDetail detail = Json.mapper().readValue(rs.getString(3), type.detailType());
            return new RebalancingEvent(rs.getObject(1, LocalDate.class), type, detail,
                    Json.mapper().readValue(rs.getString(4), WEIGHTS), Json.mapper().readValue(rs.getString(5), WEIGHTS),
                    rs.getBigDecimal(6).doubleValue(), rs.getBigDecimal(7).doubleValue(), rs.getBigDecimal(8).doubleValue(),
                    rs.getBigDecimal(9).doubleValue(), rs.getBigDecimal(10).doubleValue());
        } catch (JsonProcessingException e) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "a stored event has unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
