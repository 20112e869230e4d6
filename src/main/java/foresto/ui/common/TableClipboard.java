package foresto.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.ArrayList;
import java.util.List;

/**
 * Any table as tab-separated text for a spreadsheet: a header line of the visible columns' titles, then every row in
 * the order shown (sorted as on screen), one line each, each cell as the screen shows it ("1,234.57", "8.49 %",
 * "Equity 26.92 %", "—"): the clipboard carries the screen's text, in the screen's language, so what is pasted reads
 * like what was seen. Tabs and line breaks inside a cell become spaces. Files for scripts (the CSV exports) keep
 * full precision.
 */
public final class TableClipboard {
    private TableClipboard() {
    }

    /** The table as tab-separated lines (header first), each ending with a line break. */
    public static String tsv(TableView<?> table) {
        return tsvOf(table);
    }

    private static <S> String tsvOf(TableView<S> table) {
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(columns.size());
        for (TableColumn<S, ?> c : columns) {
            header.add(title(c));
        }
        line(out, header);
        for (S item : table.getItems()) {
            List<String> cells = new ArrayList<>(columns.size());
            for (TableColumn<S, ?> c : columns) {
                cells.add(shown(ColumnFit.text(c, c.getCellData(item))));
            }
            line(out, cells);
        }
        return out.toString();
    }

    /** Puts {@link #tsv} of the table on the system clipboard; returns the text. FX thread. */
    public static String copy(TableView<?> table) {
        String text = tsv(table);
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    /** A column's title, with its parent column's in front for a nested one ("ON Value"). */
    private static String title(TableColumnBase<?, ?> c) {
        String own = c.getText() == null ? "" : c.getText();
        TableColumnBase<?, ?> parent = c.getParentColumn();
        return parent == null || parent.getText() == null || parent.getText().isEmpty() ? own
                : title(parent) + " " + own;
    }

    /** A cell's shown text on one line. */
    static String shown(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').trim();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join("\t", cells)).append('\n');
    }
}
