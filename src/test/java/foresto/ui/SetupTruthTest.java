package foresto.ui;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.backtest.InlineRule;
import foresto.engine.RebalancingRule;
import foresto.rule.RuleCodec;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup as the truth of the shown run, without a window: a cell's rule, a rules refresh, remembering, a reload. */
class SetupTruthTest {
    private static BacktestService service;

    @BeforeAll
    static void setUp() {
        service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true), Clock.systemUTC());
    }

    @Test
    void aCellsRuleStaysChosenThroughARulesRefreshAndAReloadAndIsNotRememberedAsAStoredRule() {
        List<UiError> errors = new ArrayList<>();
        UiState state = UiState.inMemory();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), state, errors::add);
        vm.load();
        String storedRuleId = Long.toString(vm.getRules().get(1).ruleId());
        vm.ruleProperty().set(vm.getRules().get(1));
        vm.startDateProperty().set(LocalDate.of(2012, 3, 1));
        vm.run();
        assertThat(state.get("rule")).hasValue(storedRuleId);

        RebalancingRule cell = InlineRule.of("drift-rel:0.2", null, 0.003, "quarterly", 0.25);
        vm.runInline(cell);
        assertThat(errors).isEmpty();
        long cellRun = vm.resultProperty().get().run().runId();
        assertThat(vm.ruleProperty().get().ruleName()).isEqualTo("Drift ≥ 20 % of target, cost 0.30 % (sweep cell)");
        assertThat(vm.setup().ruleText()).contains("not a stored rule").contains("cost 0.30 %");
        assertThat(vm.setup().getRuleChoices()).contains(vm.ruleProperty().get());
        assertThat(vm.getRules()).doesNotContain(vm.ruleProperty().get()); // the other tabs list stored rules only
        assertThat(RuleCodec.hashParameters(vm.request().inlineRule())).isEqualTo(RuleCodec.hashParameters(cell));
        assertThat(vm.setup().changedSinceShownProperty().get()).isFalse();
        assertThat(state.get("rule")).as("an unstored rule is not remembered by id").hasValue(storedRuleId);
        assertThat(state.get(UiState.LAST_RUN)).hasValue(Long.toString(cellRun));

        // the rules editor saved something, and an import reloaded the lists: the cell's rule and window stay
        vm.refreshRules();
        vm.load();
        assertThat(vm.ruleProperty().get().ruleName()).isEqualTo("Drift ≥ 20 % of target, cost 0.30 % (sweep cell)");
        assertThat(vm.startDateProperty().get()).isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(vm.resultProperty().get().run().runId()).isEqualTo(cellRun);
        assertThat(vm.setup().changedSinceShownProperty().get()).isFalse();

        // picking a stored rule differs from the shown run; turning rebalancing off too; back again it matches
        vm.ruleProperty().set(vm.getRules().get(0));
        assertThat(vm.setup().changedSinceShownProperty().get()).isTrue();
        vm.ruleProperty().set(vm.setup().getRuleChoices().get(vm.setup().getRuleChoices().size() - 1));
        assertThat(vm.setup().changedSinceShownProperty().get()).isFalse();
        vm.rebalancingOnProperty().set(false);
        assertThat(vm.setup().changedSinceShownProperty().get()).isTrue();
        vm.rebalancingOnProperty().set(true);
        vm.initialValueProperty().set("not a number");
        assertThat(vm.setup().changedSinceShownProperty().get()).isTrue();
    }
}
