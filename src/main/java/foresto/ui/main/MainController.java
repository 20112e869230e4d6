package foresto.ui.main;

import foresto.ui.chart.AnnualBars;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Composes the analysis screen from its panels — setup, charts, events, summary and performance, history — each
 * bound to its part of {@link MainViewModel}; owns only the banner, the tabs, the status bar and the shortcuts.
 */
public final class MainController {
    /** What the screen needs from the outside that is not the view-model: file dialogs and hooks. */
    public interface Dialogs {
        Optional<Path> chooseExportFile(String suggestedName);

        /** As above, the dialog titled for {@code what} it exports ("Export daily values to CSV"). */
        default Optional<Path> chooseExportFile(String what, String suggestedName) {
            return chooseExportFile(suggestedName);
        }

        /** Shows a failure the status line alone would hide (an export that could not be written). */
        default void showError(UiError e) {
        }

        void openImport();
    }

    @FXML BorderPane root;
    @FXML Label disabledBanner;
    @FXML TabPane tabs;
    @FXML TabPane lowerTabs;
    @FXML Tab summaryTab;
    @FXML Tab rulesTab;
    @FXML Tab historyTab;
    @FXML Label statusLabel;
    @FXML ProgressBar progressBar;
    // the panels (fx:include), injected as <fx:id>Controller
    @FXML SetupPanel setupController;
    @FXML ChartsPanel chartsController;
    @FXML EventsPanel eventsController;
    @FXML HistoryPanel historyController;

    /** The run whose charts are on screen. */
    public final ObjectProperty<RunModel> chartedRun = new SimpleObjectProperty<>();
    private MainViewModel vm;
    private SummaryPanel summary;
    private PerformancePanel performance;

    public TimeSeriesChart valueChart() {
        return chartsController.valueChart;
    }

    public TimeSeriesChart driftChart() {
        return chartsController.driftChart;
    }

    public TimeSeriesChart drawdownChart() {
        return performance.drawdown;
    }

    public TimeSeriesChart costChart() {
        return performance.costs;
    }

    public AnnualBars annualBars() {
        return performance.annual;
    }

    public SummaryPanel summary() {
        return summary;
    }

    /** The tabs under the charts: Events, Summary, Drawdown, Annual returns, Costs. */
    public TabPane lowerTabs() {
        return lowerTabs;
    }

    /** The window's tabs (Analysis, Rules, History, Sweep). */
    public TabPane tabs() {
        return tabs;
    }

    public Tab rulesTab() {
        return rulesTab;
    }

    /**
     * Before {@link #bind}: the start-up progress in the status bar, the progress bar running, and the buttons that
     * need the database shown as not yet usable.
     */
    public void showStarting(String message) {
        if (!statusLabel.textProperty().isBound()) {
            statusLabel.setText(message);
            progressBar.setProgress(-1);
            progressBar.setVisible(true);
            setupController.runButton.setDisable(true);
            setupController.cancelButton.setDisable(true);
            setupController.importButton.setDisable(true);
        }
    }

    public void bind(MainViewModel vm, Dialogs dialogs, TaskExecutor executor) {
        this.vm = vm;
        boolean allowed = vm.rebalancingAllowedProperty().get();
        disabledBanner.setText(vm.disabledBanner());
        disabledBanner.setVisible(!allowed);
        disabledBanner.setManaged(!allowed);
        statusLabel.textProperty().bind(vm.statusProperty());
        progressBar.visibleProperty().bind(vm.busyProperty());
        progressBar.setProgress(-1);

        setupController.importButton.setDisable(false); // held while starting (run and cancel are bound below)
        setupController.bind(vm, dialogs);
        chartsController.bind(vm.shown(), chartedRun);
        chartsController.addToToolbar(RunExports.menu(vm, dialogs, executor));
        eventsController.bind(vm, dialogs);
        historyController.bind(vm, () -> tabs.getSelectionModel().select(0));
        historyController.syncOnlyWhen(historyTab.selectedProperty());
        summary = new SummaryPanel(vm.shown());
        summary.fillOnlyWhen(summaryTab.selectedProperty());
        summaryTab.setContent(summary);
        FlowsPanel.attach(vm, dialogs, lowerTabs, summaryTab, chartsController.valueChart);
        performance = new PerformancePanel(vm.shown(), chartsController.valueChart);
        lowerTabs.getTabs().addAll(performance.tabs());

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

    /**
     * Creates the rows of the events, weights, annual-returns and history tables with a run that is not shown (the
     * start-up warm-up's) and empties them again at once (see {@link Tables#prime}), so a first real run only fills
     * rows in. Tables not in the window yet (a tab still held back) are left alone.
     *
     * @return how many tables were primed
     */
    public int primeTables(RunModel sample) {
        int n = 0;
        n += Tables.prime(eventsController.eventTable, sample.eventRows()) ? 1 : 0;
        n += Tables.prime(chartsController.weightsTable, sample.weightsAt(sample.dayCount() / 2)) ? 1 : 0;
        n += Tables.prime(historyController.historyTable, List.of(sample.run())) ? 1 : 0;
        if (performance != null) {
            n += Tables.prime(performance.years, sample.yearRows()) ? 1 : 0;
        }
        return n;
    }

    /** Dates as the data has them (YYYY-MM-DD), whatever the machine's locale. */
    public static final StringConverter<LocalDate> ISO_DATES = new StringConverter<>() {
        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        @Override
        public LocalDate fromString(String s) {
            try {
                return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    };

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm::run);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
