package foresto.ui;

import java.awt.SplashScreen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's splash: the image named by the jar's manifest ({@code SplashScreen-Image}, or {@code -splash:} under
 * Maven), which the {@code java} launcher shows before the JVM has even started — a tenth of a second after the
 * command instead of the ~1 s a first JavaFX window takes on this machine. The app then shows no JavaFX splash of its
 * own: the picture stays until the main window has been drawn, then it is closed. When the app runs in a child JVM
 * ({@link SharedArchive}) the first JVM's splash stays up until the child says its window is drawn, by creating a
 * marker file the first JVM waits for (or until the child ends). Nothing happens without a display, in a headless
 * JVM, or when the launcher showed no splash.
 */
final class NativeSplash {
    /** The system property naming the file a child JVM creates once its window is drawn. */
    static final String MARKER = "foresto.splash.marker";
    /** How often the first JVM looks for the marker. */
    private static final long POLL_MS = 20;

    private NativeSplash() {
    }

    /** Whether this JVM's launcher is showing a splash. */
    static boolean showing() {
        try {
            SplashScreen s = SplashScreen.getSplashScreen();
            return s != null && s.isVisible();
        } catch (UnsupportedOperationException | IllegalStateException | LinkageError e) {
            return false; // headless (HeadlessException is one), or no splash support in this JDK
        }
    }

    /** Whether a launcher's splash is up for this app: this JVM's own, or the first JVM's, which waits for this one. */
    static boolean up() {
        return System.getProperty(MARKER) != null || showing();
    }

    /** Closes this JVM's splash, if any, and tells a first JVM waiting for this one that its window is drawn. */
    static void close() {
        try {
            SplashScreen s = SplashScreen.getSplashScreen();
            if (s != null) {
                s.close();
            }
        } catch (UnsupportedOperationException | IllegalStateException | LinkageError e) {
            // none to close
        }
        String marker = System.getProperty(MARKER);
        if (marker != null) {
            try {
                Files.createFile(Path.of(marker));
            } catch (IOException e) {
                // the first JVM closes its splash when this one ends instead
            }
        }
    }

    /**
     * In the first JVM, before it starts the app's JVM with {@code command}: when a splash is showing, adds the
     * option that names the marker (a file in {@code dataDirectory}, named by this process) and the one that keeps
     * the child's launcher from showing a second splash before {@code -jar}, and returns the marker; else empty and
     * the command is unchanged.
     */
    static Optional<Path> handOver(List<String> command, Path dataDirectory, boolean showing) {
        int jar = command.indexOf("-jar");
        if (!showing || jar < 0) {
            return Optional.empty();
        }
        Path marker = dataDirectory.resolve("splash-" + ProcessHandle.current().pid() + ".drawn").toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory);
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            return Optional.empty();
        }
        // the child is started with -jar too, and its launcher would show the manifest's splash a second time;
        // the launcher shows none in a headless JVM (JavaFX does not use AWT's headless setting)
        command.add(jar, "-Djava.awt.headless=true");
        command.add(jar, "-D" + MARKER + "=" + marker);
        return Optional.of(marker);
    }

    /**
     * Closes this JVM's splash once {@code marker} exists or {@code child} has ended, on a daemon thread; the marker
     * is removed.
     */
    static Thread closeWhenDrawn(Path marker, Process child) {
        Thread t = new Thread(() -> {
            try {
                while (!Files.exists(marker) && child.isAlive()) {
                    Thread.sleep(POLL_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
            try {
                Files.deleteIfExists(marker);
            } catch (IOException ignored) {
                // a few bytes left in the data directory
            }
        }, "foresto-splash");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
