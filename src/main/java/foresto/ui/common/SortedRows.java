package foresto.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.Collection;

/**
 * New rows for a sortable table, kept in the order its header shows: a table sorts its rows only when its sort order
 * changes, so rows set later would show unsorted under the header's arrow.
 */
public final class SortedRows {
    private SortedRows() {
    }

    /** Replaces the table's rows with {@code items}, then sorts them by the table's sort order (if it has one). */
    public static <T> void replace(TableView<T> table, Collection<? extends T> items) {
        table.getItems().setAll(items);
        if (!table.getSortOrder().isEmpty()) {
            table.sort();
        }
    }

    /**
     * Shows {@code source}'s rows in a list of the table's own (so sorting never reorders {@code source}), replaced
     * and sorted again whenever {@code source} changes.
     */
    public static <T> void follow(TableView<T> table, ObservableList<T> source) {
        table.setItems(FXCollections.observableArrayList());
        replace(table, source);
        source.addListener((ListChangeListener<T>) c -> replace(table, source));
    }
}
