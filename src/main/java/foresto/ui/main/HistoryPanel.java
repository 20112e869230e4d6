package foresto.ui.main;

import foresto.ui.common.SortedRows;
import javafx.scene.control.Label;
import static foresto.i18n.Messages.tr;
import foresto.model.RunRecord;
import foresto.model.StudyRecord;
import foresto.text.DisplayNumber;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.HoverText;
import foresto.ui.common.NumberColumn;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Stored runs, newest first; opening one shows it in Analysis with its choices in the setup panel. Below them the
 * stored robustness studies (kind, rule, parameters, headline figure, created); a double click opens one in the
 * Robustness tab, its choices in the setup and its stored figures on screen.
 */
public final class HistoryPanel {
    @FXML Button openRunButton;
    @FXML TableView<RunRecord> historyTable;
    @FXML TableView<StudyRecord> studyTable;

    /** The rows whose texts size the columns. */
    private static final int FIT_ROWS = 40;
    /**
     * The widest a text makes its column: names (portfolio, rule, dataset) and a study's answer show in full, the
     * table scrolls sideways instead; a longer text shows in full on hover.
     */
    private static final double MAX_COLUMN_WIDTH = 640;
    /** A column's width before its header and texts size it. */
    private static final double NARROWEST = 20;
    /** The id of the tab that shows an opened study. */
    static final String STUDIES_TAB = "robustnessTab";

    private MainViewModel vm;
    private Runnable showAnalysis;

    void bind(MainViewModel vm, Runnable showAnalysis) {
        this.vm = vm;
        this.showAnalysis = showAnalysis;
        historyTable.setItems(rows);
        vm.getHistory().addListener((ListChangeListener<RunRecord>) c -> update.request());
        update.request();
        historyTable.getColumns().setAll(List.of(
                NumberColumn.<RunRecord>of(tr("main.history.runCol"), RunRecord::runId, HistoryPanel::number),
                col(tr("main.history.createdCol"), r -> created(r.createdAt())),
                col(tr("main.history.portfolioCol"), r -> r.request().portfolioName()),
                col(tr("main.history.ruleCol"), RunHistory::ruleText),
                col(tr("main.history.windowCol"), r -> r.request().startDate() + ".." + r.request().endDate()),
                col(tr("main.history.datasetCol"), r -> r.request().datasetName()),
                NumberColumn.<RunRecord>of(tr("main.history.eventsCol"), r -> r.summary().on() == null ? 0 : r.summary().on().eventCount(),
                        DisplayNumber::count),
                NumberColumn.<RunRecord>of(tr("main.history.finalOnCol"), r -> r.summary().on() == null ? Double.NaN
                        : r.summary().on().finalValue(), DisplayNumber::money),
                NumberColumn.<RunRecord>of(tr("main.history.finalOffCol"), r -> r.summary().off().finalValue(), DisplayNumber::money)));
        // sized to their texts; the table scrolls sideways rather than clip a column
        historyTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        startNarrow(historyTable);
        Tables.dense(historyTable); // more runs in view at 1280 × 800
        historyTable.setPlaceholder(new Label(tr("main.history.noRuns")));
        studyTable.setPlaceholder(new Label(tr("main.history.noStudies")));
        ColumnFit.headersNeverCut(historyTable);
        studyTable.setItems(studyRows);
        vm.getStudies().addListener((ListChangeListener<StudyRecord>) c -> update.request());
        studyTable.getColumns().setAll(List.of(
                NumberColumn.<StudyRecord>of(tr("main.history.studyCol"), StudyRecord::studyId, HistoryPanel::number),
                col(tr("main.history.createdCol"), s -> created(s.createdAt())),
                col(tr("main.history.kindCol"), RunHistory::kindText),
                col(tr("main.history.portfolioCol"), s -> s.request().portfolioName()),
                col(tr("main.history.ruleCol"), RunHistory::rulesText),
                col(tr("main.history.windowCol"), s -> s.request().startDate() + ".." + s.request().endDate()),
                col(tr("main.history.parametersCol"), RunHistory::parametersText),
                col(tr("main.history.answerCol"), RunHistory::headline)));
        studyTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        startNarrow(studyTable);
        Tables.dense(studyTable);
        ColumnFit.headersNeverCut(studyTable);
        openRunButton.disableProperty().bind(historyTable.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        historyTable.setRowFactory(t -> {
            TableRow<RunRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        studyTable.setRowFactory(t -> {
            TableRow<StudyRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openStudy(row.getItem());
                }
            });
            return row;
        });
    }

    /** The tables' rows: {@link MainViewModel#getHistory} and its studies as of when the tables were last in view. */
    private final ObservableList<RunRecord> rows = FXCollections.observableArrayList();
    private final ObservableList<StudyRecord> studyRows = FXCollections.observableArrayList();
    private final InViewUpdate update = new InViewUpdate(() -> {
        SortedRows.replace(historyTable, vm.getHistory());
        SortedRows.replace(studyTable, vm.getStudies());
        ColumnFit.toContent(historyTable, FIT_ROWS, MAX_COLUMN_WIDTH);
        ColumnFit.toContent(studyTable, FIT_ROWS, MAX_COLUMN_WIDTH);
    });

    /** A run's or study's number: "#12". */
    private static String number(double id) {
        return "#" + (long) id;
    }

    private static String created(OffsetDateTime t) {
        // to the minute: the run's number already tells two runs of one minute apart, and the columns fit 1280 px
        return t == null ? "" : t.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    /**
     * Copies the stored runs into the table only while {@code shown} is true (the History tab is selected), and when it
     * becomes true after a change: storing a run then does not restyle and lay out ~20 rows of a tab nobody sees.
     */
    void syncOnlyWhen(ObservableBooleanValue shown) {
        update.onlyWhen(shown);
        update.request();
    }

    private void open(RunRecord r) {
        vm.open(r.runId());
        showAnalysis.run(); // the run shows in Analysis, with its choices in the setup
    }

    /** Opens a stored study in the Robustness tab (its choices go into the setup there), and shows that tab. */
    private void openStudy(StudyRecord s) {
        vm.openStudy(s.studyId());
        for (Parent p = studyTable.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TabPane tabs) { // the window's tabs, History among them
                tabs.getTabs().stream().filter(tab -> STUDIES_TAB.equals(tab.getId())).findFirst()
                        .ifPresent(tab -> tabs.getSelectionModel().select(tab));
                return;
            }
        }
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return HoverText.on(c);
    }

    /** Columns start as narrow as can be: their headers, then their texts, widen them (never past their caps). */
    private static void startNarrow(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.setPrefWidth(NARROWEST);
        }
    }

    @FXML
    void onOpenRun() {
        RunRecord r = historyTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            open(r);
        }
    }
}
