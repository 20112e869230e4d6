package foresto.ui.common;

import foresto.text.PlainNumber;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any table as tab-separated text for a spreadsheet: a header line of the visible columns' titles, then every row in
 * the order shown (sorted as on screen), one line each, each cell as the screen shows it ("1,234.57", "8.49 %",
 * "Equity 26.92 %", "—"): the clipboard carries the screen's text, in the screen's language, so what is pasted reads
 * like what was seen. Tabs and line breaks inside a cell become spaces. Files for scripts (the CSV exports) keep
 * full precision.
 */
public final class TableClipboard {
    private static final Pattern NUMBER =
            Pattern.compile("([+\\-\u2212]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s?(%p|%)?");

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

    /**
     * One value as a spreadsheet reads it as a number: grouping dropped ("1,234.5" → "1234.5"), a value held as a
     * number as a plain decimal, percentage points as the same percentage, "—" empty. Not what the clipboard copies
     * (that is the shown text); for a caller that wants the figure behind a screen text.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? PlainNumber.of(d) : "";
        }
        String text = value.toString().replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').trim();
        if (text.equals("\u2014")) {
            return "";
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String sign = m.group(1).isEmpty() || m.group(1).equals("+") ? "" : "-";
        String fraction = m.group(3) == null ? "" : m.group(3);
        String percent = m.group(4) == null ? "" : "%";
        return sign + m.group(2).replace(",", "") + fraction + percent;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join("\t", cells)).append('\n');
    }
}
