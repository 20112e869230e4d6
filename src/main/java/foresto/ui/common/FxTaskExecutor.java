package foresto.ui.common;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The production executor: each submission is a javafx.concurrent.Task on a small daemon pool. */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "foresto-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onUiThread(Runnable r) {
        Platform.runLater(r);
    }

    /** How many frames after {@code r} the screen counts as drawn: the charts', the tables' (one later) and one more. */
    private static final int DRAWN_AFTER_FRAMES = 3;

    @Override
    public void onUiThreadUntilDrawn(Runnable r, long maxMillis) {
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                new LaterFrame(DRAWN_AFTER_FRAMES, drawn::countDown).request();
            }
        });
        try {
            drawn.await(maxMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                             Runnable onCancelled) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> TaskExecutor.deliver(task.getValue(), onSuccess, onFailure));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof CancellationException) {
                onCancelled.run();
            } else {
                onFailure.accept(t);
            }
        });
        task.setOnCancelled(e -> onCancelled.run());
        pool.submit(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }
}
