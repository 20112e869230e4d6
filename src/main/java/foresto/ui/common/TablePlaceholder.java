package foresto.ui.common;

import foresto.i18n.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** What an empty table shows in the app's language, instead of JavaFX's English "No content in table". */
public final class TablePlaceholder {
    private TablePlaceholder() {
    }

    /** Gives {@code table} the shared "nothing to show" placeholder unless it already has its own. */
    public static void standard(TableView<?> table) {
        if (table.getPlaceholder() == null) {
            Label l = new Label(Messages.tr("common.tableEmpty"));
            l.getStyleClass().add("table-placeholder");
            table.setPlaceholder(l);
        }
    }
}
