package foresto.ui;

import foresto.backtest.SweepRunner;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.sweep.SweepViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sweep tab on the setup's cash flows, on screen: the note line, the Cells table's flow columns, the hover. */
class SweepFlowsScreenTest extends RobotTestBase {

    private SweepRunner.Result sweep(FxRobot robot, SweepViewModel vm) {
        SweepRunner.Result before = vm.resultProperty().get();
        robot.clickOn("#sweepRunButton");
        UiFixture.waitUntil(() -> vm.resultProperty().get() != before && vm.resultProperty().get() != null
                && !vm.busyProperty().get());
        return vm.resultProperty().get();
    }

    private static List<String> titles(TableView<?> table) {
        return table.getColumns().stream().map(c -> ((TableColumn<?, ?>) c).getText()).toList();
    }

    @Test
    void theSweepTabSaysItRunsOnTheSetupsCashFlowsAndShowsEachCellsFlowFigures(FxRobot robot) {
        SweepViewModel vm = fx.window.sweepViewModel();
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty() && !fx.window.mainViewModel().busyProperty().get());
        CashFlowSetup choices = fx.window.mainViewModel().cashFlows().choices();
        robot.clickOn("Sweep");
        Label note = robot.lookup("#sweepFlowsNote").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();
        robot.interact(() -> {
            choices.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
            choices.amountProperty().set("500");
            vm.fromProperty().set("0.02");
            vm.toProperty().set("0.04");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.002");
        });
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("Contribution (fixed amount)");
        SweepRunner.Result r = sweep(robot, vm);
        assertThat(r.offFlows()).isNotNull();
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        assertThat(titles(cells)).contains("Contributed", "Withdrawn", "MWR (money-weighted, XIRR)", "Depleted on");
        SweepRunner.Row cell = r.at(0, 1);
        assertThat(fx.window.sweepView().heatmap().describe(0, 1))
                .contains("contributed " + String.format(Locale.ROOT, "%,.2f", cell.flows().contributed()))
                .contains("break-even cost rate not computed on a cash-flow schedule")
                .doesNotContain("never beats OFF");

        // back to no schedule: the note goes, and so do the flow columns
        robot.interact(() -> choices.kindProperty().set(CashFlowSetup.Kind.NONE));
        assertThat(note.isVisible()).isFalse();
        sweep(robot, vm);
        assertThat(titles(cells)).doesNotContain("Contributed", "Depleted on");
        assertThat(fx.window.sweepView().heatmap().describe(0, 1)).doesNotContain("contributed", "cash-flow schedule");
    }
}
