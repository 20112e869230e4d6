package foresto.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/**
 * Sizes a table's columns to what they show: every column at least as wide as its header's text (headers are never
 * cut, whatever the window's width: the table scrolls sideways instead), and, when asked, as wide as the texts of its
 * first rows. Widths are measured with the header label's own font (the style sheet's), once the table has a skin,
 * and again when its columns change.
 */
public final class ColumnFit {
    /** Room beside a header's text: the label's padding, the header's border and a sort arrow. */
    static final double HEADER_EXTRA = 26;
    /** Room beside a cell's text: the cell's padding and border. */
    static final double CELL_EXTRA = 18;
    /** Key of a column's property giving the text of a cell value (for columns holding numbers). */
    private static final String TEXT_KEY = ColumnFit.class.getName() + ".text";
    /** Key of a column's property: the widest its texts may make it (its header still fits). */
    private static final String CAP_KEY = ColumnFit.class.getName() + ".cap";

    /** Key of a table's property: set while its headers were last fitted without their labels (not laid out yet). */
    private static final String UNMEASURED_KEY = ColumnFit.class.getName() + ".unmeasured";
    /** Key of a table's property: set while a fit to content waits for the table to be laid out. */
    private static final String REFIT_KEY = ColumnFit.class.getName() + ".refit";
    /** Key of a column's property: set once its title is watched. */
    private static final String WATCHED_KEY = ColumnFit.class.getName() + ".watched";

    private ColumnFit() {
    }

    /** Keeps every column of {@code table} at least as wide as its header's text, now and as its columns change. */
    public static void headersNeverCut(TableView<?> table) {
        Runnable fit = () -> Platform.runLater(() -> fitHeaders(table));
        table.skinProperty().addListener((o, a, s) -> fit.run());
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c -> {
            fit.run();
            table.getColumns().forEach(col -> watchText(col, fit));
        });
        table.getColumns().forEach(col -> watchText(col, fit));
        // a table built out of sight (a tab not yet shown) has no header labels to measure with the style sheet's font:
        // it is measured again once it is laid out in a scene
        table.widthProperty().addListener((o, a, w) -> {
            if (table.getProperties().get(UNMEASURED_KEY) != null) {
                fit.run();
            }
        });
        if (table.getSkin() != null) {
            fit.run();
        }
    }

    /** How the texts of {@code column}'s cells read, for sizing a column whose values are not text (numbers). */
    public static <S, T> void textOf(TableColumn<S, T> column, Function<T, String> text) {
        column.getProperties().put(TEXT_KEY, text);
    }

    /**
     * Keeps {@link #toContent} from widening {@code column} past {@code max} pixels for its texts (long names show in
     * full on hover, see {@link HoverText}); its header still fits.
     */
    public static void capAt(TableColumn<?, ?> column, double max) {
        column.getProperties().put(CAP_KEY, max);
    }

    /**
     * Widens each column of {@code table} (up to {@code max} pixels, or the column's own cap) to the widest text among its first {@code rows}
     * rows and its header; never narrows one.
     */
    public static void toContent(TableView<?> table, int rows, double max) {
        List<? extends TableColumn<?, ?>> shown = leaves(table);
        if (!shown.isEmpty() && headerLabel(table, shown.get(0)) == null
                && table.getProperties().putIfAbsent(REFIT_KEY, Boolean.TRUE) == null) {
            // out of sight (a tab not shown yet): measured now with a guessed font, and again with the style sheet's
            // own once the table is laid out, as a Korean text is wider than the guess allows for
            ChangeListener<Number> again = new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Number> o, Number a, Number w) {
                    if (w.doubleValue() > 0) {
                        table.widthProperty().removeListener(this);
                        table.getProperties().remove(REFIT_KEY);
                        Platform.runLater(() -> toContent(table, rows, max));
                    }
                }
            };
            table.widthProperty().addListener(again);
        }
        Font font = cellFont(table);
        int n = Math.min(rows, table.getItems().size());
        for (TableColumn<?, ?> c : leaves(table)) {
            double header = textWidth(c.getText(), headerFont(table, c)) + HEADER_EXTRA;
            double w = header;
            for (int i = 0; i < n; i++) {
                w = Math.max(w, textWidth(text(c, c.getCellData(i)), font) + CELL_EXTRA);
            }
            double cap = c.getProperties().get(CAP_KEY) instanceof Double d ? Math.min(max, d) : max;
            double fitted = Math.ceil(Math.max(Math.min(header, max), Math.min(cap, w)));
            if (fitted > c.getPrefWidth()) {
                c.setPrefWidth(fitted);
            }
        }
    }

    /** The width of {@code text} in {@code font}. */
    public static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The width a header needs to show {@code text} in full with the header label's font. */
    public static double headerWidth(TableView<?> table, TableColumn<?, ?> column) {
        return Math.ceil(textWidth(column.getText(), headerFont(table, column)) + HEADER_EXTRA);
    }

    /** The label of {@code column}'s header once the table is laid out, or null. */
    public static Label headerLabel(TableView<?> table, TableColumn<?, ?> column) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() == column) {
                Node l = h.lookup(".label");
                return l instanceof Label label ? label : null;
            }
        }
        return null;
    }

    /** Fits the headers again when {@code column}'s title changes (once per column). */
    private static void watchText(TableColumn<?, ?> column, Runnable fit) {
        if (column.getProperties().putIfAbsent(WATCHED_KEY, Boolean.TRUE) == null) {
            column.textProperty().addListener((o, a, t) -> fit.run());
        }
    }

    private static void fitHeaders(TableView<?> table) {
        table.applyCss();
        boolean measured = true;
        for (TableColumn<?, ?> c : leaves(table)) {
            double need = headerWidth(table, c);
            Label l = headerLabel(table, c);
            measured &= l != null;
            if (l != null) {
                Insets in = l.getInsets();
                need = Math.max(need, Math.ceil(textWidth(c.getText(), l.getFont()) + in.getLeft() + in.getRight() + 16));
            }
            if (c.getMinWidth() < need) {
                c.setMinWidth(need);
            }
            if (c.getPrefWidth() < need) {
                c.setPrefWidth(need);
            }
        }
        if (measured) {
            table.getProperties().remove(UNMEASURED_KEY);
        } else {
            table.getProperties().put(UNMEASURED_KEY, Boolean.TRUE);
        }
    }

    private static Font headerFont(TableView<?> table, TableColumn<?, ?> column) {
        Label l = headerLabel(table, column);
        return l != null ? l.getFont() : cellFont(table);
    }

    private static Font cellFont(TableView<?> table) {
        Node cell = table.lookup(".table-cell");
        if (cell instanceof Labeled l) {
            return l.getFont();
        }
        // no row drawn yet (a run restored at start): the headers' family and size, as the style sheet sets both
        for (TableColumn<?, ?> c : leaves(table)) {
            Label header = headerLabel(table, c);
            if (header != null) {
                return Font.font(header.getFont().getFamily(), header.getFont().getSize());
            }
        }
        return Font.getDefault();
    }

    /** The text a cell of {@code c} holding {@code value} shows (its {@link #textOf} form, else the value's own text). */
    @SuppressWarnings("unchecked")
    static String text(TableColumn<?, ?> c, Object value) {
        Object f = c.getProperties().get(TEXT_KEY);
        if (value == null) {
            return "";
        }
        return f == null ? value.toString() : ((Function<Object, String>) f).apply(value);
    }

    private static List<? extends TableColumn<?, ?>> leaves(TableView<?> table) {
        return table.getVisibleLeafColumns();
    }
}
