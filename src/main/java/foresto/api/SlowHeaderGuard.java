package foresto.api;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request headers are still coming in after the request deadline. The idle timeout
 * catches a client that goes silent; this catches one that sends a byte now and then, which never looks idle.
 * (The body has its own deadline in {@link Exchange#body}.) Once a second it looks at each connection: bytes
 * that arrived after its last request finished, while no request is being handled, are the headers of the
 * next one.
 */
final class SlowHeaderGuard implements Connection.Listener {
    private static final long TICK_MILLIS = 1000;

    private final Scheduler scheduler;
    private final long limitNanos;
    private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();

    SlowHeaderGuard(Scheduler scheduler, long limitNanos) {
        this.scheduler = scheduler;
        this.limitNanos = limitNanos;
    }

    /** One connection's state: whether a request is being handled, and since when headers have been arriving. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private volatile boolean handling;
        private volatile long bytesWhenIdle;
        private long headersSince = -1;
        private volatile boolean closed;

        Watch(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            if (handling || connection.getBytesIn() == bytesWhenIdle) {
                headersSince = -1;
            } else if (headersSince < 0) {
                headersSince = now;
            } else if (now - headersSince > limitNanos) {
                connection.getEndPoint().close();
                return;
            }
            scheduler.schedule(this, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        Watch w = new Watch(connection);
        watched.put(connection, w);
        scheduler.schedule(w, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        Watch w = watched.remove(connection);
        if (w != null) {
            w.closed = true;
        }
    }

    /** A request's headers are in: it is the handler's now (its body has its own deadline). */
    void handling(Connection connection) {
        Watch w = watched.get(connection);
        if (w != null) {
            w.handling = true;
        }
    }

    /** A request is done: bytes after this point belong to the next one. */
    void done(Connection connection) {
        Watch w = watched.get(connection);
        if (w != null) {
            w.bytesWhenIdle = connection.getBytesIn();
            w.handling = false;
        }
    }
}
