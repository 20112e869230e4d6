package foresto.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Small helpers for running work on a connection, in one transaction or not. */
public final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a pooled connection (autocommit). */
    public static <T> T query(DataSource ds, String doing, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DbErrors.wrap(e, doing);
        }
    }

    /**
     * Runs {@code work} in one transaction: commit on success, roll back on any failure. The pool restores
     * auto-commit when the connection goes back, so nothing here can mask the failure that matters.
     */
    public static <T> T inTransaction(DataSource ds, String doing, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw DbErrors.wrap(e, doing);
        }
    }

    /** Runs {@code work} in a transaction that is always rolled back (nothing it writes stays). */
    public static <T> T rolledBack(DataSource ds, String doing, SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw DbErrors.wrap(e, doing);
        }
    }
}
