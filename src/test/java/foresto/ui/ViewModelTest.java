package foresto.ui;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.backtest.RobustnessService;
import foresto.backtest.RuleService;
import foresto.backtest.StudyRequest;
import foresto.backtest.StudyResult;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.model.RuleRecord;
import foresto.model.StudyRecord;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import foresto.ui.rules.RulesViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * View-models with a same-thread executor: deterministic, no stage, no database (the services on in-memory
 * stores holding what the desktop tests' database holds).
 */
class ViewModelTest {
    static InMemoryStores stores;
    static BacktestService service;

    @BeforeAll
    static void setUp() {
        stores = InMemoryStores.sample();
        service = new BacktestService(stores.stores(), new FeatureFlags(true), Clock.systemUTC());
    }

    @Test
    void openingAStoredRunPutsItsChoicesIntoTheSetup() {
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), e -> { });
        vm.load();
        vm.ruleProperty().set(vm.getRules().get(1)); // quarterly
        vm.startDateProperty().set(LocalDate.of(2013, 1, 2));
        vm.initialValueProperty().set("2500");
        vm.run();
        long runId = vm.resultProperty().get().run().runId();
        vm.ruleProperty().set(vm.getRules().get(0));
        vm.startDateProperty().set(LocalDate.of(2015, 1, 2));
        vm.initialValueProperty().set("1");
        vm.rebalancingOnProperty().set(false);
        vm.open(runId);
        assertThat(vm.ruleProperty().get().ruleName()).isEqualTo("P2_PERIODIC_QUARTERLY_FTD_10BP");
        assertThat(vm.startDateProperty().get()).isEqualTo(LocalDate.of(2013, 1, 2));
        assertThat(vm.initialValueProperty().get()).isEqualTo("2500");
        assertThat(vm.rebalancingOnProperty().get()).isTrue();
        vm.run(); // the same request again: reused
        assertThat(vm.statusProperty().get()).startsWith("Reused run #" + runId);
    }

    @Test
    void storedStudiesAreListedBesideTheRunsAndRefreshedByARun() {
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), e -> { });
        vm.load();
        int before = vm.getStudies().size();
        RuleRecord quarterly = vm.getRules().get(1);
        BacktestRequest scenario = new BacktestRequest(vm.getPortfolios().get(0).portfolioId(), null,
                LocalDate.of(2012, 1, 2), LocalDate.of(2014, 12, 31), 100.0, MissingDataPolicy.SKIP, quarterly.ruleId());
        StudyResult study = service.robustness().run(StudyRequest.timing(scenario, null, null), new Cancellation(),
                RobustnessService.Progress.NONE);
        assertThat(vm.getStudies()).hasSize(before); // listed when the history is read again
        vm.run();
        assertThat(vm.getStudies()).hasSize(before + 1);
        StudyRecord listed = vm.getStudies().get(0);
        assertThat(listed.studyId()).isEqualTo(study.studyId());
        assertThat(listed.kind()).isEqualTo("TIMING");
        assertThat(listed.request().ruleName()).isEqualTo("P2_PERIODIC_QUARTERLY_FTD_10BP");
        assertThat(listed.request().parameters()).isEqualTo("phases 0,1,2, offsets 0");
        MainViewModel fresh = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), e -> { });
        fresh.load();
        assertThat(fresh.getStudies()).extracting(StudyRecord::studyId).startsWith(study.studyId());
    }

    @Test
    void aRelativeBandIsShownAsTheNormalisedDriftAgainstOne() {
        var rules = new RuleService(stores.stores().rules());
        var rel = rules.create(new RuleRecord(null, "relative 10 %", "DRIFT", null, "FIRST_TRADING_DAY", null,
                new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null, "RELATIVE",
                new BigDecimal("0.1"), "DAILY", BigDecimal.ZERO));
        List<UiError> errors = new ArrayList<>();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        vm.load();
        vm.ruleProperty().set(vm.getRules().stream().filter(r -> r.ruleId().equals(rel.ruleId())).findFirst().orElseThrow());
        vm.run();
        assertThat(errors).isEmpty();
        var m = vm.resultProperty().get();
        assertThat(m.normalisedDrift()).isTrue();
        assertThat(m.threshold()).isEqualTo(1.0);
        assertThat(m.thresholdLabel()).contains("band");
        assertThat(vm.getEvents()).isNotEmpty();
        for (int i = 0; i < vm.getEvents().size(); i++) {
            assertThat(m.onDrift()[m.eventIndex(i)]).as("event %d", i).isGreaterThanOrEqualTo(1.0 - 1e-12);
        }
        vm.selectedEventProperty().set(0);
        assertThat(vm.dayDetailProperty().get()).contains("relative band");
    }

    @Test
    void mainViewModelLoadsRestoresRunsSelectsAndRemembers() {
        List<UiError> errors = new ArrayList<>();
        UiState state = UiState.inMemory();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), state, errors::add);
        vm.load();
        assertThat(vm.getPortfolios()).hasSize(5);
        assertThat(vm.getRules()).extracting(r -> r.ruleName()).startsWith("P2_PERIODIC_MONTHLY_FTD_10BP",
                "P2_PERIODIC_QUARTERLY_FTD_10BP", "P2_DRIFT_5PCT_10BP");
        assertThat(vm.startDateProperty().get()).isEqualTo(LocalDate.of(2010, 1, 4));
        assertThat(vm.rebalancingOnProperty().get()).isTrue();

        vm.ruleProperty().set(vm.getRules().get(2));
        vm.startDateProperty().set(LocalDate.of(2012, 1, 3));
        vm.run();
        assertThat(errors).isEmpty();
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(vm.getEvents()).isNotEmpty().allSatisfy(e -> assertThat(e.triggerType().name()).isEqualTo("DRIFT"));
        assertThat(vm.resultProperty().get().threshold()).isEqualTo(0.05);
        assertThat(vm.getSummary()).hasSize(11).extracting(r -> r.metric())
                .contains("Sharpe (risk-free 0)", "Sortino (risk-free 0)", "Turnover / year");
        assertThat(vm.statusProperty().get()).startsWith("New run #");

        vm.selectedEventProperty().set(0);
        int day = vm.resultProperty().get().eventIndex(0);
        assertThat(vm.selectedDayProperty().get()).isEqualTo(day);
        assertThat(vm.dayDetailProperty().get()).contains("breached").contains("absolute band of 5.00 %p");
        // the weights table says how far each class drifted, against the band: the breached one is at or beyond it
        var breached = vm.getWeightsAtDay().stream().filter(w -> Math.abs(w.onDrift()) >= 0.05).findFirst().orElseThrow();
        assertThat(breached.driftText()).contains("of band 5.00 %p");
        int usedPercent = Integer.parseInt(breached.driftText().replaceAll("^.*\\((\\d+) % of band.*$", "$1"));
        assertThat(usedPercent).isGreaterThanOrEqualTo(100);
        assertThat(vm.resultProperty().get().onDrift()[day]).isGreaterThanOrEqualTo(0.05);
        assertThat(vm.resultProperty().get().onDrift()[day - 1]).isLessThan(0.05);
        assertThat(state.get("start")).hasValue("2012-01-03");
        assertThat(state.get("rule")).hasValue(Long.toString(vm.getRules().get(2).ruleId()));

        // a second view-model restores the remembered choices
        MainViewModel again = new MainViewModel(service, TaskExecutor.sameThread(), state, errors::add);
        again.load();
        assertThat(again.ruleProperty().get().ruleName()).isEqualTo("P2_DRIFT_5PCT_10BP");
        assertThat(again.startDateProperty().get()).isEqualTo(LocalDate.of(2012, 1, 3));
        again.run();
        assertThat(again.resultProperty().get().reused()).isTrue();
        assertThat(again.statusProperty().get()).startsWith("Reused run #" + vm.resultProperty().get().run().runId());
    }

    @Test
    void badInputAndFlagOffAreReportedWithCodes() {
        List<UiError> errors = new ArrayList<>();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        vm.load();
        vm.initialValueProperty().set("ten thousand");
        vm.run();
        assertThat(errors).extracting(UiError::code).containsExactly(ErrorCode.INVALID_REQUEST);
        assertThat(vm.busyProperty().get()).isFalse();

        BacktestService off = new BacktestService(stores.stores(), FeatureFlags.OFF, Clock.systemUTC());
        MainViewModel offVm = new MainViewModel(off, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        offVm.load();
        assertThat(offVm.rebalancingAllowedProperty().get()).isFalse();
        assertThat(offVm.rebalancingOnProperty().get()).isFalse();
        assertThat(offVm.request().rebalancingRuleId()).isNull();
        assertThat(offVm.disabledBanner()).contains("USE_REBALANCING=1");
    }

    @Test
    void rulesViewModelValidatesWithTheServiceCodes() {
        List<String> changed = new ArrayList<>();
        RulesViewModel vm = new RulesViewModel(new RuleService(stores.stores().rules()), TaskExecutor.sameThread(), () -> changed.add("x"));
        vm.load();
        vm.newRule();
        assertThat(vm.validationProperty().get()).as("no error before any input").isEmpty();
        assertThat(vm.validate()).isFalse();
        vm.save();
        assertThat(vm.validationProperty().get()).startsWith("INVALID_RULE").contains("rule_name");
        assertThat(changed).isEmpty();
        vm.nameProperty().set("vm quarterly last");
        vm.frequencyProperty().set("QUARTERLY");
        vm.baseDayProperty().set("LAST_TRADING_DAY");
        assertThat(vm.validationProperty().get()).isEmpty();
        vm.costRateProperty().set("1");
        assertThat(vm.validationProperty().get()).contains("cost_rate");
        vm.costRateProperty().set("abc");
        assertThat(vm.validationProperty().get()).contains("not a number");
        vm.costRateProperty().set("0.0015");
        vm.effectiveToProperty().set(LocalDate.now().minusDays(1));
        assertThat(vm.validationProperty().get()).contains("effective_to");
        vm.effectiveToProperty().set(null);
        vm.save();
        assertThat(changed).hasSize(1);
        assertThat(vm.selectedProperty().get().ruleName()).isEqualTo("vm quarterly last");
        assertThat(vm.selectedProperty().get().costRate()).isEqualByComparingTo("0.0015");
    }

    @Test
    void aComputedRunIsShownBeforeItIsStoredAndWithdrawnWhenStoringFails() throws Exception {
        List<String> statuses = new ArrayList<>();
        List<Boolean> previews = new ArrayList<>();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), e -> statuses.add("error " + e.code()));
        vm.load();
        vm.ruleProperty().set(vm.getRules().get(0));
        vm.startDateProperty().set(LocalDate.of(2011, 3, 1));
        vm.initialValueProperty().set("777");
        vm.statusProperty().addListener((o, a, t) -> statuses.add(t));
        vm.resultProperty().addListener((o, a, m) -> previews.add(m == null ? null : m.isPreview()));
        vm.run();
        // shown first as computed (run id 0, "storing"), then as stored: the same arrays, the real run id
        assertThat(previews).containsExactly(true, false);
        assertThat(statuses).anyMatch(t -> t.startsWith("Computed in ") && t.endsWith("storing the run …"));
        assertThat(vm.resultProperty().get().run().runId()).isPositive();
        assertThat(vm.statusProperty().get()).startsWith("New run #" + vm.resultProperty().get().run().runId());
        RunModel stored = vm.resultProperty().get();

        // storing fails after the run was computed and shown: the preview is withdrawn, the earlier run shows again
        long runsBefore = stores.runCount();
        stores.refuseRuns(true); // as a database whose insert trigger raises an exception
        try {
            previews.clear();
            statuses.clear();
            vm.initialValueProperty().set("778");
            vm.run();
            assertThat(previews).containsExactly(true, false); // shown as computed, then the stored run again
            assertThat(vm.resultProperty().get()).isSameAs(stored);
            assertThat(vm.statusProperty().get()).startsWith("Failed: ");
            assertThat(statuses).anyMatch(t -> t.startsWith("error DATABASE_"));
            assertThat(stores.runCount()).isEqualTo(runsBefore);
        } finally {
            stores.refuseRuns(false);
        }
    }
}
