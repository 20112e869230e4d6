package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.db.DatasetRecord;
import foresto.db.PortfolioRecord;
import foresto.db.RuleRecord;
import foresto.db.RunRecord;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.ui.chart.RunCharts;
import foresto.ui.chart.TimeSeriesChart;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Binds the analysis screen to {@link MainViewModel}; holds no state of its own beyond the nodes. */
public final class MainController {
    /** What the screen needs from the outside that is not the view-model: file dialogs and hooks. */
    public interface Dialogs {
        Optional<Path> chooseExportFile(String suggestedName);

        void openImport();
    }

    @FXML BorderPane root;
    @FXML Label disabledBanner;
    @FXML ComboBox<PortfolioRecord> portfolioBox;
    @FXML Label weightsLabel;
    @FXML CheckBox rebalancingToggle;
    @FXML ComboBox<RuleRecord> ruleBox;
    @FXML Label ruleLabel;
    @FXML ComboBox<DatasetRecord> datasetBox;
    @FXML DatePicker startPicker;
    @FXML DatePicker endPicker;
    @FXML TextField initialValueField;
    @FXML ComboBox<MissingDataPolicy> missingBox;
    @FXML Button runButton;
    @FXML Button cancelButton;
    @FXML Button importButton;
    @FXML CheckBox logScaleBox;
    @FXML StackPane valueChartHost;
    @FXML StackPane driftChartHost;
    @FXML Label dayDetailLabel;
    @FXML TableView<RunModel.ClassWeight> weightsTable;
    @FXML TableColumn<RunModel.ClassWeight, String> wClassCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wOnCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wOffCol;
    @FXML TableColumn<RunModel.ClassWeight, String> wTargetCol;
    @FXML Button exportButton;
    @FXML Label eventCountLabel;
    @FXML TableView<RebalancingEvent> eventTable;
    @FXML TableView<SummaryRow> summaryTable;
    @FXML TableColumn<SummaryRow, String> sMetricCol;
    @FXML TableColumn<SummaryRow, String> sOffCol;
    @FXML TableColumn<SummaryRow, String> sOnCol;
    @FXML TableColumn<SummaryRow, String> sDiffCol;
    @FXML Tab rulesTab;
    @FXML javafx.scene.control.TabPane tabs;
    @FXML TableView<RunRecord> historyTable;
    @FXML Button openRunButton;
    @FXML Label statusLabel;
    @FXML ProgressBar progressBar;

    private final TimeSeriesChart valueChart = new TimeSeriesChart("Portfolio value");
    private final TimeSeriesChart driftChart = new TimeSeriesChart("Max drift (%p)");
    private MainViewModel vm;
    private Dialogs dialogs;
    private foresto.ui.TaskExecutor executor;

    public TimeSeriesChart valueChart() {
        return valueChart;
    }

    public TimeSeriesChart driftChart() {
        return driftChart;
    }

    public BorderPane root() {
        return root;
    }

    /** The window's tabs (Analysis, Rules, History, Sweep). */
    public javafx.scene.control.TabPane tabs() {
        return tabs;
    }

    public Tab rulesTab() {
        return rulesTab;
    }

    public void bind(MainViewModel vm, Dialogs dialogs, foresto.ui.TaskExecutor executor) {
        this.vm = vm;
        this.executor = executor;
        this.dialogs = dialogs;
        valueChart.setId("valueChart");
        driftChart.setId("driftChart");
        valueChartHost.getChildren().add(valueChart);
        driftChartHost.getChildren().add(driftChart);
        RunCharts.formatAxes(valueChart, driftChart);

        // flag
        boolean allowed = vm.rebalancingAllowedProperty().get();
        disabledBanner.setText(vm.disabledBanner());
        disabledBanner.setVisible(!allowed);
        disabledBanner.setManaged(!allowed);
        rebalancingToggle.setDisable(!allowed);
        ruleBox.disableProperty().bind(vm.rebalancingAllowedProperty().not().or(vm.rebalancingOn.not()));

        // setup
        portfolioBox.setItems(vm.portfolios);
        portfolioBox.valueProperty().bindBidirectional(vm.portfolio);
        weightsLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.portfolio.get() == null ? ""
                : "Targets: " + percentWeights(vm.portfolio.get()), vm.portfolio));
        ruleBox.setItems(vm.rules);
        ruleBox.valueProperty().bindBidirectional(vm.rule);
        ruleBox.setCellFactory(l -> ruleCell());
        ruleBox.setButtonCell(ruleCell());
        ruleLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.rule.get() == null ? ""
                : vm.rule.get().describe() + ", effective from " + vm.rule.get().effectiveFrom(), vm.rule));
        rebalancingToggle.selectedProperty().bindBidirectional(vm.rebalancingOn);
        datasetBox.setItems(vm.datasets);
        datasetBox.valueProperty().bindBidirectional(vm.dataset);
        startPicker.setConverter(ISO_DATES);
        endPicker.setConverter(ISO_DATES);
        startPicker.valueProperty().bindBidirectional(vm.startDate);
        endPicker.valueProperty().bindBidirectional(vm.endDate);
        initialValueField.textProperty().bindBidirectional(vm.initialValue);
        missingBox.getItems().setAll(MissingDataPolicy.values());
        missingBox.valueProperty().bindBidirectional(vm.missingPolicy);
        runButton.disableProperty().bind(vm.canRun().not());
        cancelButton.disableProperty().bind(vm.busy.not());
        statusLabel.textProperty().bind(vm.status);
        progressBar.visibleProperty().bind(vm.busy);
        progressBar.setProgress(-1);

        // charts
        logScaleBox.selectedProperty().bindBidirectional(valueChart.logScaleProperty());
        driftChart.visibleRangeProperty().bindBidirectional(valueChart.visibleRangeProperty());
        valueChart.highlightedProperty().bind(vm.selectedEvent);
        driftChart.highlightedProperty().bind(vm.selectedEvent);
        valueChart.setOnMarkerClicked(i -> vm.selectedEvent.set(i));
        driftChart.setOnMarkerClicked(i -> vm.selectedEvent.set(i));
        valueChart.setOnDayClicked(this::selectDay);
        driftChart.setOnDayClicked(this::selectDay);
        vm.result.addListener((o, a, m) -> showRun(m));

        // weights at the selected close
        weightsTable.setItems(vm.weightsAtDay);
        wClassCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().assetClass().name() + " "
                + c.getValue().assetClass().koreanName()));
        wClassCol.setMinWidth(100);
        wOnCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(pct(c.getValue().on())));
        wOffCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(pct(c.getValue().off())));
        wTargetCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(pct(c.getValue().target())));
        TableColumn<RunModel.ClassWeight, String> driftCol = new TableColumn<>("Drift (vs band)");
        driftCol.setId("wDriftCol");
        driftCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().driftText()));
        weightsTable.getColumns().add(driftCol);
        // widths from the content: the class code, three percentages and the drift against the band
        wClassCol.setPrefWidth(120);
        wOnCol.setPrefWidth(76);
        wOffCol.setPrefWidth(76);
        wTargetCol.setPrefWidth(76);
        driftCol.setPrefWidth(200);
        dayDetailLabel.textProperty().bind(vm.dayDetail);
        // the whole explanation (which class breached, by how much, against which band) stays in view
        dayDetailLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip detailTip = new javafx.scene.control.Tooltip();
        detailTip.textProperty().bind(vm.dayDetail);
        dayDetailLabel.setTooltip(detailTip);

        // events table: the shared columns, formatted for reading
        setUpEventTable();
        eventTable.setItems(vm.events);
        eventCountLabel.textProperty().bind(javafx.beans.binding.Bindings.size(vm.events).asString("%d events"));
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.events).or(vm.busy));
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                vm.selectedEvent.set(vm.events.indexOf(e));
            }
        });
        vm.selectedEvent.addListener((o, a, i) -> {
            if (i != null && i >= 0 && i < vm.events.size()) {
                RebalancingEvent e = vm.events.get(i);
                if (eventTable.getSelectionModel().getSelectedItem() != e) {
                    eventTable.getSelectionModel().select(e);
                    eventTable.scrollTo(e);
                }
            }
        });

        // summary
        summaryTable.setItems(vm.summary);
        sMetricCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        sOffCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().off()));
        sOnCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().on()));
        sDiffCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().difference()));

        setUpHistory();

        // keyboard: Ctrl+Enter runs, Esc cancels
        if (root.getScene() != null) {
            installShortcuts(root.getScene());
        }
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    /** Dates as the data has them (YYYY-MM-DD), whatever the machine's locale. */
    public static final javafx.util.StringConverter<java.time.LocalDate> ISO_DATES = new javafx.util.StringConverter<>() {
        @Override
        public String toString(java.time.LocalDate d) {
            return d == null ? "" : d.toString();
        }

        @Override
        public java.time.LocalDate fromString(String s) {
            try {
                return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.trim());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    };

    private void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::onRun);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::onCancel);
    }

    private static ListCell<RuleRecord> ruleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RuleRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : r.ruleName());
            }
        };
    }

    private static String percentWeights(PortfolioRecord p) {
        StringBuilder sb = new StringBuilder();
        p.weights().byCode().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.1f%%", v * 100)));
        return sb.toString();
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private void setUpEventTable() {
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

    private static String percentMap(java.util.Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "  ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f%%", v * 100)));
        return sb.toString();
    }

    private void setUpHistory() {
        historyTable.setItems(vm.history);
        historyTable.getColumns().setAll(List.of(
                historyCol("Run", r -> "#" + r.runId()),
                historyCol("Created", r -> r.createdAt() == null ? "" : r.createdAt().toLocalDateTime().withNano(0).toString().replace('T', ' ')),
                historyCol("Portfolio", r -> r.request().portfolioName()),
                historyCol("Rule", r -> r.request().ruleName() == null ? "OFF" : r.request().ruleName()),
                historyCol("Window", r -> r.request().startDate() + ".." + r.request().endDate()),
                historyCol("Dataset", r -> r.request().datasetName()),
                historyCol("Events", r -> r.summary().on() == null ? "0" : Integer.toString(r.summary().on().eventCount())),
                historyCol("Final ON", r -> r.summary().on() == null ? "—" : String.format(Locale.ROOT, "%,.4f", r.summary().on().finalValue())),
                historyCol("Final OFF", r -> String.format(Locale.ROOT, "%,.4f", r.summary().off().finalValue()))));
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        openRunButton.disableProperty().bind(historyTable.getSelectionModel().selectedItemProperty().isNull().or(vm.busy));
        historyTable.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<RunRecord>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().runId());
                }
            });
            return row;
        });
    }

    private static TableColumn<RunRecord, String> historyCol(String title, Function<RunRecord, String> f) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    private void selectDay(int k) {
        RunModel m = vm.result.get();
        if (m == null) {
            return;
        }
        int e = m.eventOnDay(k);
        if (e >= 0) {
            vm.selectedEvent.set(e);
        }
        vm.selectedDay.set(k);
    }

    /** The run whose charts are on screen (charts are prepared in the background, then shown). */
    public final javafx.beans.property.ObjectProperty<RunModel> chartedRun = new javafx.beans.property.SimpleObjectProperty<>();

    private void showRun(RunModel m) {
        if (m == null) {
            valueChart.clear();
            driftChart.clear();
            chartedRun.set(null);
            return;
        }
        double vw = valueChart.plotWidth();
        double dw = driftChart.plotWidth();
        boolean log = valueChart.logScaleProperty().get();
        executor.submit("chart", () -> RunCharts.prepare(m, vw, dw, log), p -> {
            if (vm.result.get() == m) {
                RunCharts.apply(valueChart, driftChart, p);
                chartedRun.set(m);
            }
        }, t -> vm.status.set("Charts failed: " + foresto.ui.UiError.of("Charts", t).describe()), () -> { });
    }

    @FXML
    void onRun() {
        vm.run();
    }

    @FXML
    void onCancel() {
        vm.cancel();
    }

    @FXML
    void onResetZoom() {
        valueChart.resetZoom();
    }

    @FXML
    void onExport() {
        RunModel m = vm.result.get();
        String name = m == null ? "events.csv" : "foresto-run-" + m.run().runId() + "-events.csv";
        dialogs.chooseExportFile(name).ifPresent(p -> vm.exportEvents(p, () -> { }));
    }

    @FXML
    void onImport() {
        dialogs.openImport();
    }

    @FXML
    void onOpenRun() {
        RunRecord r = historyTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.open(r.runId());
            tabs.getSelectionModel().select(0); // the run shows in Analysis, with its choices in the setup
        }
    }
}
