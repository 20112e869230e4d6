package foresto.ui;

import foresto.backtest.Backend;
import foresto.config.AppConfig;
import javafx.animation.AnimationTimer;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The desktop app's start, in parallel: the database starts on its own thread as soon as the launcher runs,
 * while JavaFX starts and shows the splash. With {@code -Dforesto.startupLog=true} (or
 * {@code FORESTO_STARTUP_LOG=1}) each milestone is printed with its time since the JVM started — the
 * start-up measurement in the README — on the console {@link DesktopLauncher} was given.
 */
public final class Startup {
    private static volatile CompletableFuture<Backend> backend;
    private static volatile AppConfig config;
    private static volatile String lastMessage = "Starting the database …";
    private static volatile Consumer<String> listener = m -> { };
    private static volatile PrintWriter milestones;

    private Startup() {
    }

    /** Starts the database in the background (once), with {@code c}; later calls get that start and its configuration. */
    public static synchronized CompletableFuture<Backend> beginBackend(AppConfig c) {
        if (backend == null) {
            config = c;
            backend = CompletableFuture.supplyAsync(() -> {
                Backend b = Backend.start(config, Startup::progress);
                mark("database ready");
                return b;
            }, r -> {
                Thread t = new Thread(r, "foresto-database-start");
                t.setDaemon(true);
                t.start();
            });
        }
        return backend;
    }

    /** The configuration the database was started with (read now when it has not been started). */
    public static AppConfig config() {
        AppConfig c = config;
        return c != null ? c : AppConfig.load();
    }

    private static void progress(String message) {
        lastMessage = message;
        listener.accept(message);
    }

    /** Receives the current progress message now and every later one (from any thread). */
    public static void onProgress(Consumer<String> l) {
        listener = l;
        l.accept(lastMessage);
    }

    /**
     * Runs {@code then} once the frame showing the scene as it is now has been drawn: JavaFX draws frame k while it
     * prepares frame k+1 and waits for it before drawing k+1, so at the start of the second pulse after this call
     * the current state is on screen (an upper bound by at most one pulse). FX thread.
     */
    public static void whenDrawn(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 3) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Where {@link #mark} prints (the launcher's console); until set, milestones are not printed. */
    static void printMilestonesTo(PrintWriter console) {
        milestones = console;
    }

    /** Prints a start-up milestone when the start-up log is on. */
    public static void mark(String milestone) {
        PrintWriter out = milestones;
        if (out != null && SharedArchive.startupLog()) {
            long sinceJvmStart = System.currentTimeMillis() - SharedArchive.origin();
            out.printf("startup: %-28s %6d ms after JVM start%n", milestone, sinceJvmStart);
            out.flush();
        }
    }
}
