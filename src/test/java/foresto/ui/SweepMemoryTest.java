package foresto.ui;

import foresto.backtest.Metric;
import foresto.ui.common.UiState;
import foresto.ui.sweep.SweepViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sweep tab's form survives a restart: the family, range, cost rates, check calendar, trade-back, paths and the
 * heatmap's metric come back as the analyst last swept them. The grid does not (a sweep is kept in memory only): after
 * the restart the heatmap waits for Run.
 */
class SweepMemoryTest extends RobotTestBase {

    @Test
    void theSweepFormComesBackAfterARestart(FxRobot robot) throws IOException, TimeoutException {
        Path file = Files.createTempFile("ui-state", ".properties");
        FxToolkit.setupStage(stage -> fx.start(stage, new UiState(file)));
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty() && !fx.window.mainViewModel().busyProperty().get());
        robot.clickOn("Sweep");
        robot.interact(() -> {
            vm.familyProperty().set(SweepViewModel.Family.HYBRID_BAND);
            vm.fromProperty().set("0.02");
            vm.toProperty().set("0.04");
            vm.stepProperty().set("0.02");
            vm.rhoProperty().set("0.3");
            vm.costRatesProperty().set("0,0.003");
            vm.checkProperty().set("monthly");
            vm.rebalanceToProperty().set("0.5");
        });
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        robot.interact(() -> vm.metricProperty().set(Metric.CAGR));
        assertThat(vm.resultProperty().get().rules()).hasSize(2);

        // a restart on the same file (the state written by the app itself, then read afresh)
        FxToolkit.setupStage(stage -> fx.start(stage, new UiState(file)));
        WaitForAsyncUtils.waitForFxEvents();
        SweepViewModel again = fx.window.sweepViewModel();
        assertThat(again).isNotSameAs(vm);
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty() && !fx.window.mainViewModel().busyProperty().get());
        robot.clickOn("Sweep");
        assertThat(again.familyProperty().get()).isEqualTo(SweepViewModel.Family.HYBRID_BAND);
        assertThat(robot.lookup("#sweepFrom").queryAs(TextField.class).getText()).isEqualTo("0.02");
        assertThat(robot.lookup("#sweepTo").queryAs(TextField.class).getText()).isEqualTo("0.04");
        assertThat(robot.lookup("#sweepStep").queryAs(TextField.class).getText()).isEqualTo("0.02");
        assertThat(robot.lookup("#sweepRho").queryAs(TextField.class).getText()).isEqualTo("0.3");
        assertThat(robot.lookup("#sweepCosts").queryAs(TextField.class).getText()).isEqualTo("0,0.003");
        assertThat(robot.lookup("#sweepCheckBox").queryAs(ComboBox.class).getValue()).isEqualTo("monthly");
        assertThat(robot.lookup("#sweepRebalanceTo").queryAs(TextField.class).getText()).isEqualTo("0.5");
        assertThat(robot.lookup("#sweepMetricBox").queryAs(ComboBox.class).getValue()).isEqualTo(Metric.CAGR);
        // the grid is not kept: Run draws it again
        assertThat(again.resultProperty().get()).isNull();
        assertThat(again.specs()).containsExactly("drift-hybrid:0.02/0.3", "drift-hybrid:0.04/0.3");
    }
}
