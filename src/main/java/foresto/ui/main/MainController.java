package foresto.ui.main;

import foresto.ui.chart.AnnualBars;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.SplitMemory;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
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
    @FXML Tab eventsTab;
    @FXML StackPane lowerArea;
    @FXML Tab rulesTab;
    @FXML Tab historyTab;
    @FXML Label statusLabel;
    @FXML ProgressBar progressBar;
    // the panels (fx:include), injected as <fx:id>Controller
    @FXML SetupPanel setupController;
    @FXML ChartsPanel chartsController;
    @FXML EventsPanel eventsController;
    @FXML HistoryPanel historyController;
    // split panes whose divider positions are remembered between launches
    @FXML SplitPane analysisSplit;
    @FXML SplitPane charts;

    /** The run whose charts are on screen. */
    public final ObjectProperty<RunModel> chartedRun = new SimpleObjectProperty<>();
    private MainViewModel vm;
    private SummaryPanel summary;
    private PerformancePanel performance;
    /** Writes the remembered layout a moment after the last change (a drag moves a divider many times). */
    private final PauseTransition saveSoon = new PauseTransition(Duration.millis(400));
    private boolean windowRemembered;

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
        eventsBarInTabHeader();
        historyController.bind(vm, () -> tabs.getSelectionModel().select(0));
        historyController.syncOnlyWhen(historyTab.selectedProperty());
        summary = new SummaryPanel(vm.shown());
        summary.fillOnlyWhen(summaryTab.selectedProperty());
        summaryTab.setContent(summary);
        FlowsPanel.attach(vm, dialogs, lowerTabs, summaryTab, chartsController.valueChart);
        performance = new PerformancePanel(vm.shown(), chartsController.valueChart);
        lowerTabs.getTabs().addAll(performance.tabs());

        // the value chart's hover readout also gives the drift on that day
        valueChart().setReadoutExtra(day -> {
            RunModel shown = chartedRun.get();
            // the drift in the drift axis's own unit (points or × band), not the chart's generic percent
            String drift = shown == null ? driftChart().valuesAt(day) : shown.driftScale().valuesAt(driftChart().content(), day);
            return drift.isEmpty() ? "" : driftChart().yLabel() + "\n" + drift;
        });
        rememberLayout(vm.state());

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
     * Moves the events' export button and count from a row of their own to the right of the lower tabs' header, shown
     * while the Events tab is: the table gets that row (eight rows under the charts at 1280 × 800).
     */
    private void eventsBarInTabHeader() {
        Node bar = eventsController.exportButton.getParent();
        if (!(bar instanceof HBox row) || !(row.getParent() instanceof Pane panel) || lowerArea == null) {
            return;
        }
        panel.getChildren().remove(row);
        row.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        row.setPickOnBounds(false);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 0, 8));
        eventsController.exportButton.getStyleClass().add("compact");
        row.visibleProperty().bind(eventsTab.selectedProperty());
        StackPane.setAlignment(row, Pos.TOP_RIGHT);
        lowerArea.getChildren().add(row);
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

    /**
     * Restores and remembers the log scale, the split positions and the window's size (the last shown run is the
     * view-model's): restored from {@code state} now (the window's size once it is shown), written a moment after
     * each change.
     */
    private void rememberLayout(UiState state) {
        saveSoon.setOnFinished(e -> state.save());
        BooleanProperty log = valueChart().logScaleProperty();
        state.get(UiState.LOG_SCALE).ifPresent(v -> log.set(Boolean.parseBoolean(v)));
        log.addListener((o, a, on) -> remember(state, UiState.LOG_SCALE, Boolean.toString(on)));
        SplitMemory.remember(state, "analysis", analysisSplit);
        SplitMemory.remember(state, "charts", charts);
        eventsController.rememberSort(state, (key, value) -> remember(state, key, value));
        if (root.getScene() != null) {
            SplitMemory.install(root.getScene(), state); // the other tabs' splits remember through the scene
            rememberWindow(state, root.getScene());
        }
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                SplitMemory.install(scene, state);
                rememberWindow(state, scene);
            }
        });
    }

    private void remember(UiState state, String key, String value) {
        state.put(key, value);
        saveSoon.playFromStart();
    }

    private void rememberWindow(UiState state, Scene scene) {
        if (scene.getWindow() != null) {
            rememberSize(state, scene.getWindow());
        }
        scene.windowProperty().addListener((o, a, w) -> {
            if (w != null) {
                rememberSize(state, w);
            }
        });
    }

    /**
     * After the window is shown at its default size (the caller sizes it after setting the scene, maximized on a
     * screen smaller than 1400 × 900): the remembered size when it fits on the screen — the window is then not
     * maximized, unless it was maximized when the analyst left — then each new size remembered (not while maximized)
     * and whether it is maximized.
     */
    private void rememberSize(UiState state, Window window) {
        if (windowRemembered) {
            return;
        }
        windowRemembered = true;
        // read now: the window's default size, set before this runs, must not count as the analyst's
        double w = state.get(UiState.WINDOW_WIDTH).map(MainController::number).orElse(Double.NaN);
        double h = state.get(UiState.WINDOW_HEIGHT).map(MainController::number).orElse(Double.NaN);
        boolean maximized = state.get(UiState.WINDOW_MAXIMIZED).map(Boolean::parseBoolean).orElse(false);
        Platform.runLater(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            if (w >= 400 && h >= 300 && w <= screen.getWidth() && h <= screen.getHeight()) {
                if (window instanceof Stage stage && stage.isMaximized() != maximized) {
                    stage.setMaximized(maximized);
                }
                window.setWidth(w);
                window.setHeight(h);
            }
            followWindow(state, window);
        });
    }

    /**
     * Remembers the window's size and whether it is maximized as they change, while the window shows this screen:
     * once another scene takes the window (a stage reused, as tests do) the listeners go, so the window does not keep
     * this screen alive.
     */
    private void followWindow(UiState state, Window window) {
        Scene mine = root.getScene();
        ChangeListener<Number> size = (o, a, b) -> rememberWindowSize(state, window);
        ChangeListener<Boolean> maximized = (o, a, on) -> remember(state, UiState.WINDOW_MAXIMIZED, Boolean.toString(on));
        window.widthProperty().addListener(size);
        window.heightProperty().addListener(size);
        if (window instanceof Stage stage) {
            stage.maximizedProperty().addListener(maximized);
        }
        window.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene before, Scene now) {
                if (now != mine) {
                    window.widthProperty().removeListener(size);
                    window.heightProperty().removeListener(size);
                    if (window instanceof Stage stage) {
                        stage.maximizedProperty().removeListener(maximized);
                    }
                    window.sceneProperty().removeListener(this);
                }
            }
        });
    }

    private void rememberWindowSize(UiState state, Window window) {
        if (window.getScene() != root.getScene() || window instanceof Stage stage && (stage.isMaximized() || stage.isFullScreen())) {
            return;
        }
        remember(state, UiState.WINDOW_WIDTH, String.format(Locale.ROOT, "%.0f", window.getWidth()));
        remember(state, UiState.WINDOW_HEIGHT, String.format(Locale.ROOT, "%.0f", window.getHeight()));
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm::run);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
    }
}
