package foresto.ui.main;

import foresto.text.DisplayNumber;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.SortedRows;
import static foresto.i18n.Messages.tr;
import foresto.ui.chart.TimeSeriesChart;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The value chart (ON vs OFF with the events), the drift chart, and the weights at the selected close with the
 * drift explanation. Both charts share the zoom, the selected event and the selected day (a cursor).
 */
public final class ChartsPanel {
    static final String DRIFT_AXIS = "main.charts.driftAxis";
    static final String POINTS_TITLE = "main.charts.pointsTitle";
    static final String RATIO_TITLE = "main.charts.ratioTitle";
    static final String SCALE_TO_OFF_TIP = "main.charts.scaleToOffTip";
    static final String POINTS_TITLE_SHORT = "main.charts.pointsTitleShort";
    static final String RATIO_TITLE_SHORT = "main.charts.ratioTitleShort";
    static final String NO_BAND_TIP = "main.charts.noBandTip";
    static final String HELP = "main.chartsPanel.dragAcrossAChart";

    @FXML ToolBar valueToolbar;
    @FXML ToolBar driftToolbar;
    @FXML Label chartsHelp;
    @FXML Label valueTitle;
    @FXML CheckBox logScaleBox;
    @FXML StackPane valueChartHost;
    @FXML StackPane driftChartHost;
    @FXML Label driftTitle;
    @FXML CheckBox driftScaleToOffBox;
    @FXML Label dayDetailLabel;
    /** The weights table's row height: four classes and the header fit the lower chart row at 1280 × 800. */
    /** Room for a vertical scroll bar beside the weights table's columns (a portfolio of more classes than rows). */
    static final double SCROLL_BAR_ROOM = 16;
    static final String WEIGHT_ROWS = "-fx-fixed-cell-size: 1.8em;";
    @FXML TableView<RunModel.ClassWeight> weightsTable;
    @FXML TableColumn<RunModel.ClassWeight, String> wClassCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wOnCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wOffCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wTargetCol;

    final TimeSeriesChart valueChart = new TimeSeriesChart(tr("main.charts.valueAxis"));
    final TimeSeriesChart driftChart = new TimeSeriesChart(tr(DRIFT_AXIS));

    /** Binds the panel to {@code r}; {@code chartedRun} is set to the run whose charts are on screen. */
    public void bind(ResultViewModel r, ObjectProperty<RunModel> chartedRun) {
        valueChart.setId("valueChart");
        driftChart.setId("driftChart");
        valueChartHost.getChildren().add(valueChart);
        driftChartHost.getChildren().add(driftChart);
        driftChart.setPrefWidth(200); // the drift chart takes what the weights table leaves (it grows, the table does not)
        // the value chart right above shows the same dates: the drift chart's plot takes their room
        driftChart.setDateLabels(false);
        // how to zoom and inspect: a help mark with its tooltip, so the toolbar keeps room for its controls
        Tooltip help = new Tooltip(tr(HELP));
        help.setWrapText(true);
        help.setMaxWidth(420);
        chartsHelp.setTooltip(help);
        chartsHelp.setAccessibleText(tr(HELP));
        RunCharts.formatAxes(valueChart, driftChart);
        logScaleBox.selectedProperty().bindBidirectional(valueChart.logScaleProperty());
        driftScaleToOffBox.selectedProperty().bindBidirectional(driftChart.scaleToAllProperty());
        Tooltip scaleTip = new Tooltip();
        scaleTip.setWrapText(true);
        scaleTip.setMaxWidth(420);
        scaleTip.textProperty().bind(Bindings.when(driftScaleToOffBox.disabledProperty()).then(tr(NO_BAND_TIP))
                .otherwise(tr(SCALE_TO_OFF_TIP)));
        driftScaleToOffBox.setTooltip(scaleTip);
        // a short title in the toolbar, the whole sentence on hover
        driftTitle.textProperty().bind(Bindings.createStringBinding(() -> perClassBands(r)
                ? tr(RATIO_TITLE_SHORT) : tr(POINTS_TITLE_SHORT), r.resultProperty()));
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(Bindings.createStringBinding(() -> perClassBands(r)
                ? tr(RATIO_TITLE) : tr(POINTS_TITLE), r.resultProperty()));
        driftTitle.setTooltip(titleTip);
        // every toolbar item at its full width: a toolbar moves what does not fit into its » menu, never cuts it
        for (ToolBar bar : new ToolBar[] {valueToolbar, driftToolbar}) {
            bar.getItems().forEach(ChartsPanel::fullWidth);
            bar.getItems().addListener((ListChangeListener<Node>) c -> bar.getItems().forEach(ChartsPanel::fullWidth));
        }
        driftChart.visibleRangeProperty().bindBidirectional(valueChart.visibleRangeProperty());
        valueChart.highlightedProperty().bind(r.selectedEventProperty());
        driftChart.highlightedProperty().bind(r.selectedEventProperty());
        valueChart.setOnMarkerClicked(i -> r.selectedEventProperty().set(i));
        driftChart.setOnMarkerClicked(i -> r.selectedEventProperty().set(i));
        valueChart.setOnDayClicked(r::selectDay);
        driftChart.setOnDayClicked(r::selectDay);
        // the selected day shows as a cursor on both charts
        ObjectBinding<Integer> cursor = Bindings.createObjectBinding(
                () -> r.selectedDayProperty().get() < 0 ? null : r.selectedDayProperty().get(), r.selectedDayProperty());
        valueChart.selectedDayProperty().bind(cursor);
        driftChart.selectedDayProperty().bind(cursor);
        valueTitle.textProperty().bind(Bindings.createStringBinding(() -> r.resultProperty().get() == null
                || r.resultProperty().get().paths().hasOn() ? tr("main.chartsPanel.valueTitle") : tr("main.charts.valueOffOnly"), r.resultProperty()));
        r.resultProperty().addListener((o, a, m) -> {
            if (a != null && m != null && a.paths() == m.paths()) {
                chartedRun.set(m); // the stored version of the run on screen: the charts stay as they are
                return;
            }
            if (m == null) {
                valueChart.clear();
                driftChart.clear();
            } else {
                // the charts keep the full arrays and draw only what is visible, once per pulse: nothing to prepare
                RunCharts.apply(valueChart, driftChart, RunCharts.prepare(m));
            }
            // a rule without a band has no clipped line: its drift axis spans OFF already
            driftScaleToOffBox.setDisable(m == null || driftChart.content().unscaledLine() < 0);
            chartedRun.set(m);
        });

        // weights at the selected close, with the drift against the band
        SortedRows.follow(weightsTable, r.getWeightsAtDay());
        Tables.dense(weightsTable); // more classes in view at 1280 × 800
        weightsTable.setStyle(WEIGHT_ROWS); // a little denser still: four classes under the title at 1280 × 800
        weightsTable.setPlaceholder(new Label(tr("main.charts.weightsPlaceholder")));
        wClassCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().classText()));
        wOnCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayNumber.percent(c.getValue().on())));
        wOffCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayNumber.percent(c.getValue().off())));
        wTargetCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayNumber.percent(c.getValue().target())));
        TableColumn<RunModel.ClassWeight, String> driftCol = new TableColumn<>(tr("main.charts.driftCol"));
        driftCol.setId("wDriftCol");
        driftCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().driftCell()));
        driftCol.setCellFactory(c -> new DriftCell()); // the band itself ("56 % of band 5.00 %p") on hover
        weightsTable.getColumns().add(driftCol);
        // widths from the content: the class code and Korean name, three percentages and the drift against the band
        wClassCol.setPrefWidth(100);
        wOnCol.setPrefWidth(76);
        wOffCol.setPrefWidth(76);
        wTargetCol.setPrefWidth(76);
        driftCol.setPrefWidth(140);
        // the drift column takes what is left, so no horizontal scroll bar covers the last class
        weightsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // every header whole in either language ("드리프트 (밴드 대비 %)" is wider than "Drift (% of band)"): each column
        // at least its header's width, and the table's column as wide as its headers need, the drift chart taking the rest
        ColumnFit.headersNeverCut(weightsTable);
        for (TableColumn<RunModel.ClassWeight, ?> c : weightsTable.getColumns()) {
            c.minWidthProperty().addListener((o, a, w) -> widenForHeaders(weightsTable));
        }
        widenForHeaders(weightsTable);
        // one line, so every class of the weights table stays in view at 1280 × 800 when a day has an event too;
        // the whole explanation (which class breached, by how much, against which band) on hover
        dayDetailLabel.textProperty().bind(Bindings.createStringBinding(
                () -> oneLine(r.dayDetailProperty().get()), r.dayDetailProperty()));
        dayDetailLabel.setWrapText(false);
        dayDetailLabel.setTextOverrun(OverrunStyle.ELLIPSIS);
        dayDetailLabel.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip detailTip = new Tooltip();
        detailTip.textProperty().bind(r.dayDetailProperty());
        detailTip.setWrapText(true);
        detailTip.setMaxWidth(600);
        dayDetailLabel.setTooltip(detailTip);
    }

    /**
     * Widens the box holding {@code table} (never narrows it below its laid-out width) so that the columns at their
     * least widths fit inside it without a sideways scroll bar.
     */
    static void widenForHeaders(TableView<?> table) {
        if (!(table.getParent() instanceof Region box)) {
            return;
        }
        double columns = 0;
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            columns += c.getMinWidth();
        }
        double need = Math.ceil(columns + box.snappedLeftInset() + box.snappedRightInset() + table.snappedLeftInset()
                + table.snappedRightInset() + SCROLL_BAR_ROOM);
        if (box.getPrefWidth() < need) {
            box.setPrefWidth(need);
        }
        if (box.getMinWidth() < need) {
            box.setMinWidth(need);
        }
    }

    /** The day's detail on one line: its lines joined by " · ". */
    static String oneLine(String detail) {
        return detail == null ? "" : detail.replace("\n", " \u00b7 ");
    }

    /** A drift cell: its short text, and on hover the drift against the band in full. */
    private static final class DriftCell extends TableCell<RunModel.ClassWeight, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            RunModel.ClassWeight w = empty ? null : getTableRow().getItem();
            setText(empty ? null : text);
            tip.setText(w == null ? "" : w.driftText());
            setTooltip(w == null ? null : tip);
        }
    }

    /** Adds {@code control} to the value chart's toolbar, after its own buttons (before the help mark). */
    void addToToolbar(Node control) {
        valueToolbar.getItems().add(valueToolbar.getItems().indexOf(chartsHelp), control);
    }

    private static boolean perClassBands(ResultViewModel r) {
        return r.resultProperty().get() != null && r.resultProperty().get().driftScale().perClassBands();
    }

    private static void fullWidth(Node n) {
        if (n instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    @FXML
    void onResetZoom() {
        valueChart.resetZoom();
    }
}
