package foresto.ui.i18n;

import foresto.i18n.Messages;
import foresto.ui.common.UiState;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;

import java.util.Locale;

/**
 * The language menu at the right end of the status bar: a label naming the language ("English ▾") that opens a menu
 * of the languages, each by its own name. A plain label keeps the status bar as tall as before. Picking a language
 * remembers it and says, in that language, that the app shows it from its next start: the screens are built once,
 * so switching the open window over would mean rebuilding it with every run, chart and unsaved edit on it.
 */
public final class LanguageSwitch {
    private static final String OPENS = " ▾";

    private LanguageSwitch() {
    }

    /** Adds the menu to the status bar (the node with style class {@code status-bar}) of {@code scene}; nothing without one. */
    public static void install(Scene scene, UiState state) {
        Node bar = scene.getRoot().lookup(".status-bar");
        if (bar instanceof Pane pane) {
            pane.getChildren().addAll(create(state));
        }
    }

    /** The note (empty until another language is picked) and the menu's label. */
    static Node[] create(UiState state) {
        Label note = new Label();
        note.setId("languageNote");
        note.getStyleClass().add("text-muted");
        Label current = new Label(ownName(Messages.locale()) + OPENS);
        current.setId("languageMenu");
        current.setStyle("-fx-cursor: hand;");
        ContextMenu menu = new ContextMenu();
        for (Locale language : Messages.LANGUAGES) {
            MenuItem item = new MenuItem(ownName(language));
            item.setId("language-" + language.getLanguage());
            item.setOnAction(e -> {
                UiLanguage.remember(state, language);
                current.setText(ownName(language) + OPENS);
                note.setText(language.equals(Messages.locale()) ? ""
                        : Messages.in(language, "language.restart", ownName(language)));
            });
            menu.getItems().add(item);
        }
        current.setOnMouseClicked(e -> menu.show(current, Side.TOP, 0, 0));
        return new Node[] {note, current};
    }

    /** A language by its own name (English, 한국어), whatever the current one. */
    static String ownName(Locale language) {
        return Messages.in(language, "language." + language.getLanguage());
    }
}
