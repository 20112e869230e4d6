package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns JDBC failures into stable codes with messages that carry no SQL, URL or secret. */
public final class DbErrors {
    private DbErrors() {
    }

    public static ForestoException wrap(SQLException e, String doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.equals("57P01")
                || state.equals("57P03")) {
            return new ForestoException(ErrorCode.DATABASE_UNAVAILABLE,
                    "the database is unavailable while " + doing + " (check that PostgreSQL is running and "
                            + "FORESTO_DB_URL is right)", e);
        }
        return new ForestoException(ErrorCode.DATABASE_ERROR,
                "the database failed while " + doing + " (SQL state " + (state.isEmpty() ? "unknown" : state) + ")", e);
    }

    /** True when the failure is a constraint violation (unique, check, foreign key, not null). */
    public static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
