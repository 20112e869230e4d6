package foresto.ui;

import foresto.config.AppConfig;
import foresto.config.Logging;
import foresto.i18n.Messages;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the desktop app, or explains in one line why it cannot (no display) and what to use instead. Its console
 * lines go to the stream the command line hands it; the app itself logs to {@code <data dir>/logs/foresto.log}
 * ({@link Logging}).
 */
public final class DesktopLauncher {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" when it is on the
     * class path, which is how the single jar (and Maven) run it on purpose; the line only puzzles users. JavaFX logs
     * through the "javafx" logger; only its severe messages are shown. Held here
     * so the level is not lost with a collected logger.
     */
    private static final Logger JAVAFX_STARTUP_LOG = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    /**
     * @param console where the launcher's own lines go (why the app cannot start; the start-up milestones)
     * @return the process exit code when the app cannot start (0 under {@code mvn javafx:run}, whose own error
     * report would bury our one line); otherwise returns after the app closed: 0, or the exit code of the failure
     * that kept it from starting (its message shown, see {@link Startup#failed})
     */
    public static int launch(String[] args, PrintWriter console) {
        Startup.printMilestonesTo(console);
        boolean smokeExit = List.of(args).contains(SMOKE_EXIT);
        Startup.smokeExit(smokeExit);
        if (smokeExit && !hasDisplay()) {
            headless();
        }
        if (!hasDisplay()) {
            console.println(Messages.tr("launcher.noDisplay", REPORT_COMMAND));
            return underMaven() ? 0 : 2;
        }
        // from the jar: the app runs in a child JVM with class-data sharing (starts ~1 s sooner), see SharedArchive
        AppConfig config = AppConfig.load();
        if (System.getProperty(SharedArchive.CHILD) == null && NativeSplash.showing()) {
            Startup.mark("native splash up"); // shown by the java launcher before the JVM started
        }
        OptionalInt relaunched = SharedArchive.relaunch(args, config.dataDirectory());
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        // the JVM that runs the app (the child when relaunched): before the first logger is made
        Logging.toFile(config.dataDirectory());
        try {
            Startup.mark("launcher");
            // the embedded database starts now, while JavaFX starts and shows the splash
            Startup.beginBackend(config);
            JAVAFX_STARTUP_LOG.setLevel(Level.SEVERE);
            Application.launch(ForestoApp.class, args);
            return Startup.exitCode();
        } catch (RuntimeException | LinkageError e) {
            // the logger is made here, not in a static field: the log's file is chosen above, before the first one
            LoggerFactory.getLogger(DesktopLauncher.class).error("the desktop app could not start", e);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            console.println(Messages.tr("launcher.cannotStart", String.valueOf(root.getMessage()),
                    String.valueOf(root.getMessage()).contains("GTK") ? Messages.tr("launcher.installGtk") : "", REPORT_COMMAND));
            return underMaven() ? 0 : 1;
        }
    }

    /**
     * The app's argument that makes it close by itself once its main window is drawn (exit 0), or once the message of a
     * start that failed was shown (that failure's exit code): how an installed image is checked. Without a display it
     * runs on Monocle's headless platform.
     */
    public static final String SMOKE_EXIT = "--smoke-exit";

    /** The command that draws the charts without a display (the same in every language). */
    private static final String REPORT_COMMAND = "java -jar foresto.jar report --portfolio P [--rule R] --out DIR";

    /** JavaFX without a display (Monocle's headless platform, software rendering); before any JavaFX class is used. */
    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }

    /** Launched by {@code mvn javafx:run} (the pom passes -Dforesto.launchedBy=maven). */
    static boolean underMaven() {
        return "maven".equals(System.getProperty("foresto.launchedBy"));
    }

    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return true; // Windows and macOS always have a desktop session when a user runs the app
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
