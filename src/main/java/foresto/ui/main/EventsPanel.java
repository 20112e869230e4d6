package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The events table (the CSV's columns, formatted for reading), linked to the charts' selection, and export. */
public final class EventsPanel {
    @FXML Button exportButton;
    @FXML Label eventCountLabel;
    @FXML TableView<RebalancingEvent> eventTable;

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
        ResultViewModel r = vm.shown;
        eventTable.setItems(r.events);
        eventCountLabel.textProperty().bind(Bindings.size(r.events).asString("%d events"));
        exportButton.disableProperty().bind(Bindings.isEmpty(r.events).or(vm.busy));
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                r.selectedEvent.set(r.events.indexOf(e));
            }
        });
        r.selectedEvent.addListener((o, a, i) -> {
            if (i != null && i >= 0 && i < r.events.size()) {
                RebalancingEvent e = r.events.get(i);
                if (eventTable.getSelectionModel().getSelectedItem() != e) {
                    eventTable.getSelectionModel().select(e);
                    eventTable.scrollTo(e);
                }
            }
        });
    }

    private void setUpColumns() {
        List<TableColumn<RebalancingEvent, ?>> cols = new ArrayList<>();
        for (EventTable.Column c : EventTable.COLUMNS) {
            Function<RebalancingEvent, String> display = displayOf(c);
            TableColumn<RebalancingEvent, String> col = new TableColumn<>(c.title());
            col.setId("col_" + c.header());
            col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(display.apply(cell.getValue())));
            if (isNumeric(c.header())) {
                col.setComparator((x, y) -> Double.compare(parse(x), parse(y)));
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            col.setPrefWidth(c.header().endsWith("weights") ? 260 : c.header().equals("trigger_detail") ? 330 : 110);
            cols.add(col);
        }
        eventTable.getColumns().setAll(cols);
        eventTable.setPlaceholder(new Label("Run a backtest with rebalancing ON to see its events."));
    }

    private static boolean isNumeric(String header) {
        return header.equals("turnover") || header.startsWith("cost") || header.startsWith("value");
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.replace("%", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Same columns as the CSV; numbers shown rounded, weights as percentages. */
    private static Function<RebalancingEvent, String> displayOf(EventTable.Column c) {
        return switch (c.header()) {
            case "turnover" -> e -> String.format(Locale.ROOT, "%.4f%%", e.turnover() * 100);
            case "cost_amount" -> e -> String.format(Locale.ROOT, "%,.6f", e.costAmount());
            case "value_before" -> e -> String.format(Locale.ROOT, "%,.4f", e.valueBefore());
            case "value_after" -> e -> String.format(Locale.ROOT, "%,.4f", e.valueAfter());
            case "before_weights" -> e -> percentMap(e.beforeWeights());
            case "after_weights" -> e -> percentMap(e.afterWeights());
            default -> c.raw();
        };
    }

    private static String percentMap(Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "  ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f%%", v * 100)));
        return sb.toString();
    }

    @FXML
    void onExport() {
        RunModel m = vm.result.get();
        String name = m == null ? "events.csv" : "foresto-run-" + m.run().runId() + "-events.csv";
        dialogs.chooseExportFile(name).ifPresent(p -> vm.exportEvents(p, () -> { }));
    }
}
