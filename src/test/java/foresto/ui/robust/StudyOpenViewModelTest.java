package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.model.RuleRecord;
import foresto.model.StudyRecord;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study stored by the tab is listed at once, and opened again (on the in-memory stores, same-thread executor) it
 * puts its choices back and shows the stored figures bit for bit, with "changed since" following the fields.
 */
class StudyOpenViewModelTest {
    private final InMemoryStores stores = InMemoryStores.sample();
    private final BacktestService service = new BacktestService(stores.stores(), new FeatureFlags(true), Clock.systemUTC());
    private final List<UiError> errors = new ArrayList<>();
    private final MainViewModel setup = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
    private final RobustnessViewModel vm;

    StudyOpenViewModelTest() {
        setup.load();
        vm = new RobustnessViewModel(new StoredStudies(service), setup, service.flags(), TaskExecutor.sameThread(),
                errors::add);
    }

    private RuleRecord rule(String name) {
        return setup.getRules().stream().filter(r -> r.ruleName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTimingStudyIsListedAndOpensWithItsFieldsAndTheSameFigures() {
        setup.ruleProperty().set(rule("P2_PERIODIC_QUARTERLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2012, 1, 3));
        setup.endDateProperty().set(LocalDate.of(2014, 12, 31));
        vm.phasesProperty().set("0,2");
        vm.offsetsProperty().set("0..2");
        vm.runTiming();
        assertThat(errors).isEmpty();
        TimingFigures ran = vm.timingProperty().get();
        assertThat(setup.getStudies()).hasSize(1);
        long id = setup.getStudies().get(0).studyId();
        assertThat(vm.changedSinceProperty(RobustnessViewModel.Study.TIMING).get()).isEmpty();

        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2016, 1, 4));
        vm.phasesProperty().set("1");
        vm.offsetsProperty().set("");
        assertThat(vm.changedSinceProperty(RobustnessViewModel.Study.TIMING).get())
                .isEqualTo("Changed since study #" + id + ": Run computes a new one.");
        setup.openStudy(id);
        assertThat(errors).isEmpty();
        assertThat(vm.openedProperty().get()).isEqualTo(RobustnessViewModel.Study.TIMING);
        assertThat(setup.ruleProperty().get().ruleName()).isEqualTo("P2_PERIODIC_QUARTERLY_FTD_10BP");
        assertThat(setup.startDateProperty().get()).isEqualTo(LocalDate.of(2012, 1, 3));
        assertThat(setup.endDateProperty().get()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(vm.phasesProperty().get()).isEqualTo("0,2");
        assertThat(vm.offsetsProperty().get()).isEqualTo("0..2");
        TimingFigures opened = vm.timingProperty().get();
        assertThat(opened).isNotSameAs(ran);
        assertThat(opened.result().variants()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(opened.result().variants().get(i).metrics()).isEqualTo(ran.result().variants().get(i).metrics());
        }
        assertThat(opened.headline()).isEqualTo(ran.headline());
        assertThat(opened.trancheText()).isEqualTo(ran.trancheText());
        assertThat(opened.pathsStored()).isFalse();
        assertThat(vm.statusProperty().get()).contains("Study #" + id + ", opened from History");
        assertThat(vm.changedSinceProperty(RobustnessViewModel.Study.TIMING).get()).isEmpty();
        assertThat(setup.getStudies()).extracting(StudyRecord::studyId).containsExactly(id);
    }

    @Test
    void aWindowsAndABootstrapStudyOpenWithTheirFieldsAndTheSameFigures() {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2012, 1, 3));
        setup.endDateProperty().set(LocalDate.of(2015, 12, 31));
        vm.lengthMonthsProperty().set("24");
        vm.stepMonthsProperty().set("3");
        vm.runWindows();
        vm.ruleBProperty().set(rule("P2_DRIFT_5PCT_10BP"));
        vm.pathsProperty().set("15");
        vm.blockProperty().set("");
        vm.seedProperty().set("18446744073709551615");
        vm.runBootstrap();
        assertThat(errors).isEmpty();
        WindowsFigures windows = vm.windowsProperty().get();
        BootstrapFigures boot = vm.bootstrapProperty().get();
        long windowsId = setup.getStudies().get(1).studyId();
        long bootId = setup.getStudies().get(0).studyId();

        vm.lengthMonthsProperty().set("12");
        vm.ruleBProperty().set(null);
        vm.seedProperty().set("3");
        setup.openStudy(windowsId);
        assertThat(vm.lengthMonthsProperty().get()).isEqualTo("24");
        assertThat(vm.stepMonthsProperty().get()).isEqualTo("3");
        assertThat(vm.windowsProperty().get().headline()).isEqualTo(windows.headline());
        assertThat(vm.windowsProperty().get().summary()).usingRecursiveComparison().isEqualTo(windows.summary());
        assertThat(vm.windowsProperty().get().premiums()).containsExactly(windows.premiums());

        setup.openStudy(bootId);
        assertThat(errors).isEmpty();
        assertThat(vm.ruleBProperty().get().ruleName()).isEqualTo("P2_DRIFT_5PCT_10BP");
        assertThat(vm.pathsProperty().get()).isEqualTo("15");
        assertThat(vm.seedProperty().get()).isEqualTo("18446744073709551615");
        assertThat(Double.parseDouble(vm.blockProperty().get())).isEqualTo(boot.result().block());
        BootstrapFigures opened = vm.bootstrapProperty().get();
        assertThat(opened.sentence()).isEqualTo(boot.sentence());
        assertThat(opened.differencesText()).isEqualTo(boot.differencesText());
        assertThat(opened.note()).isEqualTo(boot.note());
        assertThat(opened.cagrDifferences()).containsExactly(boot.cagrDifferences());
        assertThat(opened.result().fanA()).isDeepEqualTo(boot.result().fanA());
        assertThat(opened.result().finalB()).containsExactly(boot.result().finalB());
        assertThat(opened.tableValues().get(0)).containsExactly(boot.result().cagrDiff().p5(), boot.result().cagrDiff().p25(),
                boot.result().cagrDiff().median(), boot.result().cagrDiff().p75(), boot.result().cagrDiff().p95());
        assertThat(vm.changedSinceProperty(RobustnessViewModel.Study.BOOTSTRAP).get()).isEmpty();
        // Run repeats it: the stored study answers
        vm.runBootstrap();
        assertThat(vm.statusProperty().get()).contains("Reused study #" + bootId);
        assertThat(setup.getStudies()).hasSize(2);
    }
}
