package foresto.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.ToDoubleFunction;

/**
 * A table column of numbers: it holds the number, so a click on its header sorts by value (999.57 before 8,634.00,
 * a missing value, NaN, last), and shows it as a text made by the caller (the screen's number forms,
 * {@link foresto.text.DisplayNumber}), right-aligned. A copy of the table takes the text it shows.
 */
public final class NumberColumn {
    /** What may follow a number in a cell. */
    private static final Set<String> UNITS = Set.of("", "%", "%p", "×");
    /** A number at the start of a text: an optional "#", a sign, digits with grouping commas, decimals, exponent. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("#?([+-]?[0-9][0-9,]*(\\.[0-9]+)?([eE][+-]?[0-9]+)?)");

    private NumberColumn() {
    }

    /** A column titled {@code title} of {@code value} of each row, shown as {@code text} writes it. */
    public static <S> TableColumn<S, Double> of(String title, ToDoubleFunction<S> value, DoubleFunction<String> text) {
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        c.setCellFactory(t -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        });
        c.setComparator(Double::compare);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        ColumnFit.textOf(c, text::apply);
        return c;
    }

    /**
     * Makes a column of texts that are numbers in the screen's forms ("8.49 %", "+0.22 %p", "1,922", "#12") sort by
     * the number; a text without one (a name, "—", "") sorts after every number, by its text. For columns whose rows
     * hand over texts; a column built here from the numbers ({@link #of}) needs no parsing.
     */
    public static <S> TableColumn<S, String> sortedByNumber(TableColumn<S, String> c) {
        c.setComparator(NumberColumn::compareTexts);
        return c;
    }

    /** Numbers first, by value; then the other texts, alphabetically. */
    static int compareTexts(String a, String b) {
        double x = numberIn(a);
        double y = numberIn(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            if (Double.isNaN(x) && Double.isNaN(y)) {
                return String.valueOf(a).compareTo(String.valueOf(b));
            }
            return Double.isNaN(x) ? 1 : -1;
        }
        return Double.compare(x, y);
    }

    /** The number a text is (an optional "#", grouping commas ignored, a unit after it: %, %p, ×), or NaN. */
    static double numberIn(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.strip();
        Matcher m = LEADING_NUMBER.matcher(t);
        if (!m.lookingAt() || !UNITS.contains(t.substring(m.end()).strip())) {
            return Double.NaN; // not a number in one of the screen's forms (a date, a name, "—")
        }
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
