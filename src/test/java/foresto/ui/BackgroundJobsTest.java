package foresto.ui;

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

    @Test
    void cancelSaysCancelledOnlyWhenNothingWasStored() throws Exception {
        MainViewModel vm = new MainViewModel(fx.service, new FxTaskExecutor(), UiState.inMemory(), e -> { });
        WaitForAsyncUtils.asyncFx(vm::load).get(10, TimeUnit.SECONDS);
        UiFixture.waitUntil(() -> !vm.busyProperty().get());
        // every status the screen showed, for the failure message (the order in which a cancel and a store met)
        List<String> statuses = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> vm.statusProperty().addListener((o, a, now) -> statuses.add(now))).get(10, TimeUnit.SECONDS);
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.clear();
            String iv = Integer.toString(5000 + attempt); // a new request each time
            long runsBefore = fx.service.history(1000).size();
            WaitForAsyncUtils.asyncFx(() -> {
                vm.initialValueProperty().set(iv);
                vm.run();
            }).get(10, TimeUnit.SECONDS);
            Thread.sleep(attempt * 15L);
            WaitForAsyncUtils.asyncFx(vm::cancel).get(10, TimeUnit.SECONDS);
            UiFixture.waitUntil(() -> !vm.busyProperty().get());
            String status = WaitForAsyncUtils.asyncFx(vm.statusProperty()::get).get(10, TimeUnit.SECONDS);
            if (status.startsWith("Too late")) { // being stored: it is shown (and said) when it is
                try {
                    // any status that ends the run: a reused run or a failure then fails below with what it was,
                    // instead of a timeout that hides it
                    UiFixture.waitUntil(() -> vm.statusProperty().get().matches("^(New run #|Reused run #|Cancel came too late|Failed: ).*"));
                } catch (AssertionError e) {
                    throw new AssertionError("attempt " + attempt + ", statuses: " + statuses, e);
                }
                status = WaitForAsyncUtils.asyncFx(vm.statusProperty()::get).get(10, TimeUnit.SECONDS);
            }
            long runsAfter = fx.service.history(1000).size();
            if (status.startsWith("Cancelled.")) {
                assertThat(runsAfter).as(status).isEqualTo(runsBefore);
            } else {
                assertThat(status).matches("^(New run #|Cancel came too late: run #)\\d+.*");
                long id = Long.parseLong(status.replaceAll("^[^#]*#(\\d+).*$", "$1"));
                assertThat(fx.service.findRun(id).request().initialValue()).isEqualTo(Double.parseDouble(iv));
                assertThat(runsAfter).isEqualTo(runsBefore + 1);
            }
        }
    }
}
