package foresto.ui;

import foresto.backtest.ImportService;
import foresto.backtest.RuleService;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app's start as {@link ForestoApp} does it: the window's screens are built and shown while the
 * database starts (its progress in the status bar, input held back), then attached to the services; tabs not in
 * view join the window when first selected or when the start-up is over.
 */
@ExtendWith(ApplicationExtension.class)
class StartupScreenTest {
    static UiFixture fx;
    MainWindow.Shell shell;
    Stage stage;

    @BeforeAll
    static void fixture() {
        fx = new UiFixture(true);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.applyTheme();
        shell = MainWindow.shell("", true);
        shell.showStarting(stage, "Starting the database …");
    }

    private MainWindow attach(FxRobot robot) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = shell.attach(fx.service, new RuleService(fx.db.dataSource()), new ImportService(fx.db.dataSource()),
                    new FxTaskExecutor(), UiState.inMemory(), (owner, name) -> Optional.empty());
            w[0].showIn(stage);
        });
        UiFixture.waitUntil(() -> !w[0].mainViewModel().getPortfolios().isEmpty() && !w[0].mainViewModel().busyProperty().get());
        return w[0];
    }

    private static Tab tab(TabPane pane, String text) {
        return pane.getTabs().stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void whileTheDatabaseStartsTheWindowShowsProgressAndTakesNoInputThenItWorks(FxRobot robot) {
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("Starting the database …");
        robot.interact(() -> shell.starting("Migrating the schema …"));
        assertThat(status.getText()).isEqualTo("Migrating the schema …");

        // what needs the database says so: Run, Cancel and Import are disabled; the events table already has its
        // columns and its placeholder
        Button run = robot.lookup("#runButton").queryAs(Button.class);
        Button importButton = robot.lookup("#importButton").queryAs(Button.class);
        assertThat(run.isDisabled()).isTrue();
        assertThat(robot.lookup("#cancelButton").query().isDisabled()).isTrue();
        assertThat(importButton.isDisabled()).isTrue();
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        assertThat(events.getColumns()).isNotEmpty();
        assertThat(((Label) events.getPlaceholder()).getText()).contains("Run a backtest");

        // input is held back: a click does not reach the field (no focus), typing changes nothing
        TextField value = robot.lookup("#initialValueField").queryAs(TextField.class);
        String before = value.getText();
        robot.clickOn(value).write("5");
        assertThat(value.isFocused()).isFalse();
        assertThat(value.getText()).isEqualTo(before);

        MainWindow w = attach(robot);
        assertThat(status.getText()).startsWith("Ready.");
        assertThat(run.isDisabled()).isFalse();
        assertThat(importButton.isDisabled()).isFalse();
        robot.interact(() -> shell.starting("late progress")); // ignored once attached (the label is bound)
        assertThat(status.getText()).startsWith("Ready.");
        robot.doubleClickOn(value).write("12345");
        assertThat(value.isFocused()).isTrue();
        assertThat(value.getText()).isEqualTo("12345");
        assertThat(w.mainViewModel().getPortfolios()).isNotEmpty();
    }

    @Test
    void tabsNotInViewJoinTheWindowWhenSelectedOrWhenTheStartIsOver(FxRobot robot) {
        MainWindow w = attach(robot);
        TabPane tabs = w.main().tabs();
        TabPane lower = w.main().lowerTabs();
        // only what is in view is in the window: Analysis with its Events table
        assertThat(tab(tabs, "Analysis").getContent()).isNotNull();
        assertThat(tab(lower, "Events").getContent()).isNotNull();
        for (Tab t : Set.of(tab(tabs, "Rules"), tab(tabs, "History"), tab(tabs, "Sweep"), tab(lower, "Summary"),
                tab(lower, "Drawdown"), tab(lower, "Annual returns"), tab(lower, "Costs"))) {
            assertThat(t.getContent()).as(t.getText()).isNull();
        }
        assertThat(robot.lookup("#ruleNameField").tryQuery()).isEmpty();

        robot.clickOn("Rules");
        Node name = robot.lookup("#ruleNameField").query();
        assertThat(name.getScene()).isSameAs(stage.getScene());
        robot.clickOn("Analysis");
        robot.clickOn("Summary");
        assertThat(robot.lookup("#summaryGrid").tryQuery()).isPresent();
        assertThat(tab(tabs, "Sweep").getContent()).isNull();

        robot.interact(w::attachDeferredTabs);
        for (Tab t : Set.of(tab(tabs, "History"), tab(tabs, "Sweep"), tab(lower, "Drawdown"), tab(lower, "Annual returns"),
                tab(lower, "Costs"))) {
            assertThat(t.getContent()).as(t.getText()).isNotNull();
        }
        assertThat(w.sweepView().getScene()).isSameAs(stage.getScene());
    }
}
