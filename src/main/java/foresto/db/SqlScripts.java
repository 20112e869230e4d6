package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the SQL files shipped under {@code seed/} exactly as written (they carry their own BEGIN/COMMIT),
 * the same way {@code psql -f} would. These are fixed files from the jar, never user input.
 */
public final class SqlScripts {
    public static final String RULE_SEED = "foresto/seed/Foresto_Phase2_EpicB_Rebalancing_Seed.sql";
    public static final String SAMPLE_PORTFOLIOS = "foresto/seed/sample/sample_portfolios.sql";

    private SqlScripts() {
    }

    public static String text(String resource) {
        try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ForestoException(ErrorCode.INTERNAL_ERROR, "missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.INTERNAL_ERROR, "cannot read " + resource, e);
        }
    }

    public static void run(DataSource ds, String resource) {
        String sql = text(resource);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute(sql);
        } catch (SQLException e) {
            throw DbErrors.wrap(e, "running " + resource);
        }
    }
}
