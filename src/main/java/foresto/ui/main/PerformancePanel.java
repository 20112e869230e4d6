package foresto.ui.main;

import foresto.ui.common.SortedRows;
import static foresto.i18n.Messages.tr;
import foresto.ui.chart.AnnualBars;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.NumberColumn;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The run's performance views beside the summary: the underwater (drawdown) chart ON vs OFF, calendar-year
 * returns as bars and a table, and the ON path's cumulative trading cost. The time charts zoom with the value
 * chart and show the selected day.
 */
public final class PerformancePanel {
    final TimeSeriesChart drawdown = new TimeSeriesChart(tr("main.perf.drawdownAxis"));
    final AnnualBars annual = new AnnualBars();
    final TableView<ResultViewModel.YearRow> years = new TableView<>();
    final TimeSeriesChart costs = new TimeSeriesChart(tr("main.perf.costAxis"));
    private List<Tab> tabs;

    PerformancePanel(ResultViewModel r, TimeSeriesChart valueChart) {
        drawdown.setId("drawdownChart");
        drawdown.setUnits(TimeSeriesChart.Units.PERCENT);
        costs.setId("costChart");
        annual.setId("annualBars");
        years.setId("annualTable");
        for (TimeSeriesChart c : List.of(drawdown, costs)) {
            c.visibleRangeProperty().bindBidirectional(valueChart.visibleRangeProperty());
            c.selectedDayProperty().bind(valueChart.selectedDayProperty());
            c.setOnDayClicked(r::selectDay);
        }
        costs.highlightedProperty().bind(r.selectedEventProperty());
        costs.setOnMarkerClicked(i -> r.selectedEventProperty().set(i));
        // the table is filled with the bars, when the tab is looked at (from RunModel.yearRows)
        years.getColumns().setAll(List.of(col(tr("main.perf.yearCol"), ResultViewModel.YearRow::year, 60),
                col(tr("main.perf.onCol"), ResultViewModel.YearRow::on, 90), col(tr("main.perf.offCol"), ResultViewModel.YearRow::off, 90),
                col(tr("main.perf.diffCol"), ResultViewModel.YearRow::difference, 100)));
        years.setPrefWidth(360);
        years.setMinWidth(360);
        years.setPlaceholder(new Label(tr("main.perf.yearsPlaceholder")));
        ColumnFit.headersNeverCut(years);
        update = new InViewUpdate(() -> show(r.resultProperty().get()));
        r.resultProperty().addListener((o, a, m) -> {
            if (a != null && m != null && a.paths() == m.paths()) {
                return; // the stored version of the run on screen
            }
            update.request();
        });

        Label costNote = new Label();
        costNote.getStyleClass().add("text-muted");
        costNote.textProperty().bind(Bindings.createStringBinding(() -> r.resultProperty().get() != null && !r.resultProperty().get().paths().hasOn()
                ? tr("main.perf.noCosts") : tr("main.perf.costNote"),
                r.resultProperty()));
        HBox annualBox = new HBox(8, annual, years);
        HBox.setHgrow(annual, Priority.ALWAYS);
        annualBox.setPadding(new Insets(4, 8, 4, 8));
        VBox costBox = new VBox(2, costNote, costs);
        VBox.setVgrow(costs, Priority.ALWAYS);
        costBox.setPadding(new Insets(2, 8, 2, 8));
        tabs = List.of(new Tab(tr("main.perf.drawdownTab"), drawdown), new Tab(tr("main.perf.annualTab"), annualBox),
                new Tab(tr("main.perf.costsTab"), costBox));
        // the views are filled when one of them is first looked at, not on every run (a run's first frame stays cheap)
        update.onlyWhen(Bindings.createBooleanBinding(() -> tabs.stream().anyMatch(Tab::isSelected),
                tabs.stream().map(Tab::selectedProperty).toArray(Observable[]::new)));
    }

    private final InViewUpdate update;

    List<Tab> tabs() {
        return tabs;
    }

    private void show(RunModel m) {
        if (m == null) {
            drawdown.clear();
            costs.clear();
            annual.setData(List.of());
            years.getItems().clear();
            return;
        }
        drawdown.setData(RunCharts.drawdown(m));
        costs.setData(RunCharts.cumulativeCost(m));
        annual.setData(RunCharts.annual(m));
        SortedRows.replace(years, m.yearRows());
    }

    private static TableColumn<ResultViewModel.YearRow, String> col(String title, Function<ResultViewModel.YearRow, String> f,
                                                                   double width) {
        TableColumn<ResultViewModel.YearRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        NumberColumn.sortedByNumber(c); // every column is a number: the year, the returns
        if (!title.equals(tr("main.perf.yearCol"))) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }
}
