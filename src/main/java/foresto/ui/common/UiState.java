package foresto.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The last choices of the setup panel and the screen's layout (last shown run, log scale, window size, split
 * positions), kept between launches in a small properties file.
 */
public final class UiState {
    /** The key of the analyst's language ("en", "ko"); without it the machine's locale decides. */
    public static final String LANGUAGE = "language";
    /** The id of the last run shown on the analysis screen (shown again at the next start when it still exists). */
    public static final String LAST_RUN = "last_run";
    /** Whether the value chart is on the log scale ("true"/"false"). */
    public static final String LOG_SCALE = "log_scale";
    /** The main window's width and height in pixels. */
    public static final String WINDOW_WIDTH = "window_width";
    public static final String WINDOW_HEIGHT = "window_height";
    /** Whether the main window was maximized ("true"/"false"); its size above is the one it had when it was not. */
    public static final String WINDOW_MAXIMIZED = "window_maximized";
    /** The events table's sort: its column's id and the direction, "col_turnover:DESCENDING"; absent when unsorted. */
    public static final String EVENTS_SORT = "events_sort";
    /** A split pane's divider positions (0..1, comma-separated), after this prefix and the pane's id. */
    public static final String SPLIT_PREFIX = "split.";
    private static final Logger LOG = LoggerFactory.getLogger(UiState.class);
    private final Path file;
    private final Properties props = new Properties();

    public UiState(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable UI state {}: {}", file, e.getMessage());
            }
        }
    }

    /** A state that is never written (tests). */
    public static UiState inMemory() {
        return new UiState(null);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    public void put(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
    }

    /** Writes the file (best effort: failing to remember choices must not disturb the analyst). */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "Foresto Rebalancing Lab: last choices");
            }
        } catch (IOException e) {
            LOG.warn("cannot save UI state to {}: {}", file, e.getMessage());
        }
    }
}
