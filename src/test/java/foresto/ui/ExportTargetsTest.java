package foresto.ui;

import foresto.ui.common.UiState;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTargetsTest {
    /** Answers with {@code next} and records the title and folder each dialog was opened with. */
    private static final class Fake implements MainWindow.ExportChooser {
        final List<String> titles = new ArrayList<>();
        final List<Path> folders = new ArrayList<>();
        Path next;

        @Override
        public Optional<Path> choose(Window owner, String suggestedName) {
            throw new AssertionError("asked without a title");
        }

        @Override
        public Optional<Path> choose(Window owner, String what, Path folder, String suggestedName) {
            titles.add(what + ": " + suggestedName);
            folders.add(folder);
            return Optional.ofNullable(next);
        }
    }

    @Test
    void theNextDialogOpensWhereTheLastExportWentAlsoAfterARestart(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("ui-state.properties");
        Fake chooser = new Fake();
        ExportTargets targets = new ExportTargets(chooser, new UiState(stateFile), () -> null);
        Path reports = Files.createDirectories(dir.resolve("reports"));

        chooser.next = reports.resolve("a.csv");
        assertThat(targets.choose("Export daily values to CSV", "daily.csv")).contains(reports.resolve("a.csv"));
        assertThat(chooser.folders.get(0)).isNull(); // nothing exported yet: the chooser's own default
        chooser.next = null; // cancelled: the folder stays
        assertThat(targets.choose("chart.png")).isEmpty();
        assertThat(chooser.folders.get(1)).isEqualTo(reports.toAbsolutePath());

        ExportTargets restarted = new ExportTargets(chooser, new UiState(stateFile), () -> null);
        restarted.choose("Export the summary to CSV", "summary.csv");
        assertThat(chooser.folders.get(2)).isEqualTo(reports.toAbsolutePath());
        assertThat(chooser.titles).containsExactly("Export daily values to CSV: daily.csv",
                "Save chart image as PNG: chart.png", "Export the summary to CSV: summary.csv");
    }

    @Test
    void aFolderThatIsGoneIsNotOffered(@TempDir Path dir) throws Exception {
        UiState state = UiState.inMemory();
        state.put(ExportTargets.LAST_FOLDER, dir.resolve("deleted").toString());
        Fake chooser = new Fake();
        new ExportTargets(chooser, state, () -> null).choose("sweep.csv");
        assertThat(chooser.folders).containsExactly((Path) null);
        assertThat(chooser.titles).containsExactly("Export to CSV: sweep.csv");
    }
}
