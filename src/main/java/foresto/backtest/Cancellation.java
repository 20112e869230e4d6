package foresto.backtest;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a backtest may still be cancelled. A run is cancellable until it starts to commit; from then on it is
 * being stored, and {@link #cancel()} says so ("too late") instead of pretending. The commit then either stores the
 * run or fails as a whole: a failed commit is reported as one coded failure that says nothing was stored, never as
 * a cancel. So "Cancelled." always means nothing was stored, and "too late" is always followed by the stored run or
 * by that failure.
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

    /** True once the run has passed its point of no return: a cancel is too late from then on. */
    public boolean isCommitting() {
        return state.get() == COMMITTING;
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
