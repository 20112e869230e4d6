package foresto.backtest;

import foresto.db.EventRepository;
import foresto.engine.RebalancingEvent;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real stores with two gates in the run's storing transaction, so a test chooses where a cancel meets a run
 * instead of sleeping: {@link #beforeWrites} is reached inside the transaction before anything is written (the run
 * is still cancellable), {@link #atCommit} after the commit point and before the commit itself (a cancel is too
 * late). A gate that is not armed is passed at once; {@link #stored} opens when a storing transaction has ended,
 * committed or not.
 */
public final class CommitGates {
    /** A one-shot gate: the worker says it is there and waits until the test opens it. */
    public static final class Gate {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        private volatile boolean armed;

        /** The next run to come here stops until {@link #open()}. */
        public void arm() {
            armed = true;
        }

        /** Waits until a run stands at this gate. */
        public void awaitReached() {
            await(reached);
        }

        public void open() {
            open.countDown();
        }

        void pass() {
            if (!armed) {
                return;
            }
            reached.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("a gate was never opened");
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // a cancelled UI job interrupts its worker: the gate still holds it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public final Gate beforeWrites = new Gate();
    public final Gate atCommit = new Gate();
    private final CountDownLatch stored = new CountDownLatch(1);
    private final Stores stores;

    public CommitGates(DataSource ds) {
        Stores real = JdbcStores.on(ds);
        this.stores = new Stores(real.portfolios(), real.datasets(), real.rules(), new GatedRuns(real.runs()), real.studies());
    }

    public Stores stores() {
        return stores;
    }

    /** Waits until the gated run's storing transaction has ended (committed, rolled back or failed). */
    public void awaitStoringEnded() {
        await(stored);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the run never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private final class GatedRuns implements Stores.Runs {
        private final Stores.Runs real;

        GatedRuns(Stores.Runs real) {
            this.real = real;
        }

        @Override
        public <T> T inTransaction(String doing, Stores.Work<T> work) {
            try {
                return real.inTransaction(doing, w -> {
                    beforeWrites.pass();
                    T result = work.run(w);
                    atCommit.pass();
                    return result;
                });
            } finally {
                stored.countDown();
            }
        }

        @Override
        public Optional<RunRecord> findByHash(String requestHash) {
            return real.findByHash(requestHash);
        }

        @Override
        public Optional<RunRecord> findById(long runId) {
            return real.findById(runId);
        }

        @Override
        public List<RunRecord> recent(int limit) {
            return real.recent(limit);
        }

        @Override
        public StoredPaths loadPaths(long runId) {
            return real.loadPaths(runId);
        }

        @Override
        public List<RebalancingEvent> events(long runId) {
            return real.events(runId);
        }

        @Override
        public long countEvents(long runId) {
            return real.countEvents(runId);
        }

        @Override
        public void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink) {
            real.streamEvents(runId, offset, limit, sink);
        }

        @Override
        public <T> T rolledBack(String doing, Stores.Work<T> work) {
            return real.rolledBack(doing, work);
        }

        @Override
        public boolean answers() {
            return real.answers();
        }
    }
}
