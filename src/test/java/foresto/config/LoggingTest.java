package foresto.config;

import foresto.ui.common.UiState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app's log goes to {@code <data dir>/logs/foresto.log} (the README's "Logs"). Each case runs a child JVM:
 * slf4j-simple chooses its output once per JVM, and this one's is already chosen.
 */
class LoggingTest {
    @TempDir
    Path data;

    @Test
    void theLogFileIsInTheDataDirectorysLogsFolder() {
        assertThat(Logging.logFile(Path.of("/home/a/.local/share/foresto")))
                .isEqualTo(Path.of("/home/a/.local/share/foresto/logs/foresto.log"));
    }

    @Test
    void anAppWarningIsWrittenToTheLogFileNotToTheConsole() throws Exception {
        Path state = unreadableUiState();

        String console = runApp(state);

        Path log = data.resolve("logs").resolve("foresto.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains(" WARN foresto.ui.common.UiState - ignoring unreadable UI state "
                + state + ": Malformed");
        assertThat(console).doesNotContain("UI state");
    }

    @Test
    void thePreviousStartsLogIsKeptAsLog1() throws Exception {
        Path first = unreadableUiState();
        runApp(first);
        Path second = data.resolve("second.properties");
        Files.copy(first, second);

        runApp(second);

        Path logs = data.resolve("logs");
        assertThat(Files.readString(logs.resolve("foresto.log"))).contains(second.toString()).doesNotContain(first.toString());
        assertThat(Files.readString(logs.resolve("foresto.log.1"))).contains(first.toString());
    }

    private Path unreadableUiState() throws IOException {
        Path state = data.resolve("first.properties");
        Files.writeString(state, "setup.portfolio=\\u12", StandardCharsets.ISO_8859_1); // a broken \\uXXXX escape
        return state;
    }

    /** Runs {@link App} in a child JVM; returns what it printed on stdout and stderr. */
    private String runApp(Path uiState) throws Exception {
        Path console = Files.createTempFile(data, "console", ".txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName(), data.toString(), uiState.toString()))
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM done").isTrue();
        String printed = Files.readString(console);
        assertThat(p.exitValue()).as(printed).isZero();
        Files.delete(console);
        return printed;
    }

    /** The desktop app's order: the log's file is chosen, then app code logs (here: an unreadable UI state). */
    static final class App {
        public static void main(String[] args) {
            Logging.toFile(Path.of(args[0]));
            new UiState(Path.of(args[1]));
        }
    }
}
