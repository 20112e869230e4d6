package foresto.ui;

import java.util.concurrent.RejectedExecutionException;

/** Run in a child JVM by {@link QuietShutdownTest}: the handler before and during the JVM's shutdown. */
public final class QuietShutdownProbe {
    private QuietShutdownProbe() {
    }

    public static void main(String[] args) {
        Thread.UncaughtExceptionHandler h = Startup.quietAtShutdown(
                (t, e) -> System.out.println("reported " + e.getClass().getSimpleName() + " " + e.getMessage()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            h.uncaughtException(Thread.currentThread(), new RejectedExecutionException("during"));
            h.uncaughtException(Thread.currentThread(), new IllegalStateException("during"));
        }));
        h.uncaughtException(Thread.currentThread(), new RejectedExecutionException("before"));
    }
}
