package foresto.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.StudyInfo;
import foresto.model.StudyRecord;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code robustness_study}: stored robustness studies keyed by their unique study hash. */
public final class StudyRepository {
    private static final String COLUMNS = "robustness_study_id, study_hash, kind, request::text, parameters::text, "
            + "summary::text, compute_ms, created_at";
    private final DataSource ds;

    public StudyRepository(DataSource ds) {
        this.ds = ds;
    }

    /** A study as it is written, in one transaction with the dataset's lock. */
    public record NewRow(long studyId, String studyHash, String kind, String canonicalRequest, StudyInfo request,
                         String parameters, Long unsignedSeed, String summary, String answer, double computeMs) {
    }

    /**
     * A study id taken from the table's sequence before the study is computed, so a face can name the study while
     * it runs; the row is written with it only when the study is stored (an unused id is simply skipped).
     */
    public long reserveId() {
        return Jdbc.query(ds, "reserving a study id", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('foresto.robustness_study', 'robustness_study_id'))");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Inserts a study unless one with the same hash exists: its id ({@code row.studyId()}, or a new one when that is
     * 0), or empty when another transaction stored the same study first (the unique hash decides).
     */
    public static Optional<Long> insertIfAbsent(Connection c, NewRow row) throws SQLException {
        boolean ownId = row.studyId() > 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO robustness_study (" + (ownId ? "robustness_study_id, " : "")
                + "study_hash, kind, canonical_request, request, parameters, seed, portfolio_id, dataset_id, summary, "
                + "answer, compute_ms) VALUES (" + (ownId ? "?, " : "") + "?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, "
                + "?::jsonb, ?, ?) ON CONFLICT (study_hash) DO NOTHING RETURNING robustness_study_id")) {
            int i = 1;
            if (ownId) {
                ps.setLong(i++, row.studyId());
            }
            ps.setString(i++, row.studyHash());
            ps.setString(i++, row.kind());
            ps.setString(i++, row.canonicalRequest());
            ps.setString(i++, Json.write(row.request()));
            ps.setString(i++, row.parameters());
            if (row.unsignedSeed() == null) {
                ps.setNull(i++, Types.NUMERIC);
            } else {
                ps.setBigDecimal(i++, new BigDecimal(Long.toUnsignedString(row.unsignedSeed())));
            }
            ps.setLong(i++, row.request().portfolioId());
            ps.setLong(i++, row.request().datasetId());
            ps.setString(i++, row.summary());
            ps.setString(i++, row.answer());
            ps.setDouble(i, row.computeMs());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<StudyRecord> findByHash(String hash) {
        return Jdbc.query(ds, "looking up a stored study", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM robustness_study WHERE study_hash = ?")) {
                ps.setString(1, hash);
                return read(ps).stream().findFirst();
            }
        });
    }

    public Optional<StudyRecord> findById(long id) {
        return Jdbc.query(ds, "reading study " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM robustness_study "
                    + "WHERE robustness_study_id = ?")) {
                ps.setLong(1, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    /** The most recent studies first. */
    public List<StudyRecord> recent(int limit) {
        return Jdbc.query(ds, "listing studies", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM robustness_study "
                    + "ORDER BY created_at DESC, robustness_study_id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return read(ps);
            }
        });
    }

    /** A stored study's answer, the JSON text as it was computed; empty for an unknown id. */
    public Optional<String> answer(long id) {
        return Jdbc.query(ds, "reading the answer of study " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT answer FROM robustness_study WHERE robustness_study_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** A stored study's canonical request (the document its hash was made from) as JSON text; empty for an unknown id. */
    public Optional<String> canonicalRequest(long id) {
        return Jdbc.query(ds, "reading the request of study " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT canonical_request::text FROM robustness_study WHERE robustness_study_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public int count() {
        return Jdbc.query(ds, "counting studies", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM robustness_study");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<StudyRecord> read(PreparedStatement ps) throws SQLException {
        List<StudyRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double ms = rs.getDouble(7);
                Double computeMs = rs.wasNull() ? null : ms;
                try {
                    out.add(new StudyRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Json.mapper().readValue(rs.getString(4), StudyInfo.class), rs.getString(5), rs.getString(6),
                            computeMs, rs.getObject(8, OffsetDateTime.class)));
                } catch (JsonProcessingException e) {
                    throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored study " + rs.getLong(1)
                            + " has unreadable JSON: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }
}
