package foresto.db;

import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.Metrics;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;

import javax.sql.DataSource;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code simulation_run}: stored runs keyed by their unique request hash. */
public final class RunRepository {
    private static final String COLUMNS = "simulation_run_id, request_hash, canonical_request::text, request::text, "
            + "summary::text, compute_ms, created_at";
    /** The JSON key of a record component, as the one mapper configuration names it. */
    private static final PropertyNamingStrategy KEYS = Json.mapper().getPropertyNamingStrategy();
    private final DataSource ds;

    public RunRepository(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Inserts a run unless one with the same hash exists. Returns the new id, or empty when another
     * transaction stored the same request first (the unique hash decides; the caller then reuses that run).
     */
    public static Optional<Long> insertIfAbsent(Connection c, String requestHash, String canonicalRequest,
                                                RunRequestInfo request, RunSummary summary, StoredPaths paths,
                                                double computeMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO simulation_run (request_hash, canonical_request, "
                + "request, portfolio_id, dataset_id, start_date, end_date, status, summary, paths, compute_ms) "
                + "VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, 'COMPLETED', ?::jsonb, ?, ?) "
                + "ON CONFLICT (request_hash) DO NOTHING RETURNING simulation_run_id")) {
            ps.setString(1, requestHash);
            ps.setString(2, canonicalRequest);
            ps.setString(3, Json.write(request));
            ps.setLong(4, request.portfolioId());
            ps.setLong(5, request.datasetId());
            ps.setObject(6, request.startDate());
            ps.setObject(7, request.endDate());
            ps.setString(8, Json.write(summary));
            ps.setBytes(9, paths.encode());
            ps.setDouble(10, computeMs);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<RunRecord> findByHash(String hash) {
        return Jdbc.query(ds, "looking up a stored run", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation_run WHERE request_hash = ?")) {
                ps.setString(1, hash);
                return read(ps).stream().findFirst();
            }
        });
    }

    public Optional<RunRecord> findById(long id) {
        return Jdbc.query(ds, "reading run " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation_run WHERE simulation_run_id = ?")) {
                ps.setLong(1, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    /** The most recent runs first. */
    public List<RunRecord> recent(int limit) {
        return Jdbc.query(ds, "listing runs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation_run "
                    + "ORDER BY created_at DESC, simulation_run_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return read(ps);
            }
        });
    }

    public StoredPaths loadPaths(long runId) {
        return Jdbc.query(ds, "reading the paths of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT paths FROM simulation_run WHERE simulation_run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ForestoException(ErrorCode.RUN_NOT_FOUND, "no run with id " + runId);
                    }
                    return StoredPaths.decode(rs.getBytes(1));
                }
            }
        });
    }

    public int count() {
        return Jdbc.query(ds, "counting runs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM simulation_run");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<RunRecord> read(PreparedStatement ps) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double ms = rs.getDouble(6);
                Double computeMs = rs.wasNull() ? null : ms;
                try {
                    out.add(new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Json.mapper().readValue(rs.getString(4), RunRequestInfo.class),
                            readSummary(rs.getString(5)), computeMs,
                            rs.getObject(7, OffsetDateTime.class)));
                } catch (JsonProcessingException e) {
                    throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored run " + rs.getLong(1)
                            + " has unreadable JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }

    /**
     * A stored summary as {@link RunSummary}. A run stored before a metric was added to {@link Metrics} lacks its
     * key: such a metric reads as NaN (shown as "—", written as null) instead of making the run unreadable. Only
     * {@code double} components can be missing this way; any other gap is still an unreadable run.
     */
    static RunSummary readSummary(String json) throws JsonProcessingException {
        JsonNode tree = Json.mapper().readTree(json);
        for (String side : List.of("off", "on")) {
            if (tree.get(side) instanceof ObjectNode metrics) {
                for (RecordComponent c : Metrics.class.getRecordComponents()) {
                    String key = KEYS.nameForField(null, null, c.getName());
                    if (c.getType() == double.class && !metrics.has(key)) {
                        metrics.put(key, Double.NaN);
                    }
                }
            }
        }
        return Json.mapper().treeToValue(tree, RunSummary.class);
    }
}
