package foresto.ui.main;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/** Helpers for the screen's tables. */
final class Tables {
    /** The events table's lower rows (2em instead of the theme's 2.8em), for every table of the analysis screen. */
    static final String DENSE_ROWS = "-fx-fixed-cell-size: 2em;";

    private Tables() {
    }

    /** Gives {@code table} the events table's lower rows, so more of them are in view at 1280 × 800. */
    static void dense(TableView<?> table) {
        table.getStyleClass().add("dense");
        table.setStyle(DENSE_ROWS);
    }

    /**
     * Creates a table's rows and cells ahead of need: lays it out once with {@code sample} (repeated to fill its
     * height) as its items, then gives it its own items back, within one FX event, so no frame ever shows the sample.
     * A table keeps the rows it made for later items, so the first real rows only fill in text; without this the
     * first run creates, styles and lays out every visible row and cell (~100–200 ms of cold code per table on the
     * FX thread). Only an empty table is primed (one showing rows has made them already; swapping its items would
     * also drop its selection and scroll position), and only one in a scene with items of its own (not bound).
     *
     * @return whether the table was laid out with the sample
     */
    static <T> boolean prime(TableView<T> table, List<T> sample) {
        if (table.getScene() == null || sample.isEmpty() || table.itemsProperty().isBound()
                || !table.getItems().isEmpty()) {
            return false;
        }
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        int rows = (int) Math.ceil(Math.max(table.getHeight(), 600) / rowHeight) + 1;
        List<T> filled = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            filled.add(sample.get(i % sample.size()));
        }
        ObservableList<T> own = table.getItems();
        table.setItems(FXCollections.observableArrayList(filled));
        table.applyCss();
        table.layout();
        table.setItems(own);
        table.layout();
        return true;
    }
}
