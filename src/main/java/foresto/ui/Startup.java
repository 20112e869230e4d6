package foresto.ui;

import foresto.backtest.Backend;
import foresto.config.AppConfig;
import foresto.i18n.Messages;
import foresto.model.StartupProgress;
import foresto.ui.common.UiError;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

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
    /** The last progress message; none before the database reports (then the first one, in the chosen language). */
    private static volatile String lastMessage;
    private static volatile Consumer<String> listener = m -> { };
    private static volatile PrintWriter milestones;
    private static volatile boolean smokeExit;
    private static volatile int exitCode;

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

    private static void progress(StartupProgress step) {
        String message = ProgressText.of(step);
        lastMessage = message;
        listener.accept(message);
    }

    /** Receives the current progress message now and every later one (from any thread). */
    public static void onProgress(Consumer<String> l) {
        listener = l;
        String last = lastMessage;
        l.accept(last != null ? last : Messages.tr("startup.database"));
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

    /** With {@code --smoke-exit} the app closes by itself (exit 0) once its main window is drawn: a check of an install. */
    static void smokeExit(boolean on) {
        smokeExit = on;
    }

    /** The exit code the app ends with: 0, or the failure's code once a start that could not succeed was closed. */
    static int exitCode() {
        return exitCode;
    }

    /**
     * The start is complete (the main window shown with its lists, the warm-up done, every tab attached): under
     * {@code --smoke-exit} the app closes once that is drawn. FX thread.
     */
    public static void started() {
        if (smokeExit) {
            whenDrawn(() -> {
                mark("smoke exit");
                Platform.exit();
            });
        }
    }

    /**
     * The app cannot start (the data directory is in use by another Foresto, the database failed): its message in a
     * dialog and on the console; closing the dialog ends the app with the failure's exit code, since there is nothing a
     * window without a database could do. Under {@code --smoke-exit} the dialog's OK is pressed once it is drawn. FX
     * thread.
     */
    public static void failed(Stage owner, UiError e) {
        Alert a = new Alert(Alert.AlertType.ERROR, e.plain(), ButtonType.OK);
        a.setTitle(e.title());
        a.setHeaderText(e.title()); // plain words; the code stays in the details line
        a.getDialogPane().setId("errorDialog");
        MainWindow.styled(a.getDialogPane());
        if (owner != null && owner.isShowing()) {
            a.initOwner(owner);
        }
        a.getDialogPane().setMinWidth(520);
        a.setOnHidden(ev -> {
            exitCode = e.code().exitCode();
            Platform.exit();
        });
        a.show();
        PrintWriter out = milestones;
        if (out != null) {
            out.println("error: " + e.describe());
            out.flush();
        }
        if (smokeExit) {
            Button ok = (Button) a.getDialogPane().lookupButton(ButtonType.OK);
            whenDrawn(ok::fire);
        }
    }
}
