package foresto.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/** Table cells of text that show their whole text on hover, so a column narrower than a long text hides nothing. */
public final class HoverText {
    /** The widest a hover text gets before it wraps. */
    static final double TIP_WIDTH = 600;

    private HoverText() {
    }

    /** A cell factory for {@code column}'s texts, each with its full text as a tooltip. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> cells() {
        return column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(TIP_WIDTH);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                tip.setText(text);
                setTooltip(empty || text == null || text.isEmpty() ? null : tip);
            }
        };
    }

    /** {@code column} with hover texts; returned for chaining. */
    public static <S> TableColumn<S, String> on(TableColumn<S, String> column) {
        column.setCellFactory(cells());
        return column;
    }
}
