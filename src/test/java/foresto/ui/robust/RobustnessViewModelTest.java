package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.BootstrapSummary;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.error.ErrorCode;
import foresto.model.RuleRecord;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Robustness tab's view-model on the in-memory stores with a same-thread executor: each study's figures against
 * single runs of the engine (every timing variant and every window run on its own through {@code ScenarioSimulation},
 * the bootstrap against the engine's study on one thread), the words shown, progress, errors and CSV export.
 */
class RobustnessViewModelTest {
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
    }

    private RuleRecord rule(String name) {
        return setup.getRules().stream().filter(r -> r.ruleName().equals(name)).findFirst().orElseThrow();
    }

    private MarketData data() {
        return service.marketData(setup.datasetProperty().get());
    }

    private Scenario scenario(LocalDate start, LocalDate end) {
        return new Scenario(setup.portfolioProperty().get().weights(), start, end, 10_000, setup.missingPolicyProperty().get());
    }

    @Test
    void theTimingStudyShowsEveryQuarterlyPhaseAsASingleRunWouldWithTheBestAndWorstNamed() {
        setup.ruleProperty().set(rule("P2_PERIODIC_QUARTERLY_FTD_10BP"));
        vm.runTiming();
        assertThat(errors).isEmpty();
        TimingFigures f = vm.timingProperty().get();
        assertThat(f.result().variants()).hasSize(3); // quarterly: P = {0, 1, 2}
        Scenario s = scenario(LocalDate.of(2010, 1, 4), LocalDate.of(2019, 12, 31));
        double bestCagr = Double.NEGATIVE_INFINITY;
        int bestPhase = -1;
        for (int p = 0; p < 3; p++) {
            RebalancingRule shifted = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                    0.001, p, 0);
            Metrics single = ScenarioSimulation.run(data(), s, Optional.of(shifted), false).on().orElseThrow().metrics();
            assertThat(f.result().variants().get(p).metrics()).isEqualTo(single);
            if (single.cagr() > bestCagr) {
                bestCagr = single.cagr();
                bestPhase = p;
            }
        }
        assertThat(f.result().best().phase()).isEqualTo(bestPhase);
        // phase p of a quarterly rule on the first trading day rebalances in months p+1, p+4, p+7, p+10
        assertThat(f.months(f.result().variants().get(0))).isEqualTo("Jan, Apr, Jul, Oct");
        assertThat(f.months(f.result().variants().get(1))).isEqualTo("Feb, May, Aug, Nov");
        assertThat(f.day(f.result().variants().get(2))).isEqualTo("1st trading day");
        String[] bestMonths = {"Jan, Apr, Jul, Oct", "Feb, May, Aug, Nov", "Mar, Jun, Sep, Dec"};
        assertThat(f.headline()).contains("best " + bestMonths[bestPhase] + ", 1st trading day (CAGR "
                + String.format(Locale.ROOT, "%.2f %%", bestCagr * 100) + ")");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Variants 3 / 3");
        assertThat(vm.statusProperty().get()).startsWith("Timing study of P2_PERIODIC_QUARTERLY_FTD_10BP: 3 variants on Balanced 60/30/10");
    }

    @Test
    void calendarWordsFollowThePeriodFunction() {
        // annual, phase 5: the period runs June … May, so FIRST fires in June and LAST at the end of May
        assertThat(CalendarText.months(12, 5, BaseDayPolicy.FIRST_TRADING_DAY)).isEqualTo("June");
        assertThat(CalendarText.months(12, 5, BaseDayPolicy.LAST_TRADING_DAY)).isEqualTo("May");
        assertThat(CalendarText.months(12, 0, BaseDayPolicy.LAST_TRADING_DAY)).isEqualTo("December");
        assertThat(CalendarText.months(6, 2, BaseDayPolicy.FIRST_TRADING_DAY)).isEqualTo("Mar, Sep");
        assertThat(CalendarText.months(1, 0, BaseDayPolicy.FIRST_TRADING_DAY)).isEqualTo("every month");
        assertThat(CalendarText.day(2, BaseDayPolicy.FIRST_TRADING_DAY)).isEqualTo("3rd trading day");
        assertThat(CalendarText.day(0, BaseDayPolicy.LAST_TRADING_DAY)).isEqualTo("last trading day");
        assertThat(CalendarText.day(1, BaseDayPolicy.LAST_TRADING_DAY)).isEqualTo("2nd-last trading day");
        assertThat(CalendarText.ordinal(11)).isEqualTo("11th");
        assertThat(CalendarText.ordinal(21)).isEqualTo("21st");
        assertThat(CalendarText.ordinal(13)).isEqualTo("13th");
    }

    @Test
    void theStartDateStudyShowsEachWindowAsItsOwnRunAndStatesTheOverlap() {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        vm.lengthMonthsProperty().set("24");
        vm.stepMonthsProperty().set("6");
        vm.runWindows();
        assertThat(errors).isEmpty();
        WindowsFigures f = vm.windowsProperty().get();
        // 2010-01-04 + (6i + 24) months − 1 day ≤ 2019-12-31 for i = 0 … 15
        assertThat(f.result().windows()).hasSize(16);
        assertThat(f.result().windows().get(15).window().start()).isEqualTo(LocalDate.of(2017, 7, 4));
        // 119 whole months from 2010-01-04 to 2020-01-01: ⌊119 / 24⌋ = 4 disjoint windows
        assertThat(f.countText()).isEqualTo("16 windows of 24 months, one every 6 months (they overlap: only 4 of them "
                + "could be disjoint)");
        RebalancingRule monthly = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 0, 0);
        var w3 = ScenarioSimulation.run(data(), scenario(LocalDate.of(2011, 7, 4), LocalDate.of(2013, 7, 3)),
                Optional.of(monthly), false);
        assertThat(f.result().windows().get(3).premium())
                .isEqualTo(w3.on().orElseThrow().metrics().cagr() - w3.off().metrics().cagr());
        int positive = 0;
        for (WindowsStudy.WindowResult w : f.result().windows()) {
            positive += w.premium() > 0 ? 1 : 0;
        }
        assertThat(f.headline()).startsWith("P2_PERIODIC_MONTHLY_FTD_10BP beat OFF in "
                + String.format(Locale.ROOT, "%.2f %%", positive * 100.0 / 16) + " of 16 windows");
        assertThat(vm.progressTextProperty().get()).isEqualTo("Windows 16 / 16");
    }

    @Test
    void theBootstrapSaysHowOftenAEndedAboveBInWordsAndItsHistogramIsTheEnginesDifferences() {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2015, 1, 2));
        vm.pathsProperty().set("40");
        vm.seedProperty().set("7");
        vm.runBootstrap();
        assertThat(errors).isEmpty();
        BootstrapFigures f = vm.bootstrapProperty().get();
        RebalancingRule monthly = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 0, 0);
        BootstrapStudy.Result alone = BootstrapStudy.run(data(), scenario(LocalDate.of(2015, 1, 2), LocalDate.of(2019, 12, 31)),
                monthly, Optional.empty(), 40, null, 7, 1, BootstrapStudy.Progress.NONE, () -> false);
        assertThat(f.result().finalA()).containsExactly(alone.finalA());
        assertThat(f.result().finalB()).containsExactly(alone.finalB());
        int above = 0;
        for (int j = 0; j < 40; j++) {
            above += alone.finalA()[j] > alone.finalB()[j] ? 1 : 0;
        }
        double p = above / 40.0;
        assertThat(f.sentence()).isEqualTo(String.format(Locale.ROOT, "A (P2_PERIODIC_MONTHLY_FTD_10BP) ended above B (OFF, "
                + "buy-and-hold) in %.2f %% ± %.2f %% of 40 resampled histories.", p * 100, Math.sqrt(p * (1 - p) / 40) * 100));
        // the histogram's per-path differences have exactly the engine's percentiles
        assertThat(BootstrapSummary.Quantiles.of(f.cagrDifferences())).isEqualTo(alone.cagrDiff());
        assertThat(f.tableRows()).hasSize(2);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Paths 40 / 40");
        assertThat(RobustnessCharts.fan(f).bands()).hasSize(4);
    }

    /** "Study #7 stored." → 7; "Reused study #7." → 7 (the status's last sentence). */
    private static long studyId(String status, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(status);
        assertThat(m.find()).as(status).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aRepeatedBootstrapIsReusedFromTheStoreWithTheSameIdAndTheSameFigures() {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2016, 1, 4));
        vm.pathsProperty().set("30");
        vm.seedProperty().set("424242"); // a seed no other test uses: the first run is new
        int before = stores.studyCount();
        vm.runBootstrap();
        assertThat(errors).isEmpty();
        String first = vm.statusProperty().get();
        assertThat(first).endsWith(" stored.");
        long id = studyId(first, "Study #");
        assertThat(stores.studyCount()).isEqualTo(before + 1);
        BootstrapFigures f1 = vm.bootstrapProperty().get();
        // what the store holds is what the screen shows
        var stored = service.robustness().open(id).orElseThrow().answer();
        assertThat(stored.get("p_beats").asDouble()).isEqualTo(f1.result().pBeats());
        assertThat(stored.get("per_path").get(29).get("a_final").asDouble()).isEqualTo(f1.result().finalA()[29]);

        vm.runBootstrap();
        assertThat(errors).isEmpty();
        String second = vm.statusProperty().get();
        assertThat(second).endsWith("Reused study #" + id + ".");
        assertThat(stores.studyCount()).isEqualTo(before + 1);
        BootstrapFigures f2 = vm.bootstrapProperty().get();
        assertThat(f2).isNotSameAs(f1);
        assertThat(f2.sentence()).isEqualTo(f1.sentence());
        assertThat(f2.result().finalA()).containsExactly(f1.result().finalA());
        assertThat(f2.result().finalB()).containsExactly(f1.result().finalB());
        assertThat(f2.result().cagrDiff()).isEqualTo(f1.result().cagrDiff());
        assertThat(f2.result().fanA()).isDeepEqualTo(f1.result().fanA());
        assertThat(vm.progressTextProperty().get()).isEqualTo("Paths 30 / 30");

        vm.seedProperty().set("424243"); // another seed is another study
        vm.runBootstrap();
        assertThat(studyId(vm.statusProperty().get(), "Study #")).isNotEqualTo(id);
        assertThat(stores.studyCount()).isEqualTo(before + 2);
    }

    @Test
    void aRepeatedTimingStudyIsReusedWithItsValuePathsRecomputedBitForBit() {
        setup.ruleProperty().set(rule("P2_PERIODIC_QUARTERLY_FTD_10BP"));
        setup.startDateProperty().set(LocalDate.of(2012, 3, 1));
        vm.offsetsProperty().set("0..1");
        vm.runTiming();
        long id = studyId(vm.statusProperty().get(), "Study #");
        TimingFigures f1 = vm.timingProperty().get();
        vm.runTiming();
        assertThat(vm.statusProperty().get()).endsWith("Reused study #" + id + ".");
        TimingFigures f2 = vm.timingProperty().get();
        assertThat(f2.result().variants()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(f2.result().variants().get(i).values()).containsExactly(f1.result().variants().get(i).values());
            assertThat(f2.result().variants().get(i).metrics()).isEqualTo(f1.result().variants().get(i).metrics());
        }
        assertThat(f2.headline()).isEqualTo(f1.headline());
        assertThat(errors).isEmpty();
    }

    @Test
    void aCancelledStudyStoresNothing() {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        int before = stores.studyCount();
        Cancellation c = new Cancellation();
        RobustnessStudies studies = new StoredStudies(service);
        StudyScope scope = vm.scope();
        RuleRecord a = rule("P2_PERIODIC_MONTHLY_FTD_10BP");
        assertThatThrownBy(() -> studies.bootstrap(scope, a, null, 20, null, 99_999, (done, total) -> c.cancel(), c))
                .isInstanceOf(CancellationException.class);
        assertThat(stores.studyCount()).isEqualTo(before);
    }

    @Test
    void badInputAndAFlagThatIsOffAreCodedErrorsAndNothingRuns() {
        setup.ruleProperty().set(rule("P2_DRIFT_5PCT_10BP")); // checked daily: no timing study
        vm.runTiming();
        assertThat(errors).extracting(UiError::code).containsExactly(ErrorCode.INVALID_RULE);
        assertThat(errors.get(0).message()).contains("start dates");
        errors.clear();
        setup.ruleProperty().set(rule("P2_PERIODIC_QUARTERLY_FTD_10BP"));
        vm.phasesProperty().set("0..x");
        vm.runTiming();
        assertThat(errors).extracting(UiError::code).containsExactly(ErrorCode.INVALID_REQUEST);
        errors.clear();
        vm.pathsProperty().set("0");
        vm.runBootstrap();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).code().name()).startsWith("INVALID");
        assertThat(vm.timingProperty().get()).isNull();
        assertThat(vm.bootstrapProperty().get()).isNull();

        errors.clear();
        BacktestService off = new BacktestService(stores.stores(), new FeatureFlags(false), Clock.systemUTC());
        RobustnessViewModel gated = new RobustnessViewModel(new StoredStudies(off), setup, off.flags(),
                TaskExecutor.sameThread(), errors::add);
        vm.phasesProperty().set("");
        gated.runTiming();
        assertThat(errors).extracting(UiError::code).containsExactly(ErrorCode.REBALANCING_DISABLED);
    }

    @Test
    void aCancelledStudyLeavesTheLastFiguresAndSaysSo() {
        RobustnessStudies cancelled = new StoredStudies(service);
        RobustnessViewModel c = new RobustnessViewModel(new RobustnessStudies() {
            @Override
            public Studied<TimingStudy.Result> timing(StudyScope scope, RuleRecord rule, int[] phases, int[] offsets,
                                                      Progress progress, Cancellation stop) {
                throw new CancellationException("stopped");
            }

            @Override
            public Studied<WindowsStudy.Result> windows(StudyScope scope, RuleRecord rule, int l, int s,
                                                        Progress progress, Cancellation stop) {
                return cancelled.windows(scope, rule, l, s, progress, stop);
            }

            @Override
            public Studied<BootstrapStudy.Result> bootstrap(StudyScope scope, RuleRecord a, RuleRecord b, int j,
                                                            Double block, long seed, Progress progress,
                                                            Cancellation stop) {
                return cancelled.bootstrap(scope, a, b, j, block, seed, progress, stop);
            }
        }, setup, service.flags(), TaskExecutor.sameThread(), errors::add);
        setup.ruleProperty().set(rule("P2_PERIODIC_QUARTERLY_FTD_10BP"));
        c.runTiming();
        assertThat(errors).isEmpty();
        assertThat(c.statusProperty().get()).isEqualTo("Study cancelled.");
        assertThat(c.timingProperty().get()).isNull();
        assertThat(c.busyProperty().get()).isFalse();
    }

    @Test
    void theVariantsTableExportsThroughTheSharedCsvWriter(@TempDir Path dir) throws IOException {
        setup.ruleProperty().set(rule("P2_PERIODIC_MONTHLY_FTD_10BP"));
        vm.offsetsProperty().set("0..4");
        vm.runTiming();
        Path out = dir.resolve("timing.csv");
        vm.exportTiming(out);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("\uFEFFphase,day_offset,rebalances_in,day,final_value,total_return,cagr,"
                + "volatility,max_drawdown,event_count,total_turnover,total_cost");
        assertThat(lines.get(3)).startsWith("0,2,every month,3rd trading day,");
        double finalValue = Double.parseDouble(lines.get(3).split(",")[4]);
        assertThat(finalValue).isEqualTo(vm.timingProperty().get().result().variants().get(2).metrics().finalValue());
        assertThat(vm.statusProperty().get()).startsWith("Exported 5 rows to ");
    }
}
