package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Robustness tab applies the setup's cash-flow schedule to the study; without one it studies as before. */
class RobustnessCashFlowsTest {
    static InMemoryStores stores;
    static BacktestService service;
    MainViewModel setup;
    RobustnessViewModel vm;
    List<UiError> errors;

    @BeforeAll
    static void stores() {
        stores = InMemoryStores.sample();
        service = new BacktestService(stores.stores(), new FeatureFlags(true), Clock.systemUTC());
    }

    @BeforeEach
    void viewModel() {
        errors = new ArrayList<>();
        setup = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        setup.load();
        vm = new RobustnessViewModel(new StoredStudies(service), setup, service.flags(), TaskExecutor.sameThread(),
                errors::add);
        setup.ruleProperty().set(setup.getRules().stream().filter(r -> r.ruleName().equals(
                "P2_PERIODIC_QUARTERLY_FTD_10BP")).findFirst().orElseThrow());
    }

    @Test
    void everyTimingVariantRunsOnTheSetupsSchedule() {
        CashFlowSetup choices = setup.cashFlows().choices();
        choices.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
        choices.amountProperty().set("100");
        vm.runTiming();
        assertThat(errors).isEmpty();
        var variants = vm.timingProperty().get().result().variants();
        assertThat(variants).hasSize(3);
        Scenario s = new Scenario(setup.portfolioProperty().get().weights(), LocalDate.of(2010, 1, 4),
                LocalDate.of(2019, 12, 31), 10_000, setup.missingPolicyProperty().get());
        CashFlowSchedule monthly = CashFlowSchedule.ofAmount(100, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)
                .withAllocation(FlowAllocation.TOWARD_TARGET);
        for (int p = 0; p < 3; p++) {
            RebalancingRule shifted = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                    0.001, p, 0);
            PathResult single = ScenarioSimulation.run(service.marketData(setup.datasetProperty().get()), s,
                    Optional.of(shifted), monthly, false).on().orElseThrow();
            assertThat(variants.get(p).metrics()).isEqualTo(single.metrics());
            assertThat(variants.get(p).cashFlows().contributed()).isEqualTo(single.cashFlows().contributed());
        }
    }

    @Test
    void withoutAScheduleTheStudyHasNoFlows() {
        vm.runTiming();
        assertThat(errors).isEmpty();
        assertThat(vm.timingProperty().get().result().variants().get(0).cashFlows()).isNull();
    }
}
