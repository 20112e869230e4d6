package foresto.ui.i18n;

import foresto.i18n.Messages;
import foresto.ui.common.UiState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;

import java.util.Locale;

/**
 * The language picker at the right end of the status bar. Picking a language remembers it and says, in that
 * language, that the app shows it from its next start: the screens are built once, so switching the open window
 * over would mean rebuilding it with every run, chart and unsaved edit on it.
 */
public final class LanguageSwitch {
    private LanguageSwitch() {
    }

    /** Adds the picker to the status bar (the node with style class {@code status-bar}) of {@code scene}; nothing without one. */
    public static void install(Scene scene, UiState state) {
        Node bar = scene.getRoot().lookup(".status-bar");
        if (bar instanceof Pane pane) {
            pane.getChildren().addAll(create(state));
        }
    }

    /** The note (empty until a language is picked), the caption and the picker. */
    static Node[] create(UiState state) {
        Label note = new Label();
        note.setId("languageNote");
        note.getStyleClass().add("text-muted");
        Label caption = new Label(Messages.tr("language.label"));
        ComboBox<Locale> box = new ComboBox<>();
        box.setId("languageBox");
        box.getItems().setAll(Messages.LANGUAGES);
        box.setCellFactory(v -> new NameCell());
        box.setButtonCell(new NameCell());
        box.setValue(Messages.locale());
        box.valueProperty().addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            UiLanguage.remember(state, now);
            note.setText(now.equals(Messages.locale()) ? ""
                    : Messages.in(now, "language.restart", Messages.in(now, "language." + now.getLanguage())));
        });
        return new Node[] {note, caption, box};
    }

    /** Each language by its own name (English, 한국어), whatever the current one. */
    private static final class NameCell extends ListCell<Locale> {
        @Override
        protected void updateItem(Locale item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Messages.in(item, "language." + item.getLanguage()));
        }
    }
}
