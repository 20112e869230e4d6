package foresto.ui;

import foresto.model.RuleRecord;
import foresto.ui.rules.RulesViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules editor rejects an invalid rule inline, saves a valid one, and deactivates. */
class RulesEditorTest extends RobotTestBase {

    @Test
    void invalidRuleIsRejectedInlineAndNothingIsWritten(FxRobot robot) {
        RulesViewModel vm = fx.window.rulesViewModel();
        UiFixture.waitUntil(() -> vm.getRules().size() == 3 && !vm.busyProperty().get());
        robot.clickOn("Rules");
        robot.clickOn("#ruleNewButton");
        Label fresh = robot.lookup("#ruleValidationLabel").queryAs(Label.class);
        assertThat(fresh.getText()).as("a fresh form shows no error before any input").isEmpty();
        robot.clickOn("#ruleSaveButton");
        assertThat(fresh.getText()).contains("rule_name is required");
        robot.clickOn("#ruleNameField").write("my drift");
        robot.interact(() -> vm.ruleTypeProperty().set("DRIFT"));
        robot.clickOn("#ruleThresholdField").eraseText(10).write("1.5");
        Label validation = robot.lookup("#ruleValidationLabel").queryAs(Label.class);
        assertThat(validation.getText()).startsWith("INVALID_RULE").contains("drift_threshold");
        robot.clickOn("#ruleSaveButton");
        assertThat(vm.statusProperty().get()).startsWith("Not saved: INVALID_RULE");
        assertThat(robot.lookup("#ruleTable").queryAs(TableView.class).getItems()).hasSize(3);

        robot.clickOn("#ruleCostField").eraseText(10).write("-0.01");
        robot.clickOn("#ruleThresholdField").eraseText(10).write("0.04");
        assertThat(validation.getText()).contains("cost_rate");

        robot.clickOn("#ruleCostField").eraseText(10).write("0.002");
        assertThat(validation.getText()).isEmpty();
        robot.clickOn("#ruleSaveButton");
        UiFixture.waitUntil(() -> vm.getRules().size() == 4 && vm.selectedProperty().get() != null);
        RuleRecord saved = vm.getRules().get(3);
        assertThat(saved.ruleName()).isEqualTo("my drift");
        assertThat(saved.driftThreshold()).isEqualByComparingTo("0.04");
        // the run setup offers the new rule
        UiFixture.waitUntil(() -> fx.window.mainViewModel().getRules().stream().anyMatch(r -> r.ruleName().equals("my drift")));

        // a duplicate name is refused by the unique index, shown with its code
        robot.clickOn("#ruleNewButton");
        robot.clickOn("#ruleNameField").write("P2_DRIFT_5PCT_10BP");
        robot.clickOn("#ruleSaveButton");
        UiFixture.waitUntil(() -> validation.getText().startsWith("RULE_NAME_TAKEN"));
        assertThat(vm.getRules()).hasSize(4);

        // deactivate: gone from the run setup, still listed here
        robot.interact(() -> vm.selectedProperty().set(vm.getRules().get(3)));
        robot.clickOn("#ruleDeactivateButton");
        UiFixture.waitUntil(() -> !vm.getRules().get(3).isActive());
        UiFixture.waitUntil(() -> fx.window.mainViewModel().getRules().stream().noneMatch(r -> r.ruleName().equals("my drift")));
    }

    @Test
    void aHybridQuarterlyHalfwayRuleIsEditedWithInlineValidation(FxRobot robot) {
        RulesViewModel vm = fx.window.rulesViewModel();
        UiFixture.waitUntil(() -> !vm.getRules().isEmpty() && !vm.busyProperty().get());
        int before = vm.getRules().size();
        robot.clickOn("Rules");
        robot.clickOn("#ruleNewButton");
        robot.clickOn("#ruleNameField").write("5/25 quarterly halfway");
        robot.interact(() -> {
            vm.ruleTypeProperty().set("DRIFT");
            vm.bandProperty().set("HYBRID");
            vm.checkProperty().set("QUARTERLY");
        });
        Label validation = robot.lookup("#ruleValidationLabel").queryAs(Label.class);
        robot.clickOn("#ruleRhoField").eraseText(10).write("1.5");
        assertThat(validation.getText()).startsWith("INVALID_RULE").contains("band_rho");
        robot.clickOn("#ruleRhoField").eraseText(10).write("0.25");
        robot.clickOn("#ruleRebalanceToField").eraseText(10).write("1");
        assertThat(validation.getText()).contains("rebalance_to");
        robot.clickOn("#ruleRebalanceToField").eraseText(10).write("0.5");
        assertThat(validation.getText()).isEmpty();
        robot.clickOn("#ruleSaveButton");
        UiFixture.waitUntil(() -> vm.getRules().size() == before + 1 && vm.selectedProperty().get() != null);
        RuleRecord saved = vm.getRules().get(before);
        assertThat(saved.driftBand()).isEqualTo("HYBRID");
        assertThat(saved.bandRho()).isEqualByComparingTo("0.25");
        assertThat(saved.checkFrequency()).isEqualTo("QUARTERLY");
        assertThat(saved.rebalanceTo()).isEqualByComparingTo("0.5");
        assertThat(saved.driftThreshold()).isEqualByComparingTo("0.05");
        // a relative band has no threshold: the field empties and is disabled
        robot.interact(() -> vm.bandProperty().set("RELATIVE"));
        assertThat(vm.thresholdProperty().get()).isEmpty();
        assertThat(robot.lookup("#ruleThresholdField").query().isDisabled()).isTrue();
        assertThat(validation.getText()).isEmpty();
    }

    @Test
    void aShiftedCalendarIsEditedWithItsFieldsAndShownInTheList(FxRobot robot) {
        RulesViewModel vm = fx.window.rulesViewModel();
        UiFixture.waitUntil(() -> !vm.getRules().isEmpty() && !vm.busyProperty().get());
        int before = vm.getRules().size();
        robot.clickOn("Rules");
        robot.clickOn("#ruleNewButton");
        robot.clickOn("#ruleNameField").write("quarterly from February, 3rd day");
        robot.interact(() -> vm.frequencyProperty().set("QUARTERLY"));
        Label validation = robot.lookup("#ruleValidationLabel").queryAs(Label.class);
        robot.clickOn("#rulePhaseField").eraseText(5).write("3");
        assertThat(validation.getText()).startsWith("INVALID_RULE").contains("phase");
        robot.clickOn("#rulePhaseField").eraseText(5).write("1");
        robot.clickOn("#ruleDayOffsetField").eraseText(5).write("21");
        assertThat(validation.getText()).startsWith("INVALID_RULE").contains("day_offset");
        robot.clickOn("#ruleDayOffsetField").eraseText(5).write("x");
        assertThat(validation.getText()).startsWith("INVALID_RULE").contains("day_offset is not a whole number");
        robot.clickOn("#ruleDayOffsetField").eraseText(5).write("2");
        assertThat(validation.getText()).isEmpty();
        robot.clickOn("#ruleSaveButton");
        UiFixture.waitUntil(() -> vm.getRules().size() == before + 1 && vm.selectedProperty().get() != null);
        RuleRecord saved = vm.getRules().get(before);
        assertThat(saved.phase()).isEqualTo(1);
        assertThat(saved.dayOffset()).isEqualTo(2);
        assertThat(saved.describe()).isEqualTo("PERIODIC QUARTERLY, 3rd trading day of each quarter starting February, "
                + "cost 0.001");
        TableView<?> table = robot.lookup("#ruleTable").queryAs(TableView.class);
        assertThat(table.getColumns().stream().map(c -> c.getText())).contains("Phase", "Day offset");
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("Day offset")).findFirst().orElseThrow()
                .getCellData(before)).isEqualTo("2");
        // a drift rule checked daily has no calendar to shift: the fields reset to 0 and are disabled
        robot.interact(() -> vm.ruleTypeProperty().set("DRIFT"));
        assertThat(vm.phaseProperty().get()).isEqualTo("0");
        assertThat(vm.dayOffsetProperty().get()).isEqualTo("0");
        assertThat(robot.lookup("#rulePhaseField").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#ruleDayOffsetField").query().isDisabled()).isTrue();
        robot.interact(() -> vm.checkProperty().set("SEMIANNUAL"));
        assertThat(robot.lookup("#ruleDayOffsetField").query().isDisabled()).isFalse();
        robot.clickOn("#rulePhaseField").eraseText(5).write("5");
        assertThat(validation.getText()).isEmpty();
        assertThat(vm.form().phase()).isEqualTo(5);
    }
}
