package foresto.ui.portfolios;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.Metric;
import foresto.backtest.ImportService;
import foresto.backtest.PortfolioService;
import foresto.backtest.RuleService;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.error.ErrorCode;
import foresto.model.ListedPortfolio;
import foresto.model.PortfolioRecord;
import foresto.model.RunRecord;
import foresto.sample.SyntheticMarket;
import foresto.text.DisplayNumber;
import foresto.ui.MainWindow;
import foresto.ui.UiFixture;
import foresto.ui.Snapshots;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.SummaryRow;
import foresto.ui.robust.RobustnessView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Portfolios tab by robot: a portfolio typed in is offered at once by the Analysis, Sweep and Robustness pickers and
 * runs; a weight sum that is not 1 shows the error and disables Save; once a run used it, a re-weighting is refused in
 * plain words with the code on the details line.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfoliosTabTest {
    private Database db;
    private MainWindow window;
    private BacktestService service;

    @BeforeAll
    void fixture() throws TimeoutException {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC ui 2010-2019", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2010, 1, 4), LocalDate.of(2019, 12, 31), 3), false);
        service = new BacktestService(db.dataSource(), new FeatureFlags(true), Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> start(stage, service));
    }

    private void start(Stage stage, BacktestService service) {
        MainWindow.applyTheme();
        window = MainWindow.create(service, new RuleService(db.dataSource()), new ImportService(db.dataSource()),
                new PortfolioService(db.dataSource()), new FxTaskExecutor(), UiState.inMemory(), (owner, name) -> Optional.empty());
        window.showIn(stage);
    }

    @AfterAll
    void close() {
        db.close();
    }


    private static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(f::clear);
        robot.write(text);
    }

    @Test
    void aPortfolioMadeInTheTabIsInEveryPickerAtOnceAndRunsAndABadSumDisablesSave(FxRobot robot) throws IOException {
        MainViewModel main = window.mainViewModel();
        UiFixture.waitUntil(() -> !main.getPortfolios().isEmpty() && !main.busyProperty().get());
        robot.clickOn("Portfolios");
        TableView<?> table = robot.lookup("#portfolioTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() == 5);
        // at the window's size (1400 × 900) no header of the list is cut ("SHORT_T…")
        for (Node header : table.lookupAll(".column-header .label")) {
            Label l = (Label) header;
            assertThat(((Text) l.lookup(".text")).getText()).as("header %s", l.getText()).isEqualTo(l.getText());
        }
        assertThat(table.lookupAll(".column-header .label")).hasSize(8);
        Label statusBar = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(statusBar.getText()).contains("5 portfolios");
        Button save = robot.lookup("#portfolioSaveButton").queryButton();
        Label formError = robot.lookup("#portfolioFormError").queryAs(Label.class);

        type(robot, "portfolioNameField", "My 70/30 mix");
        type(robot, "portfolioWeightEQUITY", "0.7");
        type(robot, "portfolioWeightBOND", "0.2");
        // a sum that is not 1: the error says so and Save is disabled
        assertThat(robot.lookup("#portfolioSumLabel").queryAs(Label.class).getText()).isEqualTo("Sum: 0.9 (90 %)");
        assertThat(formError.isVisible()).isTrue();
        assertThat(formError.getText()).isEqualTo("The weights sum to 0.9; they must sum to 1 (add 0.1).");
        assertThat(save.isDisabled()).isTrue();
        snapshot(robot, "portfolios-tab-bad-sum.png");
        type(robot, "portfolioWeightBOND", "0.3");
        assertThat(formError.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        UiFixture.waitUntil(() -> main.getPortfolios().stream().anyMatch(p -> p.name().equals("My 70/30 mix")));
        assertThat(table.getItems()).hasSize(6);
        // the status bar counts the new one at once
        UiFixture.waitUntil(() -> statusBar.getText().contains("6 portfolios"));
        snapshot(robot, "portfolios-tab.png");

        // the Sweep and Robustness pickers are the Analysis setup's list: the new portfolio is there too
        @SuppressWarnings("unchecked")
        ComboBox<PortfolioRecord> sweep = robot.lookup("#sweepPortfolioBox").queryAs(ComboBox.class);
        assertThat(sweep.getItems()).extracting(PortfolioRecord::name).contains("My 70/30 mix");
        assertThat((Object) robot.lookup(n -> n instanceof RobustnessView).query()).isNotNull();
        assertThat(robot.lookup(n -> n instanceof ComboBox<?> c && c.getItems() == main.getPortfolios()
                && c.getScene() != null).queryAll()).as("Analysis, Sweep and Robustness pickers").hasSizeGreaterThanOrEqualTo(3);

        // choose it in the Analysis picker (the robot, as an analyst) and run with it
        robot.clickOn("Analysis");
        robot.clickOn("#portfolioBox");
        robot.clickOn(n -> n instanceof ListCell<?> cell && cell.isVisible() && "My 70/30 mix".equals(cell.getText()));
        assertThat(main.portfolioProperty().get().name()).isEqualTo("My 70/30 mix");
        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> main.resultProperty().get() != null && !main.busyProperty().get());
        assertThat(main.resultProperty().get().run().request().portfolioName()).isEqualTo("My 70/30 mix");
        long id = main.portfolioProperty().get().portfolioId();
        assertThat(main.resultProperty().get().run().request().portfolioId()).isEqualTo(id);
        // the stored run names it, and the Summary shows that run's figures
        RunRecord stored = service.findRun(main.resultProperty().get().run().runId());
        assertThat(stored.request().portfolioId()).isEqualTo(id);
        assertThat(stored.request().portfolioName()).isEqualTo("My 70/30 mix");
        SummaryRow finalValue = main.getSummary().stream().filter(r -> r.metric().equals(Metric.FINAL_VALUE.label()))
                .findFirst().orElseThrow();
        assertThat(finalValue.off()).isEqualTo(DisplayNumber.money(stored.summary().off().finalValue()));
        assertThat(finalValue.on()).isEqualTo(DisplayNumber.money(stored.summary().on().finalValue()));
        assertThat(stored.summary().on().finalValue()).isNotEqualTo(stored.summary().off().finalValue());

        // a stored run used it now: re-weighting is refused in plain words, the code on the details line
        robot.clickOn("Portfolios");
        robot.interact(() -> {
            ListedPortfolio mine = table.getItems().stream().map(ListedPortfolio.class::cast)
                    .filter(l -> l.portfolio().portfolioId() == id).findFirst().orElseThrow();
            table.getSelectionModel().select(table.getItems().indexOf(mine));
        });
        robot.clickOn("#portfolioEditButton");
        type(robot, "portfolioWeightEQUITY", "0.6");
        type(robot, "portfolioWeightBOND", "0.4");
        // the refusal coming moves nothing: the fields and Save stay under the pointer
        Node equityField = robot.lookup("#portfolioWeightEQUITY").query();
        double[] before = {sceneY(equityField), sceneY(save)};
        robot.clickOn(save);
        Label error = robot.lookup("#portfolioError").queryAs(Label.class);
        UiFixture.waitUntil(() -> !error.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> save.getScene().getRoot().layout());
        assertThat(new double[]{sceneY(equityField), sceneY(save)}).as("weight field and Save, refusal shown")
                .containsExactly(before);
        assertThat(error.getText()).startsWith("Stored runs were computed with this portfolio, so its weights cannot change.");
        assertThat(robot.lookup("#portfolioErrorDetails").queryAs(Label.class).getText())
                .startsWith("Details: " + ErrorCode.PORTFOLIO_IN_USE + ": weights: portfolio 'My 70/30 mix' is used by 1 stored run");
        snapshot(robot, "portfolios-tab-in-use.png");
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getLayoutBounds()).getMinY();
    }

    private void snapshot(FxRobot robot, String name) throws IOException {
        Path file = Path.of("target/screenshots", name);
        Files.createDirectories(file.getParent());
        robot.interact(() -> {
            try {
                Snapshots.write(window.scene(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(file).exists();
    }
}
