package foresto.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers its outcome on it. Production: {@link FxTaskExecutor}
 * (javafx.concurrent.Task on a daemon pool). Tests of view-models: {@link #sameThread()}.
 */
public interface TaskExecutor {

    /** A running piece of work that can be cancelled (the worker thread is interrupted). */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    /**
     * Runs {@code work}; then calls exactly one of {@code onSuccess}, {@code onFailure} (with the cause) or
     * {@code onCancelled}, on the UI thread.
     */
    <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                      Runnable onCancelled);

    /** Runs {@code r} on the UI thread soon (from a worker: a result it can show before its work is done). */
    void onUiThread(Runnable r);

    /**
     * From a worker: runs {@code r} on the UI thread and waits until the screen has drawn what it changed, at most
     * {@code maxMillis} (an interrupt ends the wait too, and stays set). A worker that goes on with heavy work (storing
     * a run) then leaves the cores to the screen while it draws: on a two-core machine the database and the worker
     * otherwise slow the FX and render threads' frames two- to threefold. Here (tests): runs {@code r} and returns.
     */
    default void onUiThreadUntilDrawn(Runnable r, long maxMillis) {
        onUiThread(r);
    }

    /**
     * Hands a result to {@code onSuccess}; a failure inside that callback (e.g. a bad value while showing the
     * result) goes to {@code onFailure} like any other failure, never escapes to the toolkit. Both executors
     * deliver through here, so tests see what the app does.
     */
    static <T> void deliver(T value, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(value);
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    /** Runs everything immediately on the calling thread (view-model tests). */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                     Runnable onCancelled) {
                T value;
                try {
                    value = work.call();
                } catch (CancellationException e) {
                    onCancelled.run();
                    return done();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return done();
                }
                deliver(value, onSuccess, onFailure);
                return done();
            }

            @Override
            public void onUiThread(Runnable r) {
                r.run();
            }

            private Handle done() {
                return new Handle() {
                    @Override
                    public void cancel() {
                        // already finished
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }
        };
    }
}
