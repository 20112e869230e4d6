package foresto.ui.main;

import foresto.ui.common.ColumnFit;
import foresto.ui.common.AssetClassText;
import foresto.ui.common.SortedRows;
import foresto.engine.CashFlow;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.ui.chart.TimeSeriesChart;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * What a run with cash flows adds to the Analysis view (SEMANTICS §13.3–13.4): a Flows tab (date, amount and the
 * amount bought or sold of each class, with an export to CSV) and, at the top of the Summary, TWR, MWR and the totals
 * with the line on what toward-target allocation saved against pro rata; the flows also get a lane of their own on
 * the value chart. All stay hidden for a run without flows.
 */
final class FlowsPanel {
    private final CashFlowViewModel flows;
    private final TableView<CashFlow> table = new TableView<>();
    private final GridPane lines = new GridPane();
    private final Label comparison = new Label();
    /** Around the flows' part of the Summary. */
    private static final double PAD = 8;

    private FlowsPanel(CashFlowViewModel flows) {
        this.flows = flows;
    }

    /** Adds the Flows tab to {@code lowerTabs} and the flows' summary above the Summary tab's content. */
    static FlowsPanel attach(MainViewModel vm, MainController.Dialogs dialogs, TabPane lowerTabs, Tab summaryTab,
                             TimeSeriesChart valueChart) {
        FlowsPanel p = new FlowsPanel(vm.cashFlows());
        // the flows in their own lane of the value chart, under the events' lane
        vm.cashFlows().getFlows().addListener((ListChangeListener<CashFlow>) c ->
                valueChart.setFlowLane(vm.cashFlows().getFlows().stream().mapToDouble(f -> f.date().toEpochDay()).toArray()));
        Tab tab = new Tab(Messages.tr("cashFlows.tab"), p.flowsView(vm, dialogs));
        tab.setId("flowsTab");
        lowerTabs.getTabs().add(tab);
        Node summary = summaryTab.getContent();
        if (summary instanceof SummaryPanel panel) {
            panel.append(p.summaryView()); // under the metrics, one scroll for both: the metrics stay in view
            // the sentence wraps at the Summary's visible width, even when the metrics' grid is wider than the view
            p.comparison.maxWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(0, panel.getViewportBounds().getWidth() - 2 * PAD), panel.viewportBoundsProperty()));
        } else {
            VBox box = new VBox(6, p.summaryView());
            if (summary != null) {
                VBox.setVgrow(summary, Priority.ALWAYS);
                box.getChildren().add(summary);
            }
            summaryTab.setContent(box);
        }
        return p;
    }

    TableView<CashFlow> table() {
        return table;
    }

    private Node flowsView(MainViewModel vm, MainController.Dialogs dialogs) {
        Label caption = new Label();
        caption.textProperty().bind(flows.flowsCaptionProperty());
        caption.setId("flowsCaption");
        Label empty = new Label(Messages.tr("cashFlows.noFlows"));
        table.setPlaceholder(empty);
        table.setId("flowsTable");
        Tables.dense(table); // six rows and more in view at 1280 × 800
        ColumnFit.headersNeverCut(table);
        SortedRows.follow(table, flows.getFlows());
        columns(flows.getClasses());
        flows.getClasses().addListener((ListChangeListener<String>) c -> columns(flows.getClasses()));
        Button export = new Button(Messages.tr("cashFlows.export"));
        export.setId("exportFlowsButton");
        export.disableProperty().bind(Bindings.isEmpty(flows.getFlows()).or(vm.busyProperty()));
        export.setOnAction(e -> dialogs.chooseExportFile(Messages.tr("cashFlows.exportTitle"), "foresto-run-flows.csv")
                .ifPresent(flows::exportFlows));
        HBox top = new HBox(10, caption, export);
        VBox box = new VBox(6, top, table);
        box.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** A class's bought/sold column title, the class by its name: "주식 +매수 / −매도". */
    static String tradeTitle(String code) {
        return Messages.tr("cashFlows.col.trade", AssetClassText.of(code));
    }

    private void columns(List<String> classes) {
        TableColumn<CashFlow, String> date = new TableColumn<>(Messages.tr("cashFlows.col.date"));
        date.setCellValueFactory(c -> new ReadOnlyStringWrapper(LocaleFormat.date(c.getValue().date())));
        TableColumn<CashFlow, String> amount = new TableColumn<>(Messages.tr("cashFlows.col.amount"));
        amount.setCellValueFactory(c -> new ReadOnlyStringWrapper(LocaleFormat.money(c.getValue().amount())));
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        date.setPrefWidth(110);
        amount.setPrefWidth(130);
        table.getColumns().setAll(List.of(date, amount));
        for (String code : classes) {
            TableColumn<CashFlow, String> col = new TableColumn<>(tradeTitle(code));
            col.setCellValueFactory(c -> {
                Double t = c.getValue().trades().get(code);
                return new ReadOnlyStringWrapper(t == null ? "" : LocaleFormat.money(t));
            });
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            col.setPrefWidth(200);
            table.getColumns().add(col);
        }
    }

    private Node summaryView() {
        lines.setId("flowSummaryGrid");
        lines.setHgap(16);
        lines.setVgap(2);
        comparison.setId("flowComparisonLabel");
        comparison.setWrapText(true);
        comparison.setMaxWidth(Double.MAX_VALUE);
        comparison.setMinHeight(Region.USE_PREF_SIZE); // the whole sentence, wrapped, never cut with "…"
        comparison.textProperty().bind(flows.comparisonTextProperty());
        comparison.visibleProperty().bind(flows.comparisonTextProperty().isNotEmpty());
        comparison.managedProperty().bind(comparison.visibleProperty());
        Label title = new Label(Messages.tr("cashFlows.summaryTitle"));
        title.getStyleClass().add("summary-header");
        VBox box = new VBox(4, title, comparison, lines);
        box.setPadding(new Insets(PAD, PAD, 0, PAD));
        box.visibleProperty().bind(Bindings.isNotEmpty(flows.getLines()));
        box.managedProperty().bind(box.visibleProperty());
        flows.getLines().addListener((ListChangeListener<CashFlowViewModel.Line>) c -> fill());
        return box;
    }

    /** The lines in two blocks side by side (returns, then totals), so the Summary's own grid stays in view. */
    private void fill() {
        lines.getChildren().clear();
        List<CashFlowViewModel.Line> all = flows.getLines();
        if (all.isEmpty()) {
            return;
        }
        int half = (all.size() + 1) / 2;
        for (int block = 0; block < 2; block++) {
            int c0 = block * 4;
            lines.add(header(""), c0, 0);
            lines.add(header(Messages.tr("main.chartsPanel.wOffCol")), c0 + 1, 0);
            lines.add(header(Messages.tr("main.chartsPanel.wOnCol")), c0 + 2, 0);
            for (int i = block * half, r = 1; i < Math.min(all.size(), (block + 1) * half); i++, r++) {
                CashFlowViewModel.Line l = all.get(i);
                lines.add(new Label(l.metric()), c0, r);
                lines.add(value(l.off()), c0 + 1, r);
                lines.add(value(l.on()), c0 + 2, r);
            }
            if (block == 0) {
                lines.add(new Label(""), 3, 0);
            }
        }
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("summary-value");
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("summary-header");
        return l;
    }
}
