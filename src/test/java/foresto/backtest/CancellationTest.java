package foresto.backtest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Cancelled" means nothing was stored; a cancel that comes too late says so and the run is stored. */
class CancellationTest {
    static ServiceFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }


    @Test
    void aRunCancelledBeforeItStartsStoresNothing() {
        long runs = fx.count("simulation_run");
        Cancellation c = new Cancellation();
        assertThat(c.cancel()).isTrue();
        assertThatThrownBy(() -> fx.service(true).run(fx.monthlyRequest(1), c)).isInstanceOf(CancellationException.class);
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
    }

    @Test
    void aRunCancelledWhileItsEventsAreWrittenStoresNothing() throws Exception {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        fx.execute("CREATE FUNCTION foresto.slow_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_sleep(0.05); RETURN NEW; END $$");
        fx.execute("CREATE TRIGGER slow_event BEFORE INSERT ON foresto.rebalancing_event FOR EACH ROW "
                + "EXECUTE FUNCTION foresto.slow_event()");
        try {
            Cancellation c = new Cancellation();
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return fx.service(true).run(fx.monthlyRequest(2), c);
                } catch (CancellationException e) {
                    return e;
                }
            });
            Thread.sleep(300); // computed; now writing its 16 events at 50 ms each
            assertThat(c.cancel()).as("cancel while writing").isTrue();
            assertThat(run.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        } finally {
            fx.execute("DROP TRIGGER slow_event ON foresto.rebalancing_event");
            fx.execute("DROP FUNCTION foresto.slow_event()");
        }
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
    }

    @Test
    void aCancelDuringTheCommitIsTooLateAndTheRunIsStored() throws Exception {
        // a deferred trigger runs at COMMIT: the run has passed its point of no return while it sleeps
        fx.execute("CREATE FUNCTION foresto.slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_sleep(2); RETURN NULL; END $$");
        fx.execute("CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON foresto.simulation_run DEFERRABLE "
                + "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION foresto.slow_commit()");
        try {
            Cancellation c = new Cancellation();
            CompletableFuture<BacktestResult> run = CompletableFuture.supplyAsync(() -> fx.service(true).run(fx.monthlyRequest(3), c));
            // wait until the commit is under way: a backend sleeping in the deferred trigger (a fixed sleep here
            // was too short on a loaded machine, where the run had not reached its commit yet)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (fx.scalar("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") == 0) {
                assertThat(run).as("the run reaches its commit").isNotDone();
                assertThat(System.nanoTime()).as("the commit starts within 30 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(c.cancel()).as("cancel during the commit").isFalse();
            BacktestResult r = run.get(30, TimeUnit.SECONDS);
            assertThat(fx.service(true).findRun(r.runId()).runId()).isEqualTo(r.runId());
        } finally {
            fx.execute("DROP TRIGGER slow_commit ON foresto.simulation_run");
            fx.execute("DROP FUNCTION foresto.slow_commit()");
        }
    }
}
