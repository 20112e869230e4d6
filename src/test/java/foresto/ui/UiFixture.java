package foresto.ui;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.ImportService;
import foresto.backtest.PortfolioService;
import foresto.backtest.RuleService;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.i18n.Messages;
import foresto.model.RuleRecord;
import foresto.sample.SyntheticMarket;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.main.CashFlowSetup;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.api.Assertions;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A test database with seed rules, sample portfolios and a 10-year synthetic dataset, and the window on it. */
public final class UiFixture {
    final Database db;
    final BacktestService service;
    MainWindow window;
    Path exportTarget;

    UiFixture(boolean rebalancing) {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC ui 2010-2019", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2010, 1, 4), LocalDate.of(2019, 12, 31), 3), false);
        service = new BacktestService(db.dataSource(), new FeatureFlags(rebalancing), Clock.systemUTC());
    }

    void start(Stage stage) {
        start(stage, UiState.inMemory());
    }

    /** The window on {@code state} (the same state twice: a restart). */
    void start(Stage stage, UiState state) {
        MainWindow.applyTheme();
        window = MainWindow.create(service, new RuleService(db.dataSource()), new ImportService(db.dataSource()),
                new FxTaskExecutor(), state, (owner, name) -> Optional.ofNullable(exportTarget));
        window.showIn(stage);
    }

    /** The window at {@code width} × {@code height}, not maximised, as on a small screen. */
    void startAt(Stage stage, double width, double height) {
        start(stage);
        stage.setMaximized(false);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    /** The shown window moved to the screen's corner at {@code width} × {@code height}, every tab attached. */
    void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            Window w = window.scene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(width);
            w.setHeight(height);
            window.attachDeferredTabs();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Robustness tab shown, once the setup's rules have loaded, with the stored rule {@code ruleName} chosen. */
    void showRobustnessWith(FxRobot robot, String ruleName) {
        var vm = window.mainViewModel();
        waitUntil(() -> !vm.getRules().isEmpty() && !vm.busyProperty().get());
        TabPane tabs = window.main().tabs();
        Tab robustness = tabs.getTabs().stream().filter(t -> "robustnessTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            vm.ruleProperty().set(vm.getRules().stream().filter(r -> r.ruleName().equals(ruleName)).findFirst().orElseThrow());
            tabs.getSelectionModel().select(robustness);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * In {@code language} (a tag: "en", "ko"), a new window at {@code width} × {@code height} on the Robustness tab with
     * the stored rule {@code ruleName} chosen.
     */
    void openRobustness(FxRobot robot, String language, double width, double height, String ruleName)
            throws TimeoutException {
        Messages.use(Locale.forLanguageTag(language));
        FxToolkit.setupStage(this::start);
        resize(robot, width, height);
        showRobustnessWith(robot, ruleName);
    }

    /** The setup's cash flows: a contribution of {@code amount} on every flow date. */
    void contribute(FxRobot robot, String amount) {
        CashFlowSetup flows = window.mainViewModel().cashFlows().choices();
        robot.interact(() -> {
            flows.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
            flows.amountProperty().set(amount);
        });
    }

    /**
     * Presses the button {@code runId} and waits until the table {@code tableId} holds at least {@code rows} rows and
     * the setup is idle, the window laid out after it; returns the table.
     */
    TableView<?> runStudy(FxRobot robot, String runId, String tableId, int rows) {
        robot.clickOn(runId);
        TableView<?> table = robot.lookup(tableId).queryAs(TableView.class);
        var vm = window.mainViewModel();
        waitUntil(() -> table.getItems().size() >= rows && !vm.busyProperty().get());
        robot.interact(() -> window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    /**
     * In {@code language}, a new window at 1280 × 800 on the primary stage, once its rules have loaded, with the first
     * stored drift rule chosen; returns that rule.
     */
    RuleRecord showWithDriftRule(FxRobot robot, Locale language) throws TimeoutException {
        Messages.use(language);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> startAt(stage, 1280, 800));
        var vm = window.mainViewModel();
        waitUntil(() -> !vm.busyProperty().get() && !vm.getRules().isEmpty());
        RuleRecord drift = vm.getRules().stream().filter(r -> r.driftThreshold() != null).findFirst().orElseThrow();
        robot.interact(() -> vm.ruleProperty().set(drift));
        WaitForAsyncUtils.waitForFxEvents();
        return drift;
    }

    /**
     * In {@code language}, a new window at 1280 × 800 in the screen's corner with every tab attached, once its rules
     * and portfolios have loaded.
     */
    void showSmallest(Locale language) throws TimeoutException {
        Messages.use(language);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            startAt(stage, 1280, 800);
            stage.setX(0);
            stage.setY(0);
            window.attachDeferredTabs();
        });
        var vm = window.mainViewModel();
        waitUntil(() -> !vm.busyProperty().get() && !vm.getRules().isEmpty() && !vm.getPortfolios().isEmpty());
    }

    /**
     * A new portfolio of four classes (Equity 50 %, Bonds 30 %, Gold 10 %, Short-term 10 %) named {@code name}, chosen
     * in the setup with the stored rule P2_DRIFT_5PCT_10BP and rebalancing ON.
     */
    void chooseFourClassesWithDrift(FxRobot robot, String name) {
        var vm = window.mainViewModel();
        new PortfolioService(db.dataSource()).add(name,
                PortfolioService.parseWeights("EQUITY=0.5,BOND=0.3,GOLD=0.1,SHORT_TERM=0.1"));
        robot.interact(vm::refreshPortfolios);
        waitUntil(() -> vm.getPortfolios().stream().anyMatch(p -> p.name().equals(name)));
        robot.interact(() -> {
            vm.portfolioProperty().set(vm.getPortfolios().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
            vm.ruleProperty().set(vm.getRules().stream()
                    .filter(r -> r.ruleName().equals("P2_DRIFT_5PCT_10BP")).findFirst().orElseThrow());
            vm.rebalancingOnProperty().set(true);
        });
    }

    /** Selects, in every tab pane around {@code node}, the tab that holds it, so that it shows. */
    static void showTabOf(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (n instanceof TabPane p) {
                    p.getTabs().stream().filter(t -> t.getContent() == node).findFirst()
                            .ifPresent(t -> p.getSelectionModel().select(t));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where {@code n}'s bottom edge lies in its scene (px from the top). */
    static double sceneBottom(Node n) {
        return n.localToScene(n.getBoundsInLocal()).getMaxY();
    }

    /** Where {@code n}'s top edge lies in its scene (px from the top). */
    static double sceneTop(Node n) {
        return n.localToScene(n.getBoundsInLocal()).getMinY();
    }

    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the window as {@code target/screenshots/<name>} (the README's pictures come from here). */
    void screenshot(FxRobot robot, String name) {
        Path file = Path.of("target/screenshots", name);
        robot.interact(() -> {
            try {
                Snapshots.write(window.scene(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Assertions.assertThat(file).exists();
    }

    void close() {
        db.close();
    }
}
