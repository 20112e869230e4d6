package foresto.db;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers, asked over a connection of its own, outside the pool: long event streams may hold
 * every pooled connection for as long as their clients take to read, and the health check must not queue behind
 * them (it would wait for the pool's timeout and then report a database that is fine as unavailable). The one
 * reserved connection is opened on the first check, kept, and replaced when it no longer answers; checks take
 * turns on it, each waiting {@value #TURN_SECONDS} s at most for its turn. Without a pool to bypass (a plain data
 * source) the check asks the data source itself. Thread-safe.
 */
public final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    /** The longest a check waits for another check's turn on the reserved connection. */
    static final int TURN_SECONDS = 2;
    /** The longest one ping waits for the server's answer. */
    private static final int PING_SECONDS = 2;

    private final DataSource direct;
    private final BooleanSupplier poolClosed;
    private final ReentrantLock turn = new ReentrantLock();
    /** The reserved connection, or null before the first check or after a failed one; guarded by {@link #turn}. */
    private Connection reserved;

    private HealthCheck(DataSource direct, BooleanSupplier poolClosed) {
        this.direct = direct;
        this.poolClosed = poolClosed;
    }

    /** The check for the database behind {@code ds}: beside its pool when it is one of ours, else through it. */
    public static HealthCheck of(DataSource ds) {
        if (ds instanceof HikariDataSource pool && pool.getDataSource() != null) {
            return new HealthCheck(pool.getDataSource(), pool::isClosed);
        }
        return new HealthCheck(ds, () -> false);
    }

    /** True when the database answers now; false when it does not (or another check has waited too long on it). */
    public boolean answers() {
        if (poolClosed.getAsBoolean()) {
            release();
            return false;
        }
        try {
            if (!turn.tryLock(TURN_SECONDS, TimeUnit.SECONDS)) {
                LOG.debug("health check: another check has waited on the database for over {} s", TURN_SECONDS);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (reserved != null && reserved.isValid(PING_SECONDS)) {
                return true;
            }
            closeReserved();
            reserved = direct.getConnection();
            return reserved.isValid(PING_SECONDS);
        } catch (SQLException e) {
            LOG.debug("health check: the database does not answer (SQL state {})", DbErrors.stateOf(e));
            closeReserved();
            return false;
        } finally {
            turn.unlock();
        }
    }

    /** Closes the reserved connection (a later check opens a new one). */
    public void release() {
        turn.lock();
        try {
            closeReserved();
        } finally {
            turn.unlock();
        }
    }

    private void closeReserved() {
        if (reserved == null) {
            return;
        }
        try {
            reserved.close();
        } catch (SQLException e) {
            LOG.debug("health check: closing its connection failed (SQL state {})", DbErrors.stateOf(e));
        }
        reserved = null;
    }
}
