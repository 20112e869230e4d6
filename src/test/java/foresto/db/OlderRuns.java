package foresto.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs stored as an older release stored them: the row written by hand, with the JSON texts given. */
public final class OlderRuns {
    private OlderRuns() {
    }

    /**
     * Stores a completed run of 2021-03-01..2022-06-30 with exactly these canonical request, request and summary JSON
     * texts (no paths) and returns its id; {@code hash} is repeated to the 64 characters of a request hash.
     */
    public static long store(DataSource ds, String hash, String canonicalJson, String requestJson, String summaryJson)
            throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO simulation_run (request_hash, canonical_request, request, "
                     + "start_date, end_date, status, summary, paths) VALUES (?, ?::jsonb, ?::jsonb, DATE '2021-03-01', "
                     + "DATE '2022-06-30', 'COMPLETED', ?::jsonb, ?) RETURNING simulation_run_id")) {
            ps.setString(1, hash.repeat(64).substring(0, 64));
            ps.setString(2, canonicalJson);
            ps.setString(3, requestJson);
            ps.setString(4, summaryJson);
            ps.setBytes(5, new byte[0]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
