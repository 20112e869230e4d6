package foresto.ui.robust;

import foresto.i18n.Messages;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.ui.common.SplitMemory;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.TablePlaceholder;
import foresto.ui.common.Forms;
import foresto.ui.common.NumberColumn;
import foresto.ui.common.ScreenExports;
import foresto.ui.main.MainController;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The Robustness tab's nodes, bound to a {@link RobustnessViewModel}: the Analysis tab's scenario and rule pickers,
 * then three sub-views — Timing (value paths, variants table, timing luck and spread), Start dates (premium by start
 * date, histogram, summary, windows table) and Bootstrap (fan chart, histogram of the CAGR difference, P(A beats B)
 * in words, percentiles) — and a shared progress bar with Cancel. Every chart exports as PNG, every table as CSV.
 */
public final class RobustnessView extends BorderPane {
    private final RobustnessViewModel vm;
    private final Function<String, Optional<Path>> saveTarget;
    private final PathChart timingChart = new PathChart();
    private final PathChart premiumChart = new PathChart();
    private final HistogramChart premiumHistogram = new HistogramChart();
    private final PathChart fanChart = new PathChart();
    private final HistogramChart diffHistogram = new HistogramChart();
    private final TabPane studies;
    private final Label flowsNote = muted("");

    /**
     * @param saveTarget where to write a CSV file, given a suggested name (empty: the analyst cancelled); a chart's
     *                   PNG is saved as every chart's right-click "Save image…" saves it
     */
    public RobustnessView(RobustnessViewModel vm, Function<String, Optional<Path>> saveTarget) {
        this.vm = vm;
        this.saveTarget = saveTarget;
        setTop(scenarioRow());
        studies = new TabPane(new Tab(Messages.tr("robust.tab.timing"), timingPane()), new Tab(Messages.tr("robust.tab.windows"), windowsPane()),
                new Tab(Messages.tr("robust.tab.bootstrap"), bootstrapPane()));
        studies.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        studies.setId("robustStudies");
        // a study opened from History shows on its own page
        vm.openedProperty().addListener((o, a, kind) -> {
            if (kind != null) {
                studies.getSelectionModel().select(kind.ordinal());
            }
        });
        // the setup's cash-flow note sits on the sub-views' tab row, right of their tabs: the charts keep its line
        StackPane centre = new StackPane(studies, flowsNote);
        StackPane.setAlignment(flowsNote, Pos.TOP_RIGHT);
        StackPane.setMargin(flowsNote, new Insets(8, 10, 0, 0));
        flowsNote.maxWidthProperty().bind(centre.widthProperty().subtract(FLOWS_NOTE_CLEARANCE));
        setCenter(centre);
        setBottom(progressRow());
    }

    /** The room the sub-views' tabs take at the left of their row: the cash-flow note stays right of it. */
    private static final double FLOWS_NOTE_CLEARANCE = 320;

    /** The three sub-views (Timing, Start dates, Bootstrap). */
    public TabPane studies() {
        return studies;
    }

    public PathChart timingChart() {
        return timingChart;
    }

    public PathChart premiumChart() {
        return premiumChart;
    }

    public HistogramChart premiumHistogram() {
        return premiumHistogram;
    }

    public PathChart fanChart() {
        return fanChart;
    }

    public HistogramChart differenceHistogram() {
        return diffHistogram;
    }

    private Node scenarioRow() {
        var setup = vm.setup();
        ComboBox<PortfolioRecord> portfolio = new ComboBox<>(setup.getPortfolios());
        portfolio.valueProperty().bindBidirectional(setup.portfolioProperty());
        portfolio.setId("robustPortfolioBox");
        narrow(portfolio);
        ComboBox<DatasetRecord> dataset = new ComboBox<>(setup.getDatasets());
        dataset.valueProperty().bindBidirectional(setup.datasetProperty());
        dataset.setId("robustDatasetBox");
        narrow(dataset);
        DatePicker start = datePicker("robustStartPicker");
        start.valueProperty().bindBidirectional(setup.startDateProperty());
        DatePicker end = datePicker("robustEndPicker");
        end.valueProperty().bindBidirectional(setup.endDateProperty());
        // the Analysis tab's choices: the stored rules and, last, the rule of an opened run or sweep cell
        ComboBox<RuleRecord> rule = new ComboBox<>(setup.setup().getRuleChoices());
        rule.valueProperty().bindBidirectional(setup.ruleProperty());
        rule.setCellFactory(l -> ruleCell(false));
        rule.setButtonCell(ruleCell(false));
        rule.setConverter(ruleNames(false));
        rule.setId("robustRuleBox");
        narrow(rule);
        FlowPane row = new FlowPane(10, 8, Forms.labelled(Messages.tr("robust.portfolio"), portfolio), Forms.labelled(Messages.tr("robust.dataset"), dataset),
                Forms.labelled(Messages.tr("robust.from"), start), Forms.labelled(Messages.tr("robust.to"), end), Forms.labelled(Messages.tr("robust.ruleA"), rule),
                muted(Messages.tr("robust.sharedChoices")));
        Label flows = flowsNote;
        flows.setId("robustFlowsNote");
        var choices = setup.cashFlows().choices();
        flows.textProperty().bind(Bindings.createStringBinding(() -> choices.isOn()
                ? Messages.tr("robust.withFlows", choices.kindProperty().get().label()) : "", choices.kindProperty()));
        flows.visibleProperty().bind(flows.textProperty().isNotEmpty());
        flows.managedProperty().bind(flows.visibleProperty());
        // one line: a long note ends in an ellipsis and reads in full on hover
        flows.setWrapText(false);
        flows.setMinWidth(0);
        flows.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(flows.textProperty());
        flows.setTooltip(whole);
        row.setPadding(new Insets(8, 8, 4, 8));
        return row;
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("robustProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(180);
        bar.setMinWidth(120);
        Label done = new Label();
        done.setId("robustProgressText");
        done.textProperty().bind(vm.progressTextProperty());
        done.setMinWidth(140);
        Button cancel = new Button(Messages.tr("robust.cancel"));
        cancel.setId("robustCancelButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("robustStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox row = new HBox(10, bar, done, cancel, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 6, 8));
        row.getStyleClass().add("status-bar");
        return row;
    }

    // ---- Timing ----

    private Node timingPane() {
        TextField phases = field(vm.phasesProperty(), "robustPhases", 7, Messages.tr("robust.phasesPrompt"));
        TextField offsets = field(vm.offsetsProperty(), "robustOffsets", 7, Messages.tr("robust.offsetsPrompt"));
        Button run = runButton(Messages.tr("robust.runTiming"), "robustTimingRun", vm::runTiming);
        TableView<TimingStudy.Variant> table = timingTable();
        // once a study is shown its headline says what varied: the note gives its line to the chart and stays on the
        // Run button's hover text
        Label note = muted(Messages.tr("robust.timingNote"));
        note.setId("robustTimingNote");
        note.visibleProperty().bind(vm.timingProperty().isNull());
        note.managedProperty().bind(note.visibleProperty());
        run.setTooltip(new Tooltip(note.getText()));
        FlowPane form = form(Forms.labelled(Messages.tr("robust.phases"), phases), Forms.labelled(Messages.tr("robust.dayOffsets"), offsets), run,
                pngButton("robustTimingPng", Messages.tr("robust.chartPng"), timingChart, Bindings.createBooleanBinding(
                        () -> vm.timingProperty().get() == null || !vm.timingProperty().get().pathsStored(), vm.timingProperty())),
                csvButton("robustTimingCsv", "timing-variants.csv", vm::exportTiming, vm.timingProperty().isNull()),
                note, changedLabel(RobustnessViewModel.Study.TIMING, "robustTimingChanged"));
        Label headline = headline("robustTimingHeadline");
        Label tranche = muted("");
        tranche.setId("robustTimingTranche");
        tranche.setWrapText(true);
        // beside the chart rather than over it: the chart keeps the height of its lines
        tranche.setPrefWidth(TRANCHE_WIDTH);
        tranche.setMinWidth(TRANCHE_WIDTH * 0.75);
        tranche.setAlignment(Pos.TOP_LEFT);
        tranche.setPadding(new Insets(6, 0, 0, 0));
        tranche.visibleProperty().bind(tranche.textProperty().isNotEmpty());
        tranche.managedProperty().bind(tranche.visibleProperty());
        timingChart.setId("robustTimingChart");
        timingChart.setPlaceholder(Messages.tr("robust.timingPlaceholder"));
        vm.timingProperty().addListener((o, a, f) -> {
            headline.setText(f == null ? "" : f.headline());
            tranche.setText(f == null ? "" : Texts.glued(f.trancheText()));
            timingChart.titleProperty().set(f == null ? "" : Messages.tr("robust.timingTitle", f.ruleName()));
            // a study opened from History has no value paths to draw: the placeholder says how to get them
            timingChart.setPlaceholder(Messages.tr(f == null || f.pathsStored() ? "robust.timingPlaceholder"
                    : "robust.timingPathsNotStored"));
            timingChart.setContent(f == null || !f.pathsStored() ? null : RobustnessCharts.timing(f));
            table.getItems().setAll(f == null ? List.of() : f.result().variants());
        });
        // six variants in view under the value paths at 1280 × 800: the table never shrinks below six rows, and the
        // chart, drawn under the headline figures, makes do with less than the other pages' charts
        table.setStyle(TIMING_ROW_HEIGHT + " -fx-min-height: " + TIMING_TABLE_MIN_HEIGHT + ";");
        HBox top = new HBox(8, timingChart, tranche);
        HBox.setHgrow(timingChart, Priority.ALWAYS);
        timingChart.setMinWidth(0);
        SplitPane split = stacked(top, table, TIMING_DIVIDER, TIMING_CHART_MIN_HEIGHT);
        split.setId("robustTimingSplit");
        SplitMemory.remember("robustTiming", split);
        return splitPage(split, form, headline, split);
    }

    private TableView<TimingStudy.Variant> timingTable() {
        TableView<TimingStudy.Variant> t = table("robustTimingTable");
        t.getColumns().setAll(List.of(
                col(Messages.tr("robust.col.rebalancesIn"), v -> vm.timingProperty().get().months(v)),
                col(Messages.tr("robust.col.day"), v -> vm.timingProperty().get().day(v)),
                figure(Messages.tr("robust.col.finalValue"), v -> v.metrics().finalValue(), Texts::money),
                figure(Messages.tr("robust.col.cagr"), v -> v.metrics().cagr(), Texts::percent),
                figure(Messages.tr("robust.col.volatility"), v -> v.metrics().volatility(), Texts::percent),
                figure(Messages.tr("robust.col.maxDrawdown"), v -> v.metrics().maxDrawdown(), Texts::percent),
                figure(Messages.tr("robust.col.events"), v -> v.metrics().eventCount(), n -> Integer.toString((int) n)),
                figure(Messages.tr("robust.col.turnover"), v -> v.metrics().totalTurnover(), Texts::percent),
                figure(Messages.tr("robust.col.cost"), v -> v.metrics().totalCost(), Texts::money)));
        return t;
    }

    // ---- Start dates ----

    private Node windowsPane() {
        TextField length = field(vm.lengthMonthsProperty(), "robustLength", 4, "");
        TextField step = field(vm.stepMonthsProperty(), "robustStep", 3, "");
        Button run = runButton(Messages.tr("robust.runWindows"), "robustWindowsRun", vm::runWindows);
        // once a study is shown its headline says what was run: the note gives its line to the charts and stays on the
        // Run button's hover text, so the form takes one row
        Label note = muted(Messages.tr("robust.windowsNote"));
        note.setId("robustWindowsNote");
        note.visibleProperty().bind(vm.windowsProperty().isNull());
        note.managedProperty().bind(note.visibleProperty());
        run.setTooltip(new Tooltip(note.getText()));
        FlowPane form = form(Forms.labelled(Messages.tr("robust.windowLength"), length),
                Forms.labelled(Messages.tr("robust.every"), step), run,
                pngButton("robustPremiumPng", Messages.tr("robust.premiumsPng"), premiumChart, vm.windowsProperty().isNull()),
                pngButton("robustPremiumHistogramPng", Messages.tr("robust.histogramPng"), premiumHistogram,
                        vm.windowsProperty().isNull()),
                csvButton("robustWindowsCsv", "windows.csv", vm::exportWindows, vm.windowsProperty().isNull()),
                note, changedLabel(RobustnessViewModel.Study.WINDOWS, "robustWindowsChanged"));
        Label headline = headline("robustWindowsHeadline");
        GridPane summary = new GridPane();
        summary.setId("robustWindowsSummary");
        summary.setHgap(12);
        summary.setVgap(4);
        summary.setPadding(new Insets(6));
        summary.setMinWidth(Region.USE_PREF_SIZE);
        TableView<WindowsStudy.WindowResult> table = windowsTable();
        table.setStyle(ROW_HEIGHT); // the timing table's denser rows: more windows in view under the charts
        premiumChart.setId("robustPremiumChart");
        premiumChart.setPlaceholder(Messages.tr("robust.premiumPlaceholder"));
        premiumHistogram.setId("robustPremiumHistogram");
        premiumHistogram.setPlaceholder(Messages.tr("robust.premiumHistogramPlaceholder"));
        vm.windowsProperty().addListener((o, a, f) -> {
            headline.setText(f == null ? "" : Texts.glued(f.headline()));
            premiumChart.titleProperty().set(f == null ? "" : Messages.tr("robust.premiumTitle", Texts.count(f.result().lengthMonths())));
            premiumChart.setContent(f == null ? null : RobustnessCharts.premiums(f));
            premiumHistogram.titleProperty().set(f == null ? "" : Messages.tr("robust.premiumsTitle"));
            premiumHistogram.setContent(f == null ? null : RobustnessCharts.premiumHistogram(f));
            summary.getChildren().clear();
            if (f != null) {
                int r = 0;
                for (String[] pair : f.summary()) {
                    Label name = new Label(pair[0]);
                    name.getStyleClass().add("summary-header");
                    Label value = new Label(pair[1]);
                    value.setWrapText(true);
                    value.setMaxWidth(320);
                    value.setMinHeight(Region.USE_PREF_SIZE); // the overlap, next to the count, never cut short
                    summary.addRow(r++, name, value);
                }
            }
            table.getItems().setAll(f == null ? List.of() : f.result().windows());
        });
        HBox charts = new HBox(6, premiumChart, premiumHistogram);
        HBox.setHgrow(premiumChart, Priority.ALWAYS);
        premiumChart.setPrefWidth(800);
        premiumHistogram.setPrefWidth(420);
        premiumHistogram.setMinWidth(260);
        // the summary scrolls on its own, so the divider moves freely between the charts and the windows below them
        ScrollPane summaryScroll = new ScrollPane(summary);
        summaryScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        summaryScroll.setMinWidth(Region.USE_PREF_SIZE);
        summaryScroll.setMinHeight(LOWER_MIN_HEIGHT);
        HBox lower = new HBox(6, summaryScroll, table);
        lower.setMinHeight(LOWER_MIN_HEIGHT);
        HBox.setHgrow(table, Priority.ALWAYS);
        SplitPane split = stacked(charts, lower, 0.55, CHARTS_MIN_HEIGHT);
        split.setId("robustWindowsSplit");
        SplitMemory.remember("robustWindows", split);
        // room for the divider to move: when the window is shorter the page scrolls
        split.setMinHeight(CHARTS_MIN_HEIGHT + 2 * LOWER_MIN_HEIGHT + 10);
        return splitPage(split, form, headline, split);
    }

    private TableView<WindowsStudy.WindowResult> windowsTable() {
        TableView<WindowsStudy.WindowResult> t = table("robustWindowsTable");
        t.getColumns().setAll(List.of(
                col(Messages.tr("robust.col.start"), w -> w.window().start().toString()),
                col(Messages.tr("robust.col.end"), w -> w.window().end().toString()),
                figure(Messages.tr("robust.col.cagrOn"), w -> w.on().cagr(), Texts::percent),
                figure(Messages.tr("robust.col.cagrOff"), w -> w.off().cagr(), Texts::percent),
                figure(Messages.tr("robust.col.premium"), WindowsStudy.WindowResult::premium, Texts::points),
                figure(Messages.tr("robust.col.volatilityDiff"), w -> w.on().volatility() - w.off().volatility(), Texts::points),
                figure(Messages.tr("robust.col.maxDrawdownDiff"), w -> w.on().maxDrawdown() - w.off().maxDrawdown(),
                        Texts::points)));
        return t;
    }

    // ---- Bootstrap ----

    private Node bootstrapPane() {
        ObservableList<RuleRecord> choices = FXCollections.observableArrayList();
        Runnable refill = () -> {
            RuleRecord keep = vm.ruleBProperty().get();
            choices.setAll(vm.setup().getRules());
            choices.add(0, null);
            // an opened study's B that no stored rule holds (no id) stays chosen
            vm.ruleBProperty().set(keep == null || keep.ruleId() == null ? keep : vm.setup().getRules().stream()
                    .filter(r -> keep.ruleId().equals(r.ruleId())).findFirst().orElse(null));
        };
        vm.setup().getRules().addListener((ListChangeListener<RuleRecord>) c -> refill.run());
        refill.run();
        ComboBox<RuleRecord> b = new ComboBox<>(choices);
        b.valueProperty().bindBidirectional(vm.ruleBProperty());
        b.setCellFactory(l -> ruleCell(true));
        b.setButtonCell(ruleCell(true));
        b.setConverter(ruleNames(true));
        b.setId("robustRuleBBox");
        narrow(b);
        b.setPrefWidth(220);
        TextField paths = field(vm.pathsProperty(), "robustPaths", 5, "");
        TextField block = field(vm.blockProperty(), "robustBlock", 4, Messages.tr("robust.blockPrompt"));
        TextField seed = field(vm.seedProperty(), "robustSeed", 4, "");
        Button run = runButton(Messages.tr("robust.runBootstrap"), "robustBootstrapRun", vm::runBootstrap);
        TableView<List<String>> table = table("robustBootstrapTable");
        String[] heads = {"A − B", "p5", "p25", Messages.tr("robust.col.median"), "p75", "p95"};
        for (int i = 0; i < heads.length; i++) {
            int c = i;
            TableColumn<List<String>, String> column = col(heads[i], row -> row.get(c));
            if (c > 0) {
                rightAligned(column);
            }
            table.getColumns().add(column);
        }
        // its two rows whole at their denser height, and no more: the height goes to the charts
        table.setStyle(ROW_HEIGHT + " -fx-pref-height: " + QUANTILES_HEIGHT + "; -fx-min-height: " + QUANTILES_HEIGHT
                + "; -fx-max-height: " + QUANTILES_HEIGHT + ";");
        FlowPane form = form(Forms.labelled("B", b), Forms.labelled(Messages.tr("robust.paths"), paths),
                Forms.labelled(Messages.tr("robust.meanBlock"), block), Forms.labelled(Messages.tr("robust.seed"), seed), run,
                pngButton("robustFanPng", Messages.tr("robust.fanPng"), fanChart, vm.bootstrapProperty().isNull()),
                pngButton("robustDiffPng", Messages.tr("robust.histogramPng"), diffHistogram, vm.bootstrapProperty().isNull()),
                csvButton("robustBootstrapCsv", "bootstrap-percentiles.csv", vm::exportBootstrap,
                        vm.bootstrapProperty().isNull()),
                changedLabel(RobustnessViewModel.Study.BOOTSTRAP, "robustBootstrapChanged"));
        Label sentence = headline("robustBootstrapSentence");
        Label note = muted("");
        note.setId("robustBootstrapNote");
        note.setWrapText(true);
        Label differences = new Label();
        differences.setId("robustBootstrapDifferences");
        differences.setWrapText(true);
        differences.setMinHeight(Region.USE_PREF_SIZE);
        // the quantiles table under the charts holds the same medians and 5–95 % ranges: while it shows them the
        // sentence gives its two lines to the charts and stays on the table's hover text, so the page fits 1280 × 800
        differences.visibleProperty().bind(vm.bootstrapProperty().isNull());
        differences.managedProperty().bind(differences.visibleProperty());
        fanChart.setId("robustFanChart");
        fanChart.setPlaceholder(Messages.tr("robust.fanPlaceholder"));
        diffHistogram.setId("robustDiffHistogram");
        diffHistogram.setPlaceholder(Messages.tr("robust.diffHistogramPlaceholder"));
        vm.bootstrapProperty().addListener((o, a, f) -> {
            sentence.setText(f == null ? "" : f.sentence());
            note.setText(f == null ? "" : f.note());
            differences.setText(f == null ? "" : f.differencesText());
            table.setTooltip(f == null ? null : new Tooltip(f.differencesText()));
            fanChart.titleProperty().set(f == null ? "" : Messages.tr("robust.fanTitle"));
            fanChart.setContent(f == null ? null : RobustnessCharts.fan(f));
            diffHistogram.titleProperty().set(f == null ? "" : Messages.tr("robust.diffTitle"));
            diffHistogram.setContent(f == null ? null : RobustnessCharts.cagrDifferences(f));
            table.getItems().setAll(f == null ? List.of() : f.tableRows());
        });
        diffHistogram.setPrefWidth(440);
        diffHistogram.setMinWidth(280);
        HBox charts = new HBox(6, fanChart, diffHistogram);
        HBox.setHgrow(fanChart, Priority.ALWAYS);
        fanChart.setPrefWidth(800);
        return page(charts, form, sentence, differences, note, charts, table);
    }

    // ---- pieces ----

    /** The least height of a page's charts: below it the page scrolls rather than squash them to a strip. */
    static final double CHARTS_MIN_HEIGHT = 240;
    /**
     * The timing chart's least height: less than {@link #CHARTS_MIN_HEIGHT}, so that under the headline figures six
     * variants of the table stay in view at 1280 × 800.
     */
    static final double TIMING_CHART_MIN_HEIGHT = 220;
    /**
     * Where the timing split's divider starts (of the split's height): at 1280 × 800 the chart gets its least height
     * and the table, under it, six rows; the divider moves either way from there.
     */
    private static final double TIMING_DIVIDER = 0.52;
    /** The tranche's figures beside the timing chart: this wide, wrapped onto as many lines as they need. */
    private static final double TRANCHE_WIDTH = 250;
    /** A variants table row: one line of the table's font with a little room (25 px at 14 px). */
    private static final String TIMING_ROW_HEIGHT = "-fx-fixed-cell-size: 1.8em;";
    /**
     * A table row: one line of the table's font with a little room (28 px at 14 px), as the events table's; an inline
     * style, as the style sheet's row height for every table outranks one set in code.
     */
    private static final String ROW_HEIGHT = "-fx-fixed-cell-size: 2em;";
    /**
     * The variants table's least height: its header and two rows of {@link #TIMING_ROW_HEIGHT} (in the table's font),
     * so the analyst can drag the divider down to give the chart more.
     */
    private static final String TIMING_TABLE_MIN_HEIGHT = "6.5em";
    /**
     * The least height of the summary and windows table under the start-date charts (they scroll within it): a few
     * windows' rows, so that with the charts at their least height the page fits 1280 × 800.
     */
    private static final double LOWER_MIN_HEIGHT = 85;
    /** The bootstrap quantiles table's height: its header and two rows of {@link #ROW_HEIGHT} (in the table's font). */
    private static final String QUANTILES_HEIGHT = "7.2em";
    /** The rows whose texts size a table's columns. */
    private static final int FIT_ROWS = 40;
    /** The widest a column's texts make it. */
    private static final double MAX_COLUMN_WIDTH = 360;

    /**
     * A study's page: its {@code form} (fields, Run and export buttons), then {@code rows} one under the other,
     * {@code growing} (one of them) taking the height left but never less than {@link #CHARTS_MIN_HEIGHT}; when the
     * window is too short for that the rows scroll.
     */
    private static Region page(Region growing, Node form, Node... rows) {
        growing.setMinHeight(CHARTS_MIN_HEIGHT);
        return splitPage(growing, form, rows);
    }

    /**
     * A page whose {@code growing} row is a split of charts (kept at least {@link #CHARTS_MIN_HEIGHT} tall by
     * {@link #stacked}) over their table and summary: the split is as tall as both parts' least heights together, so
     * a long summary makes the rows scroll rather than squash the charts. The {@code form} stays above the scrolled
     * rows, always in view: a run that moves the focus down the page, or a window too short for it, never scrolls
     * the Run button away.
     */
    private static Region splitPage(Region growing, Node form, Node... rows) {
        VBox box = new VBox(4, rows);
        VBox.setVgrow(growing, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 4, 8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true); // fills the tab when it is tall enough; the VBox's least height makes it scroll
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        VBox controls = new VBox(form);
        controls.setPadding(new Insets(6, 8, 0, 8));
        controls.setMinHeight(Region.USE_PREF_SIZE);
        VBox pageBox = new VBox(controls, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return pageBox;
    }

    /** {@code top} (charts, never below {@code topMinHeight}) over {@code bottom}, split at {@code divider} of the height. */
    private static SplitPane stacked(Region top, Node bottom, double divider, double topMinHeight) {
        top.setMinHeight(topMinHeight);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(divider);
        return split;
    }

    private Button runButton(String text, String id, Runnable action) {
        Button run = new Button(text);
        run.setId(id);
        run.getStyleClass().add("accent");
        run.setOnAction(e -> action.run());
        run.disableProperty().bind(vm.busyProperty());
        return run;
    }

    /**
     * Saves {@code chart} as a PNG, as its right-click "Save image…" does; {@code text} names the chart where a view
     * has more than one; disabled while {@code nothing} (no study drawn there yet).
     */
    private Button pngButton(String id, String text, Region chart, BooleanBinding nothing) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(nothing);
        b.setOnAction(e -> ScreenExports.saveImageOf(chart).ifPresent(vm::exported));
        return b;
    }

    private Button csvButton(String id, String name, Consumer<Path> export, BooleanBinding nothing) {
        Button b = new Button(Messages.tr("robust.csv"));
        b.setId(id);
        b.disableProperty().bind(nothing.or(vm.busyProperty()));
        b.setOnAction(e -> saveTarget.apply(name).ifPresent(export));
        return b;
    }

    private static <T> TableView<T> table(String id) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        // columns sized to their headers and texts; the table scrolls sideways rather than cut a header or a day's name
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.headersNeverCut(t);
        TablePlaceholder.standard(t);
        t.getItems().addListener((ListChangeListener<T>) c -> Platform.runLater(() -> {
            t.applyCss();
            t.layout();
            ColumnFit.toContent(t, FIT_ROWS, MAX_COLUMN_WIDTH);
        }));
        t.setPrefWidth(200);
        t.setMinWidth(0);
        return t;
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return NumberColumn.sortedByNumber(c); // figures by value; dates and names as text
    }

    /** A column of a figure shown as {@code text} writes it, right-aligned as every number column. */
    private static <T> TableColumn<T, String> figure(String title, ToDoubleFunction<T> value, DoubleFunction<String> text) {
        return rightAligned(col(title, r -> text.apply(value.applyAsDouble(r))));
    }

    /** Figures line up on their last digit, as in every number column of the app. */
    private static <T, V> TableColumn<T, V> rightAligned(TableColumn<T, V> c) {
        c.setStyle(NUMBER_ALIGNMENT);
        return c;
    }

    /** The number columns' alignment (as {@link NumberColumn}'s). */
    static final String NUMBER_ALIGNMENT = "-fx-alignment: CENTER-RIGHT;";

    /** The widest a picker gets: a long name ends in an ellipsis rather than widen the page past the window. */
    static final double PICKER_MAX_WIDTH = 280;

    private static void narrow(ComboBox<?> box) {
        box.setMaxWidth(PICKER_MAX_WIDTH);
        box.setMinWidth(120);
    }

    /**
     * A rule by its name (the OFF name for null when {@code offForNull}): what the picker shows for a chosen rule that
     * is not among its items, such as an opened study's rule B.
     */
    private static StringConverter<RuleRecord> ruleNames(boolean offForNull) {
        return new StringConverter<>() {
            @Override
            public String toString(RuleRecord r) {
                return r != null ? r.ruleName() : offForNull ? Messages.tr("robust.offName") : "";
            }

            @Override
            public RuleRecord fromString(String text) {
                return null; // the pickers are not editable
            }
        };
    }

    private static ListCell<RuleRecord> ruleCell(boolean offForNull) {
        return new ListCell<>() {
            @Override
            protected void updateItem(RuleRecord r, boolean empty) {
                super.updateItem(r, empty);
                if (r != null) {
                    setText(r.ruleName());
                } else {
                    setText(offForNull && (!empty || isButton()) ? Messages.tr("robust.offName") : "");
                }
            }

            private boolean isButton() {
                return getListView() == null;
            }
        };
    }

    private static DatePicker datePicker(String id) {
        DatePicker p = new DatePicker();
        p.setConverter(MainController.ISO_DATES);
        p.setPrefWidth(150);
        p.setId(id);
        return p;
    }

    private static FlowPane form(Node... nodes) {
        FlowPane f = new FlowPane(10, 8, nodes);
        f.setPadding(new Insets(4, 0, 4, 0));
        return f;
    }

    private static Label headline(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wraps onto as many lines as it needs, never cut short
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return l;
    }

    /** "Changed since study #7: …" while the choices no longer match that study on screen; hidden otherwise. */
    private Label changedLabel(RobustnessViewModel.Study study, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("warning");
        l.textProperty().bind(vm.changedSinceProperty(study));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(StringProperty p, String id, int columns, String prompt) {
        TextField f = Forms.field(p, id, columns);
        f.setPromptText(prompt);
        return f;
    }
}
