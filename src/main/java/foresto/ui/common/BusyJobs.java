package foresto.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A screen's background jobs and its busy flag: busy while any job submitted here is under way, whichever ends
 * first; the latest {@linkplain #submitCancellable cancellable} job is the one {@link #cancel()} stops. Every
 * callback runs on the UI thread (the {@link TaskExecutor}'s), and so does everything here.
 */
public final class BusyJobs {
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int active;
    private TaskExecutor.Handle cancellable;

    public BusyJobs(TaskExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /**
     * Submits a job that keeps {@link #busyProperty()} true until it ends. Exactly one of its callbacks runs, and
     * the job counts as ended once, before that callback, whatever the callbacks do (a failure inside
     * {@code onSuccess} that the executor hands to {@code onFailure} does not end it twice).
     */
    public <T> TaskExecutor.Handle submit(String title, Callable<T> work, Consumer<T> onSuccess,
                                          Consumer<Throwable> onFailure, Runnable onCancelled) {
        active++;
        busy.set(true);
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                active--;
                busy.set(active > 0);
            }
        };
        return executor.submit(title, work, v -> {
            end.run();
            onSuccess.accept(v);
        }, t -> {
            end.run();
            onFailure.accept(t);
        }, () -> {
            end.run();
            onCancelled.run();
        });
    }

    /** As {@link #submit}, and the job becomes the one {@link #cancel()} stops. */
    public <T> TaskExecutor.Handle submitCancellable(String title, Callable<T> work, Consumer<T> onSuccess,
                                                     Consumer<Throwable> onFailure, Runnable onCancelled) {
        TaskExecutor.Handle h = submit(title, work, onSuccess, onFailure, onCancelled);
        cancellable = h;
        return h;
    }

    /** True while the latest cancellable job is under way. */
    public boolean isCancellableRunning() {
        return cancellable != null && !cancellable.isDone();
    }

    /** Stops the latest cancellable job if it is under way (it then ends as cancelled). */
    public void cancel() {
        if (isCancellableRunning()) {
            cancellable.cancel();
        }
    }
}
