package foresto.engine.robust;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/** Running a study's parallel work on its own pool and unwrapping what the pool wraps. */
final class Pools {
    private Pools() {
    }

    /**
     * Runs {@code task} on {@code pool} and waits for it: a task's unchecked exception or error is rethrown as it is,
     * an interrupt ends in a {@link CancellationException} ("{@code study} was interrupted", interrupt flag kept).
     *
     * @param study what runs, as the message names it, e.g. "the robust sweep"
     */
    static void await(ForkJoinPool pool, Runnable task, String study) {
        try {
            pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(study + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
