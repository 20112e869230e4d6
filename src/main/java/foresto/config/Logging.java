package foresto.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the app's log goes. The app logs through SLF4J (its backend, slf4j-simple, is configured by
 * {@code simplelogger.properties}: warnings and errors, to stderr). The desktop app sends it to one file instead,
 * {@code <data dir>/logs/foresto.log} (see {@link AppConfig#dataDirectory()}); the file is started afresh at each
 * start and the previous start's log is kept as {@code foresto.log.1}. The command line's commands (and
 * {@code serve}) keep logging to stderr, their console.
 */
public final class Logging {
    /** slf4j-simple's setting for its output; read once, when the first logger is made. */
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private Logging() {
    }

    /** The app's log file for the data directory {@code dataDirectory}. */
    public static Path logFile(Path dataDirectory) {
        return dataDirectory.resolve("logs").resolve("foresto.log");
    }

    /**
     * Sends the log to {@link #logFile(Path)}, keeping the previous one as {@code foresto.log.1}. Must run before the
     * first logger is made (slf4j-simple reads its output once). An explicit {@code -Dorg.slf4j.simpleLogger.logFile}
     * wins.
     *
     * @return the file the log goes to, or empty when it stays on stderr (set explicitly, or the directory
     * cannot be written)
     */
    public static Optional<Path> toFile(Path dataDirectory) {
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return Optional.empty();
        }
        Path file = logFile(dataDirectory);
        try {
            Files.createDirectories(file.getParent());
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return Optional.empty(); // nowhere to write: the log stays on stderr
        }
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
        return Optional.of(file);
    }
}
