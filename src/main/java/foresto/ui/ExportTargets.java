package foresto.ui;

import static foresto.i18n.Messages.tr;
import foresto.ui.common.ScreenExports;
import foresto.ui.common.UiState;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where every export of the window asks for its file: the dialog titled for what it exports, opening in the folder
 * the last export went to (remembered in the UI state, so also after a restart; the chooser's own default when that
 * folder is gone or nothing was exported yet).
 */
final class ExportTargets implements ScreenExports.SaveTarget {
    /** The UI state's key of the last export folder. */
    static final String LAST_FOLDER = "export.lastFolder";
    static final String CSV_TITLE = "common.csvTitle";
    static final String SWEEP_TITLE = "sweep.exportTitle";
    static final String IMAGE_FAILED = "common.imageFailed";

    private final MainWindow.ExportChooser chooser;
    private final UiState state;
    private final Supplier<Window> owner;

    ExportTargets(MainWindow.ExportChooser chooser, UiState state, Supplier<Window> owner) {
        this.chooser = chooser;
        this.state = state;
        this.owner = owner;
    }

    @Override
    public Optional<Path> choose(String what, String suggestedName) {
        Path folder = state.get(LAST_FOLDER).map(Path::of).filter(Files::isDirectory).orElse(null);
        Optional<Path> file = chooser.choose(owner.get(), what, folder, suggestedName);
        file.map(f -> f.toAbsolutePath().getParent()).ifPresent(dir -> {
            state.put(LAST_FOLDER, dir.toString());
            state.save();
        });
        return file;
    }

    /** With a title from the file's kind (a PNG is a chart image, anything else a CSV). */
    Optional<Path> choose(String suggestedName) {
        return choose(titleFor(suggestedName), suggestedName);
    }

    static String titleFor(String suggestedName) {
        return tr(suggestedName.endsWith(".png") ? ScreenExports.SAVE_IMAGE_TITLE : CSV_TITLE);
    }
}
