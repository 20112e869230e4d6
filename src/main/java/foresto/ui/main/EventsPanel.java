package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;
import foresto.ui.common.LaterFrame;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

    private MainViewModel vm;
    private MainController.Dialogs dialogs;

    /** The columns and the placeholder need no view-model: they are there while the database starts. */
    @FXML
    private void initialize() {
        setUpColumns();
        exportButton.setDisable(true);
    }

    void bind(MainViewModel vm, MainController.Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        ResultViewModel r = vm.shown();
        LaterFrame follow = new LaterFrame(2, () -> {
            RunModel m = r.resultProperty().get();
            eventTable.getItems().setAll(m == null ? List.of() : m.eventRows()); // r.events is m's events
            selectInTable(r);
        });
        r.getEvents().addListener((ListChangeListener<RebalancingEvent>) c -> follow.request());
        eventCountLabel.textProperty().bind(Bindings.size(r.getEvents()).asString("%d events"));
        exportButton.disableProperty().bind(Bindings.isEmpty(r.getEvents()).or(vm.busyProperty()));
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                r.selectedEventProperty().set(row.index());
            }
        });
        r.selectedEventProperty().addListener((o, a, i) -> selectInTable(r));
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
            TableColumn<EventRow, String> col = new TableColumn<>(c.title());
            col.setId("col_" + c.header());
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().cell(column)));
            if (EventRow.isNumeric(c.header())) {
                col.setComparator((x, y) -> Double.compare(parse(x), parse(y)));
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            col.setPrefWidth(c.header().endsWith("weights") ? 260 : c.header().equals("trigger_detail") ? 330 : 110);
            cols.add(col);
        }
        eventTable.getColumns().setAll(cols);
        eventTable.setPlaceholder(new Label("Run a backtest with rebalancing ON to see its events."));
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.replace("%", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @FXML
    void onExport() {
        RunModel m = vm.resultProperty().get();
        String name = m == null ? "events.csv" : "foresto-run-" + m.run().runId() + "-events.csv";
        dialogs.chooseExportFile(RunExports.EVENTS_TITLE, name).ifPresent(p -> vm.exportEvents(p, () -> { }));
    }
}
