package foresto.backtest;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a cancel meets a run's storing, forced with gates in the storing transaction (no sleeps): what the caller
 * was told (cancel's answer, then the run's result or failure) against what the real PostgreSQL holds afterwards.
 */
class CommitInterleavingsTest {
    static ServiceFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    /** What the run's caller ended with: the shown run, or what it threw. */
    private static Object outcome(CompletableFuture<BacktestService.Shown> run) throws Exception {
        try {
            return run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
        }
    }

    private static CompletableFuture<BacktestService.Shown> start(CommitGates gates, double initialValue, Cancellation c) {
        BacktestService service = new BacktestService(gates.stores(), new FeatureFlags(true), ServiceFixture.CLOCK);
        return CompletableFuture.supplyAsync(() -> service.runAndShow(fx.monthlyRequest(initialValue), c));
    }

    private static long runsWithInitialValue(double v) {
        return fx.scalar("SELECT count(*) FROM foresto.simulation_run WHERE (request ->> 'initial_value')::float8 = " + v);
    }

    @Test
    void aCancelBeforeTheCommitPointIsCancelledAndNothingIsStored() throws Exception {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        CommitGates gates = new CommitGates(fx.db.dataSource());
        gates.beforeWrites.arm();
        Cancellation c = new Cancellation();
        CompletableFuture<BacktestService.Shown> run = start(gates, 11, c);
        gates.beforeWrites.awaitReached(); // computed, inside its transaction, nothing written yet
        assertThat(c.cancel()).as("the caller is told: cancelled").isTrue();
        gates.beforeWrites.open();
        assertThat(outcome(run)).isInstanceOf(CancellationException.class);
        gates.awaitStoringEnded();
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
        assertThat(runsWithInitialValue(11)).isZero();
    }

    @Test
    void aCancelDuringTheCommitIsTooLateAndTheRunIsStoredAsShown() throws Exception {
        long runs = fx.count("simulation_run");
        CommitGates gates = new CommitGates(fx.db.dataSource());
        gates.atCommit.arm();
        Cancellation c = new Cancellation();
        CompletableFuture<BacktestService.Shown> run = start(gates, 12, c);
        gates.atCommit.awaitReached(); // run and events written, past the point of no return, not committed
        assertThat(c.cancel()).as("the caller is told: too late").isFalse();
        assertThat(c.isCommitting()).isTrue();
        assertThat(c.isCancelled()).isFalse();
        gates.atCommit.open();
        Object told = outcome(run);
        assertThat(told).as("a too-late cancel ends with the stored run").isInstanceOf(BacktestService.Shown.class);
        BacktestService.Shown shown = (BacktestService.Shown) told;
        assertThat(shown.result().reused()).isFalse();
        long id = shown.result().runId();
        assertThat(fx.count("simulation_run")).isEqualTo(runs + 1);
        assertThat(fx.scalar("SELECT count(*) FROM foresto.simulation_run WHERE simulation_run_id = " + id
                + " AND (request ->> 'initial_value')::float8 = 12")).isEqualTo(1);
        assertThat(fx.scalar("SELECT count(*) FROM foresto.rebalancing_event WHERE simulation_run_id = " + id))
                .as("the events shown are the events stored").isEqualTo(shown.view().events().size()).isPositive();
    }

    @Test
    void aCommitThatFailsAfterATooLateCancelIsOneCodedFailureAndNothingIsStored() throws Exception {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        // a deferred trigger runs at COMMIT: the commit itself fails, after the run passed its point of no return
        fx.execute("CREATE FUNCTION foresto.refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'the commit is refused by the test'; END $$");
        fx.execute("CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON foresto.simulation_run DEFERRABLE "
                + "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION foresto.refuse_commit()");
        Object told;
        Cancellation c = new Cancellation();
        try {
            CommitGates gates = new CommitGates(fx.db.dataSource());
            gates.atCommit.arm();
            CompletableFuture<BacktestService.Shown> run = start(gates, 13, c);
            gates.atCommit.awaitReached();
            assertThat(c.cancel()).as("the caller is told: too late").isFalse();
            gates.atCommit.open();
            told = outcome(run);
            gates.awaitStoringEnded();
        } finally {
            fx.execute("DROP TRIGGER refuse_commit ON foresto.simulation_run");
            fx.execute("DROP FUNCTION foresto.refuse_commit()");
        }
        assertThat(told).as("not a cancel, not a stored run: one coded failure").isInstanceOf(ForestoException.class);
        ForestoException failure = (ForestoException) told;
        assertThat(failure.code()).isEqualTo(ErrorCode.DATABASE_ERROR);
        assertThat(failure.getMessage()).startsWith("storing the run failed at its commit; nothing was stored")
                .doesNotContain("cancel");
        assertThat(c.isCancelled()).as("a too-late cancel never turns into cancelled").isFalse();
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
        assertThat(runsWithInitialValue(13)).isZero();
        // nothing half written: the same request now stores a new run, not a reused one
        BacktestService.Shown again = fx.service(true).runAndShow(fx.monthlyRequest(13), new Cancellation());
        assertThat(again.result().reused()).isFalse();
        assertThat(runsWithInitialValue(13)).isEqualTo(1);
    }
}
