package foresto.backtest;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a backtest may still be cancelled. A run is cancellable until it starts to commit; from then on
 * it will be stored, and {@link #cancel()} says so instead of pretending. So "Cancelled." always means nothing
 * was stored, and a run that could not be stopped is reported as stored.
 */
public final class Cancellation {
    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int COMMITTING = 2;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    /**
     * @return true when the run will store nothing; false when it is already being stored (too late)
     */
    public boolean cancel() {
        return state.compareAndSet(RUNNING, CANCELLED) || state.get() == CANCELLED;
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** Throws when cancelled (nothing has been written yet). */
    void checkpoint() {
        if (isCancelled()) {
            throw new CancellationException("the run was cancelled");
        }
    }

    /** The point of no return, inside the run's transaction right before its commit. */
    void beginCommit() {
        if (!state.compareAndSet(RUNNING, COMMITTING)) {
            throw new CancellationException("the run was cancelled before it was stored");
        }
    }
}
