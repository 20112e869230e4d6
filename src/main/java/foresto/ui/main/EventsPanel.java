package foresto.ui.main;

import java.util.function.BiConsumer;
import foresto.ui.common.UiState;
import foresto.ui.common.SortedRows;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import static foresto.i18n.Messages.tr;
import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.HoverText;
import foresto.ui.common.LaterFrame;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * The events table (the CSV's columns, formatted for reading), linked to the charts' selection, and export. The
 * table follows the run's events two frames after the charts (see {@link foresto.ui.common.LaterFrame}); its rows
 * ({@link RunModel#eventRows()}) format their texts when first shown.
 */
public final class EventsPanel {
    @FXML Button exportButton;
    @FXML Label eventCountLabel;
    @FXML TableView<EventRow> eventTable;

    private static final String PLACEHOLDER = "main.events.placeholder";
    /** The rows whose texts size the columns (enough for a typical run's variety, cheap to measure). */
    private static final int FIT_ROWS = 40;
    /** A row's height: one line of the table's font with a little room (28 px at 14 px). */
    /** Wide enough for a Korean or English "why it fired" of a band rule; a longer text shows in full on hover. */
    private static final double MAX_COLUMN_WIDTH = 560;

    private MainViewModel vm;
    private MainController.Dialogs dialogs;

    /** The columns and the placeholder need no view-model: they are there while the database starts. */
    @FXML
    private void initialize() {
        setUpColumns();
        // one line a row, tighter than the style sheet's 2.8em for every table: eight rows fit under the charts at
        // 1280 × 800 (an inline style, as the style sheet's rule outranks a value set in code)
        eventTable.setStyle(Tables.DENSE_ROWS);
        exportButton.setDisable(true);
    }

    void bind(MainViewModel vm, MainController.Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        ResultViewModel r = vm.shown();
        LaterFrame follow = new LaterFrame(2, () -> {
            RunModel m = r.resultProperty().get();
            SortedRows.replace(eventTable, m == null ? List.of() : m.eventRows()); // r.events is m's events
            fitToRows();
            selectInTable(r);
        });
        r.getEvents().addListener((ListChangeListener<RebalancingEvent>) c -> follow.request());
        eventCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> tr("main.events.count", LocaleFormat.integer(r.getEvents().size())), r.getEvents()));
        exportButton.disableProperty().bind(Bindings.isEmpty(r.getEvents()).or(vm.busyProperty()));
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                r.selectedEventProperty().set(row.index());
            }
        });
        r.selectedEventProperty().addListener((o, a, i) -> selectInTable(r));
    }

    /**
     * Restores the table's sort (its first sort column and direction) from {@code state} and remembers each change
     * through {@code remember} (key, value; null value: unsorted), so a restart shows the events sorted as left.
     */
    void rememberSort(UiState state, BiConsumer<String, String> remember) {
        state.get(UiState.EVENTS_SORT).ifPresent(v -> {
            int colon = v.lastIndexOf(':');
            String id = colon < 0 ? v : v.substring(0, colon);
            eventTable.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(c -> {
                if (colon >= 0 && v.substring(colon + 1).equals(TableColumn.SortType.DESCENDING.name())) {
                    c.setSortType(TableColumn.SortType.DESCENDING);
                }
                eventTable.getSortOrder().setAll(List.of(c));
            });
        });
        Runnable write = () -> remember.accept(UiState.EVENTS_SORT, eventTable.getSortOrder().isEmpty() ? null
                : eventTable.getSortOrder().get(0).getId() + ":" + eventTable.getSortOrder().get(0).getSortType().name());
        eventTable.getSortOrder().addListener((ListChangeListener<TableColumn<EventRow, ?>>) c -> write.run());
        for (TableColumn<EventRow, ?> c : eventTable.getColumns()) {
            c.sortTypeProperty().addListener((o, a, b) -> {
                if (!eventTable.getSortOrder().isEmpty() && eventTable.getSortOrder().get(0) == c) {
                    write.run();
                }
            });
        }
    }

    /** Selects the selected event's row (wherever a sort put it), once the table shows this run's events. */
    private void selectInTable(ResultViewModel r) {
        Integer i = r.selectedEventProperty().get();
        if (i == null || i < 0 || i >= r.getEvents().size()) {
            return;
        }
        List<EventRow> rows = eventTable.getItems();
        EventRow row = i < rows.size() && rows.get(i).index() == i ? rows.get(i)
                : rows.stream().filter(x -> x.index() == i).findFirst().orElse(null);
        if (row != null && row.event() == r.getEvents().get(i) && eventTable.getSelectionModel().getSelectedItem() != row) {
            eventTable.getSelectionModel().select(row);
            eventTable.scrollTo(row);
        }
    }

    private void setUpColumns() {
        List<TableColumn<EventRow, ?>> cols = new ArrayList<>();
        for (int k = 0; k < EventTable.COLUMNS.size(); k++) {
            EventTable.Column c = EventTable.COLUMNS.get(k);
            int column = k;
            TableColumn<EventRow, ?> col;
            if (EventRow.isNumeric(c.header())) {
                col = numberColumn(c, column);
            } else {
                col = textColumn(c, column);
            }
            col.setId("col_" + c.header());
            col.setPrefWidth(c.header().endsWith("weights") ? 200 : c.header().equals("trigger_detail") ? 330 : 90);
            cols.add(col);
        }
        eventTable.getColumns().setAll(cols);
        eventTable.setPlaceholder(new Label(tr(PLACEHOLDER)));
        ColumnFit.headersNeverCut(eventTable);
    }

    /** A column of numbers: sorted by the engine's value, shown as the row's text for it. */
    private static TableColumn<EventRow, Double> numberColumn(EventTable.Column c, int column) {
        TableColumn<EventRow, Double> col = new TableColumn<>(title(c));
        col.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(EventRow.number(c.header(), cell.getValue().event())));
        col.setCellFactory(t -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                EventRow row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : row.cell(column));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        ColumnFit.textOf(col, v -> EventRow.numberText(c.header(), v));
        return col;
    }

    /** A column of text; a text wider than its column shows in full on hover. */
    private static TableColumn<EventRow, String> textColumn(EventTable.Column c, int column) {
        TableColumn<EventRow, String> col = new TableColumn<>(title(c));
        col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().cell(column)));
        col.setCellFactory(HoverText.cells());
        return col;
    }

    /** The table's rows: its columns widen to their texts (up to a limit; the rest shows on hover). */
    private void fitToRows() {
        ColumnFit.toContent(eventTable, FIT_ROWS, MAX_COLUMN_WIDTH);
    }

    @FXML
    void onExport() {
        RunModel m = vm.resultProperty().get();
        String name = m == null ? "events.csv" : "foresto-run-" + m.run().runId() + "-events.csv";
        dialogs.chooseExportFile(tr(RunExports.EVENTS_TITLE), name).ifPresent(p -> vm.exportEvents(p, () -> { }));
    }

    /** A column's title in the app's language; the CSV keeps its stable English header. */
    private static String title(EventTable.Column c) {
        String key = "main.events.col." + c.header();
        return Messages.has(key) ? tr(key) : c.title();
    }
}
