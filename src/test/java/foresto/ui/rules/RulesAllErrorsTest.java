package foresto.ui.rules;

import foresto.backtest.InMemoryStores;
import foresto.backtest.RuleService;
import foresto.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules editor lists every problem of the form at once, not only the first. */
class RulesAllErrorsTest {
    private final List<String> changed = new ArrayList<>();
    private final RulesViewModel vm = new RulesViewModel(new RuleService(InMemoryStores.sample().stores().rules()),
            TaskExecutor.sameThread(), () -> changed.add("x"));

    @Test
    void everyWrongFieldIsListedOneALine() {
        vm.load();
        vm.newRule();
        vm.ruleTypeProperty().set("DRIFT");
        vm.thresholdProperty().set("abc");
        vm.costRateProperty().set("0.7");
        vm.effectiveFromProperty().set(LocalDate.of(2024, 6, 1));
        vm.effectiveToProperty().set(LocalDate.of(2024, 1, 1));
        vm.save(); // the name is still empty: asked for once saving is tried

        List<String> problems = vm.errors();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("INVALID_RULE").contains("drift_threshold is not a number");
        assertThat(problems).anyMatch(p -> p.contains("rule_name is required"));
        assertThat(problems).anyMatch(p -> p.contains("effective_to is before effective_from"));
        assertThat(problems).anyMatch(p -> p.contains("cost_rate must be"));
        assertThat(vm.validationProperty().get().split("\n")).containsExactlyElementsOf(problems);
        assertThat(vm.statusProperty().get()).contains("drift_threshold").contains("rule_name").contains("cost_rate");
        assertThat(changed).isEmpty();

        // fixing one leaves the others listed; fixing all clears the list
        vm.thresholdProperty().set("0.05");
        assertThat(vm.errors()).hasSize(3).noneMatch(p -> p.contains("drift_threshold"));
        vm.nameProperty().set("all errors drift");
        vm.costRateProperty().set("0.001");
        vm.effectiveToProperty().set(null);
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.validationProperty().get()).isEmpty();
    }

    @Test
    void aValidFormHasNoProblemAndTheFirstProblemIsTheOneTheFormThrows() {
        vm.load();
        vm.newRule();
        vm.nameProperty().set("quarterly one");
        vm.frequencyProperty().set("QUARTERLY");
        assertThat(vm.errors()).isEmpty();
        vm.phaseProperty().set("7");
        vm.costRateProperty().set("x");
        assertThat(vm.errors()).hasSize(2);
        assertThat(vm.errors().get(0)).contains("cost_rate is not a number");
        assertThat(vm.errors().get(1)).contains("phase");
    }
}
