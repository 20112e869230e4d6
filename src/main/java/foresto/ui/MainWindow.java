package foresto.ui;

import atlantafx.base.theme.PrimerLight;
import foresto.backtest.BacktestService;
import foresto.backtest.ImportService;
import foresto.backtest.PortfolioService;
import foresto.backtest.RuleService;
import foresto.i18n.Messages;
import foresto.ui.chart.CanvasChart;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.Fonts;
import foresto.ui.common.ScreenExports;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.i18n.LanguageSwitch;
import foresto.ui.main.ChartsPanel;
import foresto.ui.main.EventRow;
import foresto.ui.main.MainController;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.ResultViewModel;
import foresto.ui.main.RunModel;
import foresto.ui.main.SummaryPanel;
import foresto.ui.portfolios.PortfoliosView;
import foresto.ui.portfolios.PortfoliosViewModel;
import foresto.ui.rules.RulesController;
import foresto.ui.robust.StoredStudies;
import foresto.ui.robust.RobustnessView;
import foresto.ui.robust.RobustnessViewModel;
import foresto.ui.rules.RulesViewModel;
import foresto.ui.studies.StudiesView;
import foresto.ui.studies.StudiesViewModel;
import foresto.ui.sweep.SweepView;
import foresto.ui.sweep.SweepViewModel;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the main window from its FXML screens, view-models and services. */
public final class MainWindow {
    private final Scene scene;
    private final MainController main;
    private final MainViewModel mainVm;
    private final RulesViewModel rulesVm;
    private final SweepViewModel sweepVm;
    private final SweepView sweepView;
    private final DeferredTabs deferred;

    private MainWindow(Scene scene, MainController main, MainViewModel mainVm, RulesViewModel rulesVm, SweepViewModel sweepVm,
                       SweepView sweepView, DeferredTabs deferred) {
        this.scene = scene;
        this.main = main;
        this.mainVm = mainVm;
        this.rulesVm = rulesVm;
        this.sweepVm = sweepVm;
        this.sweepView = sweepView;
        this.deferred = deferred;
    }

    /** Theme: AtlantaFX Primer as the user-agent stylesheet (call once, on the FX thread). */
    public static void applyTheme() {
        Fonts.load(); // before any scene asks for the family in app.css
        applyThemeStylesheet();
    }

    /** Only the theme's user-agent style sheet (the splash uses it, so JavaFX never parses its default one). */
    static void applyThemeStylesheet() {
        String primer = new PrimerLight().getUserAgentStylesheet();
        if (!primer.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(primer);
        }
    }

    /** How many times the warm-up repaints its off-screen charts (one per frame). */
    private static final int WARM_PAINTS = 16;

    /**
     * Shows {@code view} on an off-screen copy of the charts, the events table and the summary (styled and laid out,
     * then dropped), so the first real run on screen does not pay for cold code; then moves a cursor across it, one
     * repaint of the charts and one update of the table's rows per frame, {@value #WARM_PAINTS} times — enough calls
     * for the JIT to compile the painting's loops and the table's cell updates (styling included), which otherwise run
     * interpreted in the first real run's frames (~50 ms each). One repaint per frame keeps the screen
     * answering meanwhile. Runs {@code done} at the end (also when anything fails: this is only an optimisation).
     * No snapshot of the charts (rendering one in software would hold the FX thread for ~0.3 s), only of their
     * fonts' glyphs ({@link foresto.ui.chart.TimeSeriesChart#primeText()}). FX thread.
     */
    static void warmScreen(RunModel model, Runnable done) {
        ResultViewModel r = new ResultViewModel();
        Scene scene;
        TableView<EventRow> events;
        try {
            TimeSeriesChart.primeText();
            FXMLLoader charts = loader("main/ChartsPanel.fxml");
            Parent root = load(charts);
            ((ChartsPanel) charts.getController()).bind(r, new SimpleObjectProperty<>());
            Parent eventsPanel = load(loader("main/EventsPanel.fxml"));
            @SuppressWarnings("unchecked")
            TableView<EventRow> table =
                    (TableView<EventRow>) eventsPanel.lookup("#eventTable");
            events = table;
            events.setPrefHeight(240);
            scene = new Scene(new VBox(root, eventsPanel, new SummaryPanel(r)), 1100, 900);
            scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
            r.showComputed(model);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        } catch (RuntimeException e) {
            done.run();
            return;
        }
        int days = r.resultProperty().get().dayCount();
        List<EventRow> rows = model.eventRows();
        new AnimationTimer() {
            private int painted;

            @Override
            public void handle(long now) {
                try {
                    r.selectDay(days * ++painted / (WARM_PAINTS + 1));
                    // the events table's rows move by one each frame: every visible cell is updated, as by a run
                    events.getItems().setAll(rows.subList(Math.min(painted % 2, rows.size()), rows.size()));
                    scene.getRoot().layout();
                } catch (RuntimeException e) {
                    painted = WARM_PAINTS;
                }
                if (painted >= WARM_PAINTS) {
                    stop();
                    done.run();
                }
            }
        }.start();
    }

    /**
     * After the warm-up (and once every tab is in the window): creates the rows of the window's tables with the
     * warm-up's run, then empties them again in the same FX event, so the first real run does not create, style and
     * lay them out while the analyst waits. Nothing of that run is ever shown.
     *
     * @return how many tables were primed
     */
    public int primeTables(RunModel sample) {
        try {
            return main().primeTables(sample);
        } catch (RuntimeException e) {
            return 0; // only an optimisation
        }
    }

    public static MainWindow create(BacktestService backtests, RuleService rules, ImportService imports,
                                    TaskExecutor executor, UiState state, ExportChooser exportChooser) {
        return create(backtests, rules, imports, executor, state, exportChooser, "");
    }

    /** As above; {@code currency} (e.g. KRW, may be empty) labels the value axis. */
    public static MainWindow create(BacktestService backtests, RuleService rules, ImportService imports,
                                    TaskExecutor executor, UiState state, ExportChooser exportChooser, String currency) {
        return shell(currency, false).attach(backtests, rules, imports, executor, state, exportChooser);
    }

    /** As above, with the Portfolios tab on {@code portfolios}. */
    public static MainWindow create(BacktestService backtests, RuleService rules, ImportService imports,
                                    PortfolioService portfolios, TaskExecutor executor, UiState state,
                                    ExportChooser exportChooser) {
        return shell("", false).attach(backtests, rules, imports, portfolios, executor, state, exportChooser);
    }

    /**
     * The window's screens without their services: FXML loaded and the style sheets set — everything that does
     * not need the database, so the desktop app builds (and may show) it while the database starts. Input is held
     * back until {@link Shell#attach}. With {@code deferHiddenTabs} the contents of the tabs not in view (Rules,
     * History, Sweep; Summary, Drawdown, Annual returns, Costs) join the window only when first selected or when
     * {@link MainWindow#attachDeferredTabs} is called, so the first show styles and lays out only what is seen.
     */
    public static Shell shell(String currency, boolean deferHiddenTabs) {
        FXMLLoader mainLoader = loader("main/MainView.fxml");
        Parent root = load(mainLoader);
        MainController mc = mainLoader.getController();
        Scene scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
        FXMLLoader rulesLoader = loader("rules/RulesView.fxml");
        mc.rulesTab().setContent(load(rulesLoader));
        mc.valueChart().setYLabel(currency == null || currency.isBlank() ? Messages.tr("main.charts.valueAxis")
                : Messages.tr("main.charts.valueAxisIn", currency));
        return new Shell(scene, mc, rulesLoader.getController(), deferHiddenTabs);
    }

    /** The built screens waiting for their services; see {@link #shell}. */
    public static final class Shell {
        private final Scene scene;
        private final MainController mc;
        private final RulesController rc;
        private final DeferredTabs deferred;
        private final EventHandler<InputEvent> holdInput = Event::consume;
        private boolean attached;

        private Shell(Scene scene, MainController mc, RulesController rc, boolean deferHiddenTabs) {
            this.scene = scene;
            this.mc = mc;
            this.rc = rc;
            this.deferred = deferHiddenTabs ? DeferredTabs.of(mc.tabs()) : null;
            scene.addEventFilter(InputEvent.ANY, holdInput);
        }

        /** Shows the screens while the database starts: {@code message} in the status bar, input held back. */
        public void showStarting(Stage stage, String message) {
            mc.showStarting(message);
            show(stage, scene, null);
        }

        /** The progress message while starting (ignored once attached). */
        public void starting(String message) {
            if (!attached) {
                mc.showStarting(message);
            }
        }

        /** Binds the screens to their view-models and services, loads the lists and lets input through. */
        public MainWindow attach(BacktestService backtests, RuleService rules, ImportService imports,
                                 TaskExecutor executor, UiState state, ExportChooser exportChooser) {
            return attach(backtests, rules, imports, null, executor, state, exportChooser);
        }

        /** As above, with the Portfolios tab on {@code portfolios} (none when null). */
        public MainWindow attach(BacktestService backtests, RuleService rules, ImportService imports,
                                 PortfolioService portfolios, TaskExecutor executor, UiState state,
                                 ExportChooser exportChooser) {
            if (attached) {
                throw new IllegalStateException("already attached");
            }
            attached = true;
            MainViewModel vm = new MainViewModel(backtests, executor, state, e -> showError(scene.getWindow(), e));
            RulesViewModel rvm = new RulesViewModel(rules, executor, vm::refreshRules);
            rc.bind(rvm);

            ExportTargets targets = new ExportTargets(exportChooser, state, scene::getWindow);
            MainController.Dialogs dialogs = new MainController.Dialogs() {
                @Override
                public Optional<Path> chooseExportFile(String suggestedName) {
                    return targets.choose(suggestedName);
                }

                @Override
                public Optional<Path> chooseExportFile(String what, String suggestedName) {
                    return targets.choose(what, suggestedName);
                }

                @Override
                public void showError(UiError e) {
                    MainWindow.showError(scene.getWindow(), e);
                }

                @Override
                public void openImport() {
                    new ImportDialog(scene.getWindow(), imports, executor, d -> vm.load()).show();
                }
            };
            mc.bind(vm, dialogs, executor);
            LanguageSwitch.install(scene, state);

            SweepViewModel svm = new SweepViewModel(backtests, vm, executor, Platform::runLater,
                    e -> showError(scene.getWindow(), e));
            SweepView sv = new SweepView(svm, () -> mc.tabs().getSelectionModel().select(0),
                    () -> targets.choose(Messages.tr(ExportTargets.SWEEP_TITLE), "sweep.csv"));
            Tab sweepTab = new Tab(Messages.tr("main.sweepTab"), sv);
            sweepTab.setId("sweepTab");
            mc.tabs().getTabs().add(sweepTab);
            RobustnessViewModel robustVm = new RobustnessViewModel(new StoredStudies(backtests), vm, backtests.flags(),
                    executor, e -> showError(scene.getWindow(), e));
            Tab robustTab = new Tab(Messages.tr("robust.tab"), new RobustnessView(robustVm, targets::choose));
            robustTab.setId("robustnessTab");
            mc.tabs().getTabs().add(robustTab);
            Tab studiesTab = StudiesView.tab(new StudiesViewModel(executor, backtests.flags(), e -> showError(scene.getWindow(), e)),
                    targets::choose);
            mc.tabs().getTabs().add(studiesTab);
            PortfoliosViewModel portfoliosVm = portfolios == null ? null
                    : new PortfoliosViewModel(portfolios, executor, vm::refreshPortfolios);
            Tab portfoliosTab = portfolios == null ? null : PortfoliosView.tab(portfoliosVm, PortfoliosView::confirmDialog);
            if (portfoliosTab != null) {
                mc.tabs().getTabs().add(portfoliosTab);
                portfoliosVm.load();
            }
            if (deferred != null) {
                if (portfoliosTab != null) {
                    deferred.defer(portfoliosTab);
                }
                deferred.defer(sweepTab);
                deferred.defer(robustTab);
                deferred.defer(studiesTab);
                mc.lowerTabs().getTabs().forEach(deferred::defer); // Summary, Drawdown, Annual returns, Costs
            }

            ScreenExports.install(scene, CanvasChart.class::isInstance,
                    chart -> ChartCaption.fileName(chart, mc.tabs(), vm.resultProperty().get()), targets,
                    (chart, file) -> Snapshots.write(chart, ChartCaption.of(chart, mc.tabs(), vm.resultProperty().get()), file),
                    t -> showError(scene.getWindow(), UiError.of(Messages.tr(ExportTargets.IMAGE_FAILED), t)));
            vm.load();
            rvm.load();
            scene.removeEventFilter(InputEvent.ANY, holdInput);
            return new MainWindow(scene, mc, vm, rvm, svm, sv, deferred);
        }
    }

    /** Where exported CSV and PNG files go: a file chooser titled with what it saves in the app, a fixed path in tests. */
    @FunctionalInterface
    public interface ExportChooser {
        Optional<Path> choose(Window owner, String suggestedName);

        /**
         * As above, the dialog titled "{@code what}: {@code suggestedName}" and opening in {@code folder} (null: the
         * chooser's default). A fake that only needs the file implements the two-argument form.
         */
        default Optional<Path> choose(Window owner, String what, Path folder, String suggestedName) {
            return choose(owner, suggestedName);
        }

        static ExportChooser fileChooser() {
            return new ExportChooser() {
                @Override
                public Optional<Path> choose(Window owner, String name) {
                    return choose(owner, ExportTargets.titleFor(name), null, name);
                }

                @Override
                public Optional<Path> choose(Window owner, String what, Path folder, String name) {
                    FileChooser fc = new FileChooser();
                    boolean png = name.endsWith(".png");
                    fc.setTitle(what + ": " + name);
                    fc.setInitialFileName(name);
                    if (folder != null) {
                        fc.setInitialDirectory(folder.toFile());
                    }
                    fc.getExtensionFilters().add(png ? new FileChooser.ExtensionFilter(Messages.tr("common.pngFilter"), "*.png")
                            : new FileChooser.ExtensionFilter(Messages.tr("common.csvFilter"), "*.csv"));
                    return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
                }
            };
        }
    }

    static FXMLLoader loader(String path) {
        return new FXMLLoader(MainWindow.class.getResource("/foresto/ui/" + path), Messages.bundle());
    }

    static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + loader.getLocation(), e);
        }
    }

    /** A modal error dialog with the stable code and a readable message; the app keeps working after it. */
    public static void showError(Window owner, UiError e) {
        Alert a = new Alert(Alert.AlertType.ERROR, e.plain(), ButtonType.OK);
        a.setTitle(e.title());
        a.setHeaderText(e.title()); // plain words; the code stays in the details line
        a.getDialogPane().setId("errorDialog");
        styled(a.getDialogPane());
        if (owner != null) {
            a.initOwner(owner);
        }
        a.getDialogPane().setMinWidth(520);
        a.show();
    }

    /** The app's style sheet (and so the bundled Korean font) on a dialog, which has a scene of its own. */
    static void styled(DialogPane pane) {
        pane.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
    }

    public void showIn(Stage stage) {
        show(stage, scene, mainVm);
    }

    /** Adds the contents of tabs not selected yet (see {@link #shell}); nothing when none are waiting. */
    public void attachDeferredTabs() {
        if (deferred != null) {
            deferred.attachAll();
        }
    }

    /**
     * Adds the held-back tab contents one per {@code gap}, so no single frame styles them all (after start-up, when
     * the screen is idle), then runs {@code done}.
     */
    public void attachDeferredTabsGradually(Duration gap, Runnable done) {
        if (deferred == null) {
            done.run();
            return;
        }
        PauseTransition next = new PauseTransition(gap);
        next.setOnFinished(e -> {
            if (deferred.attachNext()) {
                next.playFromStart();
            } else {
                done.run();
            }
        });
        next.play();
    }

    private static void show(Stage stage, Scene scene, MainViewModel vm) {
        stage.setTitle(Messages.tr("app.title"));
        if (vm != null) {
            stage.setOnCloseRequest(e -> vm.cancel());
        }
        if (stage.getScene() == scene && stage.isShowing()) {
            return; // already shown while the database started
        }
        stage.setScene(scene);
        // the stage may have shown the small splash: size it to the screen (1400 × 900 where it fits) and centre it
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1400, screen.getWidth()));
        stage.setHeight(Math.min(900, screen.getHeight()));
        stage.centerOnScreen();
        if (screen.getWidth() < 1400 || screen.getHeight() < 900) {
            stage.setMaximized(true);
        }
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    public MainController main() {
        return main;
    }

    public MainViewModel mainViewModel() {
        return mainVm;
    }

    public RulesViewModel rulesViewModel() {
        return rulesVm;
    }

    public SweepViewModel sweepViewModel() {
        return sweepVm;
    }

    public SweepView sweepView() {
        return sweepView;
    }
}
