package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Turns JDBC failures into stable codes with messages that carry no SQL, URL or secret. */
public final class DbErrors {
    private DbErrors() {
    }

    public static ForestoException wrap(SQLException e, String doing) {
        String state = stateOf(e);
        if (isConnectionLoss(e, state)) {
            return new ForestoException(ErrorCode.DATABASE_UNAVAILABLE,
                    "the database is unavailable while " + doing + " (check that PostgreSQL is running and "
                            + "FORESTO_DB_URL is right)", e);
        }
        return new ForestoException(ErrorCode.DATABASE_ERROR,
                "the database failed while " + doing + " (SQL state " + (state.isEmpty() ? "unknown" : state) + ")", e);
    }

    /**
     * The first SQL state anywhere in the failure: a batch that broke mid-way reports none itself but carries
     * the driver's reason as its next exception or cause.
     */
    public static String stateOf(SQLException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s && s.getSQLState() != null && !s.getSQLState().isEmpty()) {
                return s.getSQLState();
            }
        }
        return "";
    }

    private static boolean isConnectionLoss(SQLException e, String state) {
        // 08: connection failures; 57P0x: the server shut down or terminated us; 3D000: the configured database
        // does not exist (any more); 28: the server refuses our credentials
        if (state.startsWith("08") || state.startsWith("57P0") || state.equals("3D000") || state.startsWith("28")) {
            return true;
        }
        for (Throwable t : chain(e)) {
            if (t instanceof SQLTransientConnectionException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<Throwable> chain(SQLException e) {
        List<Throwable> out = new ArrayList<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && out.size() < 32) {
            Throwable t = todo.poll();
            if (out.contains(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
        }
        return out;
    }

    /** True when the failure is a constraint violation (unique, check, foreign key, not null). */
    public static boolean isConstraintViolation(SQLException e) {
        return stateOf(e).startsWith("23");
    }
}
