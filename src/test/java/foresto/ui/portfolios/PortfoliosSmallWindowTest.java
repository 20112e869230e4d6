package foresto.ui.portfolios;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.ImportService;
import foresto.backtest.PortfolioService;
import foresto.backtest.RuleService;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.model.ListedPortfolio;
import foresto.sample.SyntheticMarket;
import foresto.ui.MainWindow;
import foresto.ui.UiFixture;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The Portfolios tab at the smallest supported window: everything readable, and Edit starts without a false error. */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfoliosSmallWindowTest {
    private Database db;
    private MainWindow window;

    @BeforeAll
    void fixture() throws TimeoutException {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC ui 2010-2019", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(2010, 1, 4), LocalDate.of(2019, 12, 31), 3), false);
        BacktestService service = new BacktestService(db.dataSource(), new FeatureFlags(true), Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            MainWindow.applyTheme();
            window = MainWindow.create(service, new RuleService(db.dataSource()), new ImportService(db.dataSource()),
                    new PortfolioService(db.dataSource()), new FxTaskExecutor(), UiState.inMemory(), (owner, name) -> Optional.empty());
            window.showIn(stage);
        });
    }

    @AfterAll
    void close() {
        db.close();
    }


    /**
     * At 1280 × 800 (English) every column of the list is on screen with its header in full and the names uncut; pressing
     * Edit on a portfolio fills the form without calling its own name taken.
     */
    @Test
    void atTheSmallestWindowEveryColumnShowsAndEditingDoesNotCallTheOwnNameTaken(FxRobot robot) {
        MainViewModel main = window.mainViewModel();
        UiFixture.waitUntil(() -> !main.getPortfolios().isEmpty() && !main.busyProperty().get());
        robot.interact(() -> {
            for (Node n : robot.lookup(".tab-pane").queryAll()) {
                TabPane pane = (TabPane) n;
                pane.getTabs().stream().filter(t -> "portfoliosTab".equals(t.getId())).findFirst()
                        .ifPresent(t -> pane.getSelectionModel().select(t));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#portfolioTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> table.getItems().size() >= 5);
        robot.interact(() -> {
            Stage stage = (Stage) table.getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(table::layout);
        WaitForAsyncUtils.waitForFxEvents();
        double right = table.localToScene(table.getLayoutBounds()).getMaxX();
        assertThat(table.lookupAll(".column-header .label")).hasSize(8);
        for (Node header : table.lookupAll(".column-header .label")) {
            Label l = (Label) header;
            assertThat(((Text) l.lookup(".text")).getText()).as("header %s", l.getText()).isEqualTo(l.getText());
            assertThat(l.localToScene(l.getLayoutBounds()).getMaxX()).as("header %s on screen", l.getText())
                    .isLessThanOrEqualTo(right);
        }
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                assertThat(bar.isVisible()).as("no sideways scrolling").isFalse();
            }
        }
        TableColumn<?, ?> nameColumn = table.getColumns().get(0);
        int names = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == nameColumn && cell.getText() != null
                    && !cell.getText().isEmpty() && cell.lookup(".text") instanceof Text shown) {
                assertThat(shown.getText()).as("name %s", cell.getText()).isEqualTo(cell.getText());
                names++;
            }
        }
        assertThat(names).isGreaterThanOrEqualTo(5);

        Label formError = robot.lookup("#portfolioFormError").queryAs(Label.class);
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#portfolioEditButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#portfolioNameField").queryAs(TextField.class).getText())
                .isEqualTo(((ListedPortfolio) table.getItems().get(1)).portfolio().name());
        assertThat(formError.getText()).isEmpty();
        assertThat(formError.isVisible()).isFalse();
        assertThat(robot.lookup("#portfolioSaveButton").queryButton().isDisabled()).isFalse();

        // the weight-sum error coming and going moves nothing: the fields and Save stay under the pointer
        TextField equity = robot.lookup("#portfolioWeightEQUITY").queryAs(TextField.class);
        Node save = robot.lookup("#portfolioSaveButton").query();
        double[] before = {sceneY(equity), sceneY(save), table.getHeight()};
        String was = equity.getText();
        robot.interact(() -> equity.setText("0.01"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getScene().getRoot().layout());
        assertThat(formError.getText()).as("the sum error shows").isNotEmpty();
        assertThat(formError.isVisible()).isTrue();
        assertThat(new double[]{sceneY(equity), sceneY(save), table.getHeight()}).as("field, Save, table height")
                .containsExactly(before);
        robot.interact(() -> equity.setText(was));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getScene().getRoot().layout());
        assertThat(formError.getText()).isEmpty();
        assertThat(new double[]{sceneY(equity), sceneY(save), table.getHeight()}).containsExactly(before);
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getLayoutBounds()).getMinY();
    }

}
