package foresto.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared busy flag: true while any job runs, each job ends once, Cancel stops the latest cancellable job. */
class BusyJobsTest {
    /** Holds each submitted job until the test ends it. */
    private static final class HeldExecutor implements TaskExecutor {
        final List<Held<?>> jobs = new ArrayList<>();

        @Override
        public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                 Runnable onCancelled) {
            Held<T> h = new Held<>(onSuccess, onFailure, onCancelled);
            jobs.add(h);
            return h;
        }

        @Override
        public void onUiThread(Runnable r) {
            r.run();
        }
    }

    private static final class Held<T> implements TaskExecutor.Handle {
        final Consumer<T> onSuccess;
        final Consumer<Throwable> onFailure;
        final Runnable onCancelled;
        boolean done;
        boolean cancelled;

        Held(Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
            this.onCancelled = onCancelled;
        }

        void succeed(T v) {
            done = true;
            onSuccess.accept(v);
        }

        @Override
        public void cancel() {
            cancelled = true;
            done = true;
            onCancelled.run();
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Test
    void busyUntilTheLastJobEndsAndAJobEndsOnceWhateverItsCallbacksDo() {
        HeldExecutor ex = new HeldExecutor();
        BusyJobs jobs = new BusyJobs(ex);
        List<String> seen = new ArrayList<>();
        assertThat(jobs.isBusy()).isFalse();
        jobs.submit("a", () -> 1, v -> seen.add("a " + jobs.isBusy()), t -> { }, () -> { });
        jobs.submit("b", () -> 2, v -> seen.add("b " + jobs.isBusy()), t -> { }, () -> { });
        assertThat(jobs.busyProperty().get()).isTrue();

        @SuppressWarnings("unchecked") Held<Integer> a = (Held<Integer>) ex.jobs.get(0);
        a.succeed(1);
        a.onFailure.accept(new IllegalStateException("a failure inside onSuccess, handed on by the executor"));
        assertThat(jobs.isBusy()).as("b still runs; a ended once").isTrue();
        @SuppressWarnings("unchecked") Held<Integer> b = (Held<Integer>) ex.jobs.get(1);
        b.succeed(2);
        assertThat(jobs.isBusy()).isFalse();
        assertThat(seen).containsExactly("a true", "b false"); // a job counts as ended before its callback runs
    }

    @Test
    void cancelStopsTheLatestCancellableJobOnly() {
        HeldExecutor ex = new HeldExecutor();
        BusyJobs jobs = new BusyJobs(ex);
        List<String> cancelled = new ArrayList<>();
        jobs.cancel(); // nothing under way: nothing happens
        jobs.submitCancellable("run", () -> 1, v -> { }, t -> { }, () -> cancelled.add("run"));
        jobs.submit("rules", () -> 2, v -> { }, t -> { }, () -> cancelled.add("rules"));
        assertThat(jobs.isCancellableRunning()).isTrue();
        jobs.cancel();
        assertThat(cancelled).containsExactly("run");
        assertThat(jobs.isCancellableRunning()).isFalse();
        assertThat(jobs.isBusy()).as("the rules job still runs").isTrue();
        jobs.cancel();
        assertThat(cancelled).containsExactly("run");
    }
}
