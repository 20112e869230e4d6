package foresto.ui.robust;

import foresto.engine.BaseDayPolicy;
import foresto.engine.RebalancingRule;
import foresto.model.RuleRecord;
import foresto.ui.main.RunChoices;
import foresto.ui.main.SetupViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Robustness tab as a newcomer met it in a 1280 px wide window: a sweep cell's (inline) rule in the setup shows by
 * its name in "Rule (A)" and, however long that name, the page stays inside the window; the start-date study's charts
 * replace their placeholders at a readable height; a chart's PNG button waits for a chart.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessLayoutTest extends RobustnessTabScene {
    private static final double WIDTH = 1280;

    @Start
    void start(Stage stage) {
        show(stage, WIDTH, 680);
    }

    private void loaded() {
        waitUntil(() -> !setup.getRules().isEmpty() && !setup.busyProperty().get());
    }

    private double rightEdge(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMaxX();
    }

    @Test
    void aSweepCellsRuleShowsByItsNameAndALongNameNeverWidensThePage(FxRobot robot) {
        loaded();
        String source = "sweep cell drift:0.04 of the study on the long-named portfolio of a newcomer's own making, "
                + "opened in Analysis before the restart, as long as the raw record text that once widened the page "
                + "past the window";
        RebalancingRule cell = new RebalancingRule.Drift(0.04, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        robot.interact(() -> setup.setup().adopt(new RunChoices(setup.portfolioProperty().get().portfolioId(),
                setup.datasetProperty().get().datasetId(), LocalDate.of(2012, 1, 2), LocalDate.of(2018, 12, 31), 10_000,
                setup.missingPolicyProperty().get().name(), cell, null, null), source));
        WaitForAsyncUtils.waitForFxEvents();
        RuleRecord adopted = setup.ruleProperty().get();
        assertThat(adopted.ruleId()).as("an inline rule").isNull();

        @SuppressWarnings("unchecked")
        ComboBox<RuleRecord> ruleA = robot.lookup("#robustRuleBox").queryAs(ComboBox.class);
        assertThat(ruleA.getItems()).as("Rule (A) offers the setup's inline rule").contains(adopted);
        ListCell<RuleRecord> shown = ruleA.getButtonCell();
        assertThat(shown.getText()).as("Rule (A) shows").isEqualTo(adopted.ruleName()).doesNotContain("RuleRecord[");
        assertThat(adopted.ruleName()).contains(source);

        // the long name ends in an ellipsis: the page, its end date and its charts stay inside the window
        assertThat(view.minWidth(-1)).as("the tab's least width").isLessThanOrEqualTo(WIDTH);
        screenshot(robot, "robustness-inline-rule-1280.png");
        assertThat(ruleA.getWidth()).isLessThanOrEqualTo(RobustnessView.PICKER_MAX_WIDTH);
        assertThat(rightEdge(robot.lookup("#robustEndPicker").query())).isLessThanOrEqualTo(WIDTH);
        assertThat(rightEdge(ruleA)).isLessThanOrEqualTo(WIDTH);
        assertThat(rightEdge(view.studies())).isLessThanOrEqualTo(WIDTH);

        // a rule B no picker item holds (an opened study's inline B) shows by its name as well
        RuleRecord inlineB = SetupViewModel.recordOf(cell, "drift:0.04");
        robot.interact(() -> vm.ruleBProperty().set(inlineB));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<RuleRecord> ruleB = robot.lookup("#robustRuleBBox").queryAs(ComboBox.class);
        assertThat(ruleB.getItems()).doesNotContain(inlineB);
        assertThat(ruleB.getButtonCell().getText()).as("Rule B shows").isEqualTo("drift:0.04");

        // picking a stored rule again shows it by name too
        robot.interact(() -> setup.ruleProperty().set(setup.getRules().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ruleA.getButtonCell().getText()).isEqualTo(setup.getRules().get(0).ruleName());
        assertThat(rightEdge(view.studies())).isLessThanOrEqualTo(WIDTH);
        assertThat(errors).isEmpty();
    }

    @Test
    void chartPngButtonsWaitForAChart(FxRobot robot) {
        loaded();
        for (String png : List.of("#robustTimingPng", "#robustPremiumPng", "#robustPremiumHistogramPng", "#robustFanPng",
                "#robustDiffPng")) {
            assertThat(robot.lookup(png).queryAs(Button.class).isDisabled()).as(png + " before any study").isTrue();
        }
    }

    @Test
    void startDateChartsReplaceTheirPlaceholdersAtAReadableHeight(FxRobot robot) {
        loaded();
        robot.interact(() -> setup.ruleProperty().set(setup.getRules().stream()
                .filter(r -> r.ruleName().equals("P2_PERIODIC_QUARTERLY_FTD_10BP")).findFirst().orElseThrow()));
        runStartDates(robot, 36, 3);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> !view.premiumChart().placeholderShown() && !view.premiumHistogram().placeholderShown());
        } catch (TimeoutException e) {
            // the assertions below say which
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.premiumChart().getHeight()).as("premium chart height").isGreaterThanOrEqualTo(RobustnessView.CHARTS_MIN_HEIGHT);
        assertThat(view.premiumHistogram().getHeight()).as("histogram height").isGreaterThanOrEqualTo(RobustnessView.CHARTS_MIN_HEIGHT);
        assertThat(view.premiumChart().placeholderShown()).as("premium chart placeholder").isFalse();
        assertThat(view.premiumHistogram().placeholderShown()).as("histogram placeholder").isFalse();
        assertThat(view.premiumChart().yTicks()).as("a value scale").hasSizeGreaterThanOrEqualTo(2);
        screenshot(robot, "robustness-start-dates-1280.png");
        // the divider moves: dragged down, the charts grow
        double before = view.premiumChart().getHeight();
        SplitPane split = robot.lookup("#robustWindowsSplit").queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(split.getDividerPositions()[0] + 0.2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.premiumChart().getHeight()).as("chart height after moving the divider").isGreaterThan(before + 40);
        assertThat(robot.lookup("#robustPremiumPng").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#robustPremiumHistogramPng").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#robustTimingPng").queryAs(Button.class).isDisabled()).as("no timing chart yet").isTrue();
        assertThat(errors).isEmpty();
    }
}
