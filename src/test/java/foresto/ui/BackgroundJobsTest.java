package foresto.ui;

import foresto.backtest.BacktestService;
import foresto.backtest.CommitGates;
import foresto.backtest.FeatureFlags;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background work as the app does it: the real FX executor, bad remembered state, jobs that overlap, and
 * Cancel whose word always matches what is stored.
 */
class BackgroundJobsTest {
    static UiFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        fx = new UiFixture(true);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void anExceptionInASuccessCallbackReachesOnFailure() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        new FxTaskExecutor().submit("t", () -> 42, v -> {
            throw new IllegalStateException("bad value " + v);
        }, failure::complete, () -> failure.complete(null));
        assertThat(failure.get(10, TimeUnit.SECONDS)).hasMessage("bad value 42");
    }

    @Test
    void badRememberedChoicesAreIgnoredWithAWarningAndTheScreenStaysUsable() {
        UiState state = UiState.inMemory();
        state.put("missing", "MAYBE");
        state.put("start", "yesterday");
        state.put("initial_value", "lots");
        state.put("rebalancing", "perhaps");
        state.put("end", "2015-12-31");
        List<UiError> errors = new ArrayList<>();
        MainViewModel vm = new MainViewModel(fx.service, TaskExecutor.sameThread(), state, errors::add);
        vm.load();
        assertThat(errors).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Ready.").contains("Ignored unreadable remembered choices")
                .contains("missing=MAYBE").contains("start=yesterday").contains("initial_value=lots");
        assertThat(vm.endDateProperty().get()).hasToString("2015-12-31"); // the good ones are kept
        assertThat(state.get("missing")).isEmpty();
        assertThat(vm.canRun().get()).isTrue();
        vm.run();
        assertThat(errors).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("New run #");
    }

    /** Holds every job until the test completes it. */
    static final class HeldExecutor implements TaskExecutor {
        final List<Runnable> finishers = new ArrayList<>();

        @Override
        public void onUiThread(Runnable r) {
            r.run(); // these tests run on one thread
        }

        @Override
        public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                 Runnable onCancelled) {
            boolean[] done = {false};
            finishers.add(() -> {
                done[0] = true;
                try {
                    TaskExecutor.deliver(work.call(), onSuccess, onFailure);
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new Handle() {
                @Override
                public void cancel() {
                    done[0] = true;
                    onCancelled.run();
                }

                @Override
                public boolean isDone() {
                    return done[0];
                }
            };
        }
    }

    @Test
    void aReloadDuringARunDoesNotFreeTheRunButton() {
        HeldExecutor held = new HeldExecutor();
        MainViewModel vm = new MainViewModel(fx.service, held, UiState.inMemory(), e -> { });
        vm.load();
        held.finishers.remove(0).run();
        vm.run();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.refreshRules(); // e.g. the rules editor saved a rule
        held.finishers.remove(1).run(); // the reload finishes first
        assertThat(vm.busyProperty().get()).as("the run is still going").isTrue();
        assertThat(vm.canRun().get()).isFalse();
        held.finishers.remove(0).run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("New run #");
    }

    /** Where Cancel met the run (a gate in the storing transaction holds it there) and how the story ended. */
    private enum Meeting { BEFORE_THE_COMMIT_POINT, DURING_THE_COMMIT, DURING_A_COMMIT_THAT_FAILS }

    private static final String TOO_LATE = "Too late to cancel \u2014 the run is being stored.";

    /**
     * Cancel meets the run where a gate holds it, never by timing: before the commit point it is cancelled and
     * nothing is stored; during the commit it is too late and the run ends stored and shown; during a commit that
     * fails it is too late and the run ends as one coded failure with nothing stored. Each ending status is exact,
     * and checked against the database.
     */
    @Test
    void cancelSaysCancelledOnlyWhenNothingWasStored() throws Exception {
        String cancelled = cancelMeets(Meeting.BEFORE_THE_COMMIT_POINT, "5001");
        assertThat(cancelled).isEqualTo("Cancelled. Nothing was stored.");
        String stored = cancelMeets(Meeting.DURING_THE_COMMIT, "5002");
        assertThat(stored).matches("^New run #\\d+: .*");
        long id = Long.parseLong(stored.replaceAll("^New run #(\\d+):.*$", "$1"));
        assertThat(fx.service.findRun(id).request().initialValue()).isEqualTo(5002.0);
        String failed = cancelMeets(Meeting.DURING_A_COMMIT_THAT_FAILS, "5003");
        assertThat(failed).startsWith("Failed: DATABASE_ERROR: storing the run failed at its commit; nothing was stored");
    }

    /** One run that Cancel meets at {@code where}; returns the status it ended with, after checking the store. */
    private static String cancelMeets(Meeting where, String iv) throws Exception {
        CommitGates gates = new CommitGates(fx.db.dataSource());
        BacktestService service = new BacktestService(gates.stores(), new FeatureFlags(true), Clock.systemUTC());
        MainViewModel vm = new MainViewModel(service, new FxTaskExecutor(), UiState.inMemory(), e -> { });
        WaitForAsyncUtils.asyncFx(vm::load).get(10, TimeUnit.SECONDS);
        UiFixture.waitUntil(() -> !vm.busyProperty().get());
        CommitGates.Gate gate = where == Meeting.BEFORE_THE_COMMIT_POINT ? gates.beforeWrites : gates.atCommit;
        gate.arm();
        if (where == Meeting.DURING_A_COMMIT_THAT_FAILS) {
            sql("CREATE FUNCTION foresto.refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'the commit is refused by the test'; END $$");
            sql("CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON foresto.simulation_run DEFERRABLE "
                    + "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION foresto.refuse_commit()");
        }
        long runsBefore = fx.service.history(1000).size();
        // every status the screen shows from the cancel on: the whole story the user reads
        List<String> statuses = new CopyOnWriteArrayList<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                vm.initialValueProperty().set(iv);
                vm.run();
            }).get(10, TimeUnit.SECONDS);
            gate.awaitReached();
            WaitForAsyncUtils.waitForFxEvents(); // the preview, posted before the storing began, is on screen
            WaitForAsyncUtils.asyncFx(() -> {
                vm.statusProperty().addListener((o, a, now) -> statuses.add(now));
                vm.cancel();
            }).get(10, TimeUnit.SECONDS);
            if (where != Meeting.BEFORE_THE_COMMIT_POINT) {
                assertThat(statuses).as("said at once").containsExactly(TOO_LATE);
                assertThat(WaitForAsyncUtils.asyncFx(vm.busyProperty()::get).get(10, TimeUnit.SECONDS))
                        .as("a run being stored goes on").isTrue();
            }
            gate.open();
            gates.awaitStoringEnded();
            UiFixture.waitUntil(() -> !vm.busyProperty().get());
        } finally {
            if (where == Meeting.DURING_A_COMMIT_THAT_FAILS) {
                sql("DROP TRIGGER refuse_commit ON foresto.simulation_run");
                sql("DROP FUNCTION foresto.refuse_commit()");
            }
        }
        String status = WaitForAsyncUtils.asyncFx(vm.statusProperty()::get).get(10, TimeUnit.SECONDS);
        long runsAfter = fx.service.history(1000).size();
        assertThat(statuses).as("one story: the cancel's answer, then how the run ended")
                .containsExactly(where == Meeting.BEFORE_THE_COMMIT_POINT ? new String[]{status} : new String[]{TOO_LATE, status});
        assertThat(runsAfter).as(status).isEqualTo(where == Meeting.DURING_THE_COMMIT ? runsBefore + 1 : runsBefore);
        return status;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
