package foresto.ui.sweep;

import foresto.ui.common.SplitMemory;
import foresto.ui.common.SortedRows;
import javafx.util.StringConverter;
import foresto.ui.common.CodeText;
import foresto.ui.common.MetricNames;
import static foresto.i18n.Messages.tr;
import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.text.DisplayNumber;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.Forms;
import foresto.ui.common.NumberColumn;
import foresto.ui.main.MainController;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Sweep tab's nodes, bound to a {@link SweepViewModel}: the form, the heatmap with hover and click, status. */
public final class SweepView extends BorderPane {
    private static final String RULE_TITLE = "sweep.col.rule";
    private static final String COST_RATE_TITLE = "sweep.col.costRate";
    /** The break-even cost rate of a cell whose ON never meets OFF. */
    private static final String NO_BREAK_EVEN = "sweep.none";
    /** The comparison chart's least height: its value paths stay readable. */
    static final double COMPARE_MIN_HEIGHT = 200;
    /** The heatmap's share of the width beside the comparison and the cells table. */
    static final double HEATMAP_SHARE = 0.5;
    /** The cells table's row: one line of its font with a little room (28 px at 14 px), as the events table's. */
    private static final String ROW_HEIGHT = "-fx-fixed-cell-size: 2em;";
    /** The rows whose texts size the cells table's columns, and the widest a column gets. */
    private static final int FIT_ROWS = 60;
    private static final double MAX_COLUMN_WIDTH = 320;
    private final Heatmap heatmap = new Heatmap();
    private final Tooltip tip = new Tooltip();

    public SweepView(SweepViewModel vm, Runnable showAnalysis, Supplier<Optional<Path>> exportTarget) {
        ComboBox<SweepViewModel.Family> family = new ComboBox<>();
        family.getItems().setAll(SweepViewModel.Family.values());
        family.valueProperty().bindBidirectional(vm.familyProperty());
        family.setId("sweepFamilyBox");
        family.setTooltip(new Tooltip(tr("sweep.familyTip"))); // the specs stay here, for a script-minded analyst
        TextField from = Forms.field(vm.fromProperty(), "sweepFrom", 6);
        TextField to = Forms.field(vm.toProperty(), "sweepTo", 6);
        TextField step = Forms.field(vm.stepProperty(), "sweepStep", 6);
        TextField rho = Forms.field(vm.rhoProperty(), "sweepRho", 5);
        TextField costs = Forms.field(vm.costRatesProperty(), "sweepCosts", 18);
        ComboBox<String> check = new ComboBox<>();
        check.getItems().setAll("daily", "monthly", "quarterly", "semiannual", "annual");
        check.setConverter(CodeText.converter(check.getItems()));
        check.valueProperty().bindBidirectional(vm.checkProperty());
        check.setId("sweepCheckBox");
        TextField g = Forms.field(vm.rebalanceToProperty(), "sweepRebalanceTo", 5);
        var calendars = vm.familyProperty().isEqualTo(SweepViewModel.Family.CALENDARS);
        for (var n : new Node[] {from, to, step, check, g}) {
            n.disableProperty().bind(calendars);
        }
        rho.disableProperty().bind(vm.familyProperty().isNotEqualTo(SweepViewModel.Family.HYBRID_BAND));
        TextField paths = Forms.field(vm.bootstrapPathsProperty(), "sweepBootstrapPaths", 6);
        paths.setPromptText(tr(NO_BREAK_EVEN));
        paths.setTooltip(new Tooltip(tr("sweep.pathsTip")));
        ComboBox<Metric> metric = new ComboBox<>(vm.heatmapMetrics());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setId("sweepMetricBox");
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return m == null ? "" : MetricNames.title(m);
            }

            @Override
            public Metric fromString(String s) {
                return metric.getItems().stream().filter(m -> MetricNames.title(m).equals(s)).findFirst().orElse(null);
            }
        });
        Button run = new Button(tr("sweep.run"));
        run.setId("sweepRunButton");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button(tr("robust.cancel"));
        cancel.setId("sweepCancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        Button export = new Button(tr("main.eventsPanel.exportButton"));
        export.setId("sweepExportButton");
        export.disableProperty().bind(vm.resultProperty().isNull().or(vm.busyProperty()));
        export.setOnAction(e -> exportTarget.get().ifPresent(vm::export));
        ProgressBar bar = new ProgressBar();
        bar.setId("sweepProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(160);

        var setup = vm.setup();
        ComboBox<PortfolioRecord> portfolio = new ComboBox<>(setup.getPortfolios());
        portfolio.valueProperty().bindBidirectional(setup.portfolioProperty());
        portfolio.setId("sweepPortfolioBox");
        ComboBox<DatasetRecord> dataset = new ComboBox<>(setup.getDatasets());
        dataset.valueProperty().bindBidirectional(setup.datasetProperty());
        dataset.setId("sweepDatasetBox");
        DatePicker start = new DatePicker();
        start.setConverter(MainController.ISO_DATES);
        start.valueProperty().bindBidirectional(setup.startDateProperty());
        start.setPrefWidth(150);
        start.setId("sweepStartPicker");
        DatePicker end = new DatePicker();
        end.setConverter(MainController.ISO_DATES);
        end.valueProperty().bindBidirectional(setup.endDateProperty());
        end.setPrefWidth(150);
        end.setId("sweepEndPicker");
        FlowPane scenario = new FlowPane(10, 8, Forms.labelled(tr("robust.portfolio"), portfolio),
                Forms.labelled(tr("robust.dataset"), dataset), Forms.labelled(tr("robust.from"), start), Forms.labelled(tr("robust.to"), end),
                new Label(tr("sweep.sharedChoices")), flowsNote(vm));
        scenario.setPadding(new Insets(8, 8, 0, 8));
        FlowPane form = new FlowPane(10, 8,
                Forms.labelled(tr("sweep.family"), family), Forms.labelled(tr("robust.from"), from), Forms.labelled(tr("robust.to"), to),
                Forms.labelled(tr("sweep.step"), step), Forms.labelled("ρ", rho), Forms.labelled(tr("sweep.check"), check),
                Forms.labelled(tr("sweep.tradeBackTo"), g), Forms.labelled(tr("sweep.costRates"), costs),
                Forms.labelled(tr("sweep.bootstrapPaths"), paths), Forms.labelled(tr("sweep.colourBy"), metric),
                run, cancel, export, bar);
        form.setPadding(new Insets(8));
        Label status = new Label();
        status.setId("sweepStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(4, 8, 6, 8));
        setTop(new VBox(scenario, form));
        heatmap.setId("sweepHeatmap");
        TimeSeriesChart compare = new TimeSeriesChart(tr("sweep.compareAxis"));
        compare.setId("sweepCompareChart");
        compare.setPlaceholder(tr("sweep.comparePlaceholder"));
        Label compareHint = new Label(tr("sweep.compareHint"));
        compareHint.getStyleClass().add("text-muted");
        Button clear = new Button(tr("sweep.clearComparison"));
        clear.setId("sweepClearCompare");
        clear.setOnAction(e -> {
            vm.getCompared().clear();
            vm.comparePathsProperty().set(List.of());
        });
        compare.setMinHeight(COMPARE_MIN_HEIGHT);
        compareHint.setWrapText(true); // half the width: the hint takes two lines rather than pushing the button out
        compareHint.setMinHeight(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(compareHint, Priority.ALWAYS);
        compareHint.setMaxWidth(Double.MAX_VALUE);
        VBox compareBox = new VBox(4, new HBox(10, compareHint, clear), compare);
        VBox.setVgrow(compare, Priority.ALWAYS);
        compareBox.setPadding(new Insets(4, 8, 4, 8));
        TabPane below = new TabPane(
                new Tab(tr("sweep.compareTab"), compareBox), new Tab(tr("sweep.cellsTab"), cellTable(vm)));
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the split, not its content, decides the width: the table scrolls sideways rather than widening the window
        below.setMinWidth(200);
        compareBox.setMinWidth(0);
        // side by side, each the full height under the form: the heatmap beside the comparison or the cells table (eight
        // rows and more at 1280 × 800); stacked, neither had room for the other at that size
        SplitPane split = new SplitPane(heatmap, below);
        split.setId("sweepSplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(HEATMAP_SHARE);
        SplitMemory.remember("sweep", split);
        setCenter(split);
        setBottom(status);
        vm.comparePathsProperty().addListener((o, a, lines) -> compare.setData(lines.isEmpty() ? TimeSeriesChart.Content.EMPTY
                : new TimeSeriesChart.Content(lines)));

        vm.getCompared().addListener((ListChangeListener<int[]>) c -> heatmap.setMarked(vm.getCompared()));
        Runnable redraw = () -> heatmap.show(vm.resultProperty().get(), vm.metricProperty().get(), vm.heading());
        vm.resultProperty().addListener((o, a, r) -> redraw.run());
        vm.metricProperty().addListener((o, a, m) -> {
            if (vm.resultProperty().get() != null) {
                redraw.run();
            }
        });
        tip.setShowDelay(Duration.millis(150));
        tip.setId("sweepTip");
        heatmap.setOnMouseMoved(e -> {
            int[] cell = heatmap.cellAt(e.getX(), e.getY());
            if (cell == null) {
                tip.hide();
                return;
            }
            tip.setText(heatmap.describe(cell[0], cell[1]));
            if (!tip.isShowing()) {
                tip.show(heatmap, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        heatmap.setOnMouseExited(e -> tip.hide());
        heatmap.setOnMouseClicked(e -> {
            int[] cell = heatmap.cellAt(e.getX(), e.getY());
            if (cell != null && e.isShiftDown()) {
                vm.toggleCompared(cell[0], cell[1]);
            } else if (cell != null) {
                tip.hide();
                vm.analyze(cell[0], cell[1]);
                showAnalysis.run();
            }
        });
    }

    /**
     * Every cell with its figures, cost drag and break-even cost rate, sortable; P(beats OFF) too when the sweep ran
     * with a bootstrap.
     */
    private static TableView<SweepRunner.Row> cellTable(SweepViewModel vm) {
        var table = new TableView<SweepRunner.Row>();
        table.setId("sweepCellTable");
        table.getStyleClass().add("dense");
        table.setStyle(ROW_HEIGHT); // inline: the style sheet's row height for every table outranks one set in code
        // columns at their content's width with a scroll bar: beside the heatmap the table is narrower than its columns,
        // and a constrained table would push the last ones out of reach past its edge
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(tr("sweep.cellsPlaceholder")));
        table.setPrefWidth(200); // takes the tab's width; its columns must not widen the window
        table.setMinWidth(0);
        // the rules in words sort as the grid lists them (by band, then calendar), not as text
        Map<String, Integer> ruleOrder = new HashMap<>();
        table.getColumns().setAll(columns(false, false, ruleOrder));
        ColumnFit.headersNeverCut(table);
        vm.resultProperty().addListener((o, a, r) -> {
            boolean bootstrapped = r != null && r.bootstrap() != null;
            boolean flows = r != null && r.offFlows() != null;
            ruleOrder.clear();
            for (int i = 0; r != null && i < r.rules().size(); i++) {
                ruleOrder.putIfAbsent(CellWords.rule(r.at(i, 0)), i);
            }
            List<TableColumn<SweepRunner.Row, ?>> wanted = columns(bootstrapped, flows, ruleOrder);
            // by their titles: a robust grid and a grid on a flow schedule may add as many columns
            if (!titles(table.getColumns()).equals(titles(wanted))) {
                table.getColumns().setAll(wanted);
            }
            SortedRows.replace(table, r == null ? List.of() : r.rows());
            ColumnFit.toContent(table, FIT_ROWS, MAX_COLUMN_WIDTH); // every value whole ("drift-hybrid:0.05/0.25")
        });
        return table;
    }

    private static List<String> titles(List<? extends TableColumn<SweepRunner.Row, ?>> columns) {
        return columns.stream().map(TableColumn::getText).toList();
    }

    /** The setup's cash flows, when chosen, in one line: they apply to every cell. */
    private static Label flowsNote(SweepViewModel vm) {
        Label note = new Label();
        note.setId("sweepFlowsNote");
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(vm.flowsNote());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private static List<TableColumn<SweepRunner.Row, ?>> columns(boolean bootstrapped, boolean flows,
                                                                 Map<String, Integer> ruleOrder) {
        List<TableColumn<SweepRunner.Row, ?>> columns = new ArrayList<>(List.of(
                ruleColumn(ruleOrder),
                NumberColumn.of(tr(COST_RATE_TITLE), SweepRunner.Row::costRate, DisplayNumber::rate)));
        for (Metric m : Metric.sweepTable(bootstrapped)) {
            columns.add(NumberColumn.of(MetricNames.title(m), m::of, v -> text(m, v)));
        }
        if (flows) {
            columns.addAll(CellFlows.columns());
        }
        return columns;
    }

    /** A figure as the table shows it: money with two decimals, fractions in %, counts grouped ({@link DisplayNumber}). */
    static String text(Metric m, double v) {
        return switch (m.unit()) {
            case MONEY -> DisplayNumber.money(v);
            case FRACTION -> DisplayNumber.percent(v);
            case COUNT -> DisplayNumber.count(v);
            case RATIO -> DisplayNumber.ratio(v);
            case RATE -> Double.isNaN(v) ? tr(NO_BREAK_EVEN) : DisplayNumber.percent(v, 3); // a computed rate: 3 decimals of %
        };
    }

    /**
     * The cell's rule in words, as the heatmap's rows write it ("Drift ≥ 2 %p"), its spec ("drift:0.02", what the CSV
     * and the command line take) on hover; sorted in the grid's order of the rules ({@code order}: words → row).
     */
    private static TableColumn<SweepRunner.Row, String> ruleColumn(Map<String, Integer> order) {
        TableColumn<SweepRunner.Row, String> c = textColumn(tr(RULE_TITLE), CellWords::rule);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String words, boolean empty) {
                super.updateItem(words, empty);
                SweepRunner.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : words);
                setTooltip(row == null ? null : new Tooltip(row.rule()));
            }
        });
        c.setComparator(Comparator.comparing((String w) -> order.getOrDefault(w, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return c;
    }

    private static TableColumn<SweepRunner.Row, String> textColumn(String title, Function<SweepRunner.Row, String> f) {
        var c = new TableColumn<SweepRunner.Row, String>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    /** The hover text shown last (tests read it). */
    public Tooltip tooltip() {
        return tip;
    }
}
