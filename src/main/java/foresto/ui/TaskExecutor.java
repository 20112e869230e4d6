package foresto.ui;

import java.util.concurrent.Callable;
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

    /** Runs everything immediately on the calling thread (view-model tests). */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                     Runnable onCancelled) {
                try {
                    onSuccess.accept(work.call());
                } catch (java.util.concurrent.CancellationException e) {
                    onCancelled.run();
                } catch (Exception e) {
                    onFailure.accept(e);
                }
                return new Handle() {
                    @Override
                    public void cancel() {
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
