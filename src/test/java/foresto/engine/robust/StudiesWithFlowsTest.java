package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlow;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import foresto.engine.robust.BootstrapSummary.Quantiles;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The §12 studies on a flow schedule (SEMANTICS §13.5, last sentence): every timing variant, window and resampled path
 * is the single run with the schedule, each window's flows start from its own first date, the bootstrap's numbers do
 * not depend on the threads, and a robust sweep's cell is the bootstrap of its rule against OFF on the same schedule.
 */
class StudiesWithFlowsTest {
    private static final Weights WEIGHTS = Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.3,
            AssetClass.GOLD, 0.2));
    /** Weekdays of 2021–2022 (no holidays), random returns. */
    private static final MarketData DATA;
    private static final LocalDate START = LocalDate.of(2021, 1, 4);
    private static final LocalDate END = LocalDate.of(2022, 12, 30);
    private static final Scenario SCENARIO = new Scenario(WEIGHTS, START, END, 1000, MissingDataPolicy.SKIP);
    private static final RebalancingRule QUARTERLY = new RebalancingRule.Periodic(Frequency.QUARTERLY,
            BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    private static final RebalancingRule DRIFT = new RebalancingRule.Drift(0.03, BaseDayPolicy.FIRST_TRADING_DAY, 0.002);
    private static final CashFlowSchedule CONTRIBUTION = CashFlowSchedule.ofAmount(50, Frequency.MONTHLY,
            BaseDayPolicy.FIRST_TRADING_DAY).withGrowth(0.1);
    /** 20 a month at month ends: 23 complete months after d_0, never depleting 1000. */
    private static final CashFlowSchedule WITHDRAWAL = CashFlowSchedule.ofAmount(-20, Frequency.MONTHLY,
            BaseDayPolicy.LAST_TRADING_DAY);
    /** 60 a month: 23 · 60 = 1380 > 1000, so many paths are depleted. */
    private static final CashFlowSchedule HEAVY = CashFlowSchedule.ofAmount(-60, Frequency.MONTHLY,
            BaseDayPolicy.LAST_TRADING_DAY);

    static {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        SplittableRandom rnd = new SplittableRandom(23);
        double[][] r = new double[AssetClass.COUNT][];
        int[] held = {AssetClass.EQUITY.ordinal(), AssetClass.BOND.ordinal(), AssetClass.GOLD.ordinal()};
        double[] scale = {0.03, 0.008, 0.015};
        for (int h = 0; h < held.length; h++) {
            double[] col = new double[dates.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = (rnd.nextDouble() - 0.49) * scale[h];
            }
            r[held[h]] = col;
        }
        DATA = MarketData.of(dates.toArray(new LocalDate[0]), r);
    }

    @Test
    void everyTimingVariantIsTheSingleRunOfItsPhaseWithTheSchedule() {
        TimingStudy.Result t = TimingStudy.run(DATA, SCENARIO, QUARTERLY, CONTRIBUTION, null, null,
                TimingStudy.Progress.NONE, () -> false);
        assertThat(t.variants()).hasSize(3);
        for (TimingStudy.Variant v : t.variants()) {
            PathResult single = ScenarioSimulation.run(DATA, SCENARIO,
                    Optional.of(TimingStudy.withShift(QUARTERLY, v.phase(), v.dayOffset())), CONTRIBUTION, false)
                    .on().orElseThrow();
            assertThat(v.metrics()).isEqualTo(single.metrics()); // the same path loop: bit for bit
            assertThat(v.values()).containsExactly(single.values());
            assertThat(v.cashFlows().contributed()).isEqualTo(single.cashFlows().contributed());
            assertThat(v.cashFlows().flows()).isEqualTo(single.cashFlows().flows());
            assertThat(v.metrics().cagr()).isEqualTo(single.cashFlows().twrCagr());
        }
        PathResult off = ScenarioSimulation.run(DATA, SCENARIO, Optional.empty(), CONTRIBUTION, false).off();
        assertThat(t.off().metrics()).isEqualTo(off.metrics());
        // 24 monthly contributions of 50 (first trading day, never the purchase date 2021-01-04): 23 in the window
        // after January, growing 10 % a year; the tranche's sleeves share them, so it contributed what one variant did
        assertThat(t.variants().get(0).cashFlows().flows()).hasSize(23);
        assertThat(t.tranche().flows().contributed()).isCloseTo(t.variants().get(0).cashFlows().contributed(),
                within(1e-9));
        assertThat(t.tranche().flows().depletedOn()).isNull();
    }

    @Test
    void theTrancheOnAScheduleIsTheTimeWeightedIndexOfTheMeanPath() {
        TimingStudy.Result t = TimingStudy.run(DATA, SCENARIO, QUARTERLY, WITHDRAWAL, null, null,
                TimingStudy.Progress.NONE, () -> false);
        int n = t.dates().length;
        int sleeves = t.variants().size();
        // independently: the mean path and the mean flow per date, then the index and its CAGR
        double[] mean = new double[n];
        double[] flow = new double[n];
        for (TimingStudy.Variant v : t.variants()) {
            for (int k = 0; k < n; k++) {
                mean[k] += v.values()[k] / sleeves;
            }
            for (CashFlow f : v.cashFlows().flows()) {
                flow[List.of(t.dates()).indexOf(f.date())] += f.amount() / sleeves;
            }
        }
        double index = 1;
        for (int k = 1; k < n; k++) {
            index *= (mean[k] - flow[k]) / mean[k - 1];
        }
        double years = (t.dates()[n - 1].toEpochDay() - t.dates()[0].toEpochDay()) / 365.25;
        assertThat(t.tranche().cagr()).isCloseTo(Math.pow(index, 1 / years) - 1, within(1e-12));
        assertThat(t.tranche().finalValue()).isCloseTo(mean[n - 1], within(1e-9));
        // 23 month ends: December 2022 is not shown complete (no later date), so it has no LAST event
        assertThat(t.tranche().flows().withdrawn()).isCloseTo(20.0 * 23, within(1e-9));
    }

    @Test
    void eachWindowsFlowsStartFromItsOwnStartAndGrowFromIt() {
        WindowsStudy.Result w = WindowsStudy.run(DATA, SCENARIO, QUARTERLY, CONTRIBUTION, 6, 1,
                WindowsStudy.Progress.NONE, () -> false);
        // window 1 starts 2021-02-04 (a Thursday): its first flow is the first weekday of March, 2021-03-01 (a Monday),
        // not February's first weekday 2021-02-01, which lies before the window
        WindowsStudy.WindowResult second = w.windows().get(1);
        assertThat(second.window().start()).isEqualTo(LocalDate.of(2021, 2, 4));
        CashFlow first = second.onFlows().flows().get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2021, 3, 1));
        // growth counts from the window's d_0 = 2021-02-04: 25 days
        assertThat(first.amount()).isCloseTo(50 * Math.pow(1.1, 25 / 365.25), within(1e-12));
        assertThat(second.offFlows().flows().get(0).date()).isEqualTo(LocalDate.of(2021, 3, 1));
        // the window is the single run of its own dates with the schedule
        Scenario ws = new Scenario(WEIGHTS, second.window().start(), second.window().end(), 1000, MissingDataPolicy.SKIP);
        var single = ScenarioSimulation.run(DATA, ws, Optional.of(QUARTERLY), CONTRIBUTION, false);
        assertThat(second.on()).isEqualTo(single.on().orElseThrow().metrics());
        assertThat(second.off()).isEqualTo(single.off().metrics());
        assertThat(w.withFlows()).isTrue();
    }

    @Test
    void aWindowWithoutAFlowDateRunsWithoutFlows() {
        CashFlowSchedule late = CONTRIBUTION.withLimits(LocalDate.of(2022, 6, 1), null);
        WindowsStudy.Result w = WindowsStudy.run(DATA, SCENARIO, QUARTERLY, late, 3, 3, WindowsStudy.Progress.NONE,
                () -> false);
        WindowsStudy.WindowResult first = w.windows().get(0); // 2021-01-04 … 2021-04-03: no flow date
        assertThat(first.onFlows()).isNull();
        Scenario ws = new Scenario(WEIGHTS, first.window().start(), first.window().end(), 1000, MissingDataPolicy.SKIP);
        assertThat(first.on()).isEqualTo(ScenarioSimulation.run(DATA, ws, Optional.of(QUARTERLY), false).on()
                .orElseThrow().metrics());
        assertThat(w.windows().get(w.windows().size() - 1).onFlows()).isNotNull();
        // a schedule with no flow date in the whole study is refused, as a single run's
        CashFlowSchedule never = CONTRIBUTION.withLimits(LocalDate.of(2030, 1, 1), null);
        assertThatThrownBy(() -> WindowsStudy.run(DATA, SCENARIO, QUARTERLY, never, 3, 3, WindowsStudy.Progress.NONE,
                () -> false)).isInstanceOf(EngineException.class).hasMessageContaining("no flow date");
    }

    @Test
    void aBootstrapWithFlowsIsTheSameOnOneThreadAndOnSeveral() {
        BootstrapStudy.Result one = BootstrapStudy.run(DATA, SCENARIO, DRIFT, Optional.empty(), HEAVY, 40, 5.0, 9,
                1, BootstrapStudy.Progress.NONE, () -> false);
        BootstrapStudy.Result three = BootstrapStudy.run(DATA, SCENARIO, DRIFT, Optional.empty(), HEAVY, 40, 5.0, 9,
                3, BootstrapStudy.Progress.NONE, () -> false);
        assertThat(three.finalA()).containsExactly(one.finalA());
        assertThat(three.finalB()).containsExactly(one.finalB());
        assertThat(three.cagrDiff()).isEqualTo(one.cagrDiff());
        assertThat(three.maxDrawdownDiff()).isEqualTo(one.maxDrawdownDiff());
        for (int i = 0; i < 5; i++) {
            assertThat(three.fanA()[i]).containsExactly(one.fanA()[i]);
        }
        assertThat(three.pBeats()).isEqualTo(one.pBeats());
        assertThat(three.depletions().a()).containsExactly(one.depletions().a());
        assertThat(BootstrapStudy.Depletions.share(one.depletions().b())).isGreaterThan(0); // OFF pays out 1380 of 1000
    }

    @Test
    void eachResampledPathIsTheSingleRunWithTheScheduleOnItsMarket() {
        BootstrapStudy.Result r = BootstrapStudy.run(DATA, SCENARIO, DRIFT, Optional.of(QUARTERLY), CONTRIBUTION, 6, 5.0,
                3, 2, BootstrapStudy.Progress.NONE, () -> false);
        BootstrapStudy.Resampler resampler = new BootstrapStudy.Resampler(DATA, SCENARIO);
        StationaryBootstrap sampler = new StationaryBootstrap(6, resampler.rows(), 5.0, 3);
        double[] diff = new double[6];
        for (int j = 0; j < 6; j++) {
            MarketData market = resampler.market(sampler.indices(j));
            PathResult a = ScenarioSimulation.run(market, SCENARIO, Optional.of(DRIFT), CONTRIBUTION, false)
                    .on().orElseThrow();
            PathResult b = ScenarioSimulation.run(market, SCENARIO, Optional.of(QUARTERLY), CONTRIBUTION, false)
                    .on().orElseThrow();
            assertThat(r.finalA()[j]).isEqualTo(a.metrics().finalValue());
            assertThat(r.finalB()[j]).isEqualTo(b.metrics().finalValue());
            diff[j] = a.cashFlows().twrCagr() - b.cashFlows().twrCagr(); // the time-weighted figures are compared
        }
        assertThat(r.cagrDiff()).isEqualTo(Quantiles.of(diff));
        // without the schedule the same paths end elsewhere
        BootstrapStudy.Result plain = BootstrapStudy.run(DATA, SCENARIO, DRIFT, Optional.of(QUARTERLY), 6, 5.0, 3, 2,
                BootstrapStudy.Progress.NONE, () -> false);
        assertThat(plain.finalA()[0]).isNotEqualTo(r.finalA()[0]);
        assertThat(plain.depletions()).isNull();
    }

    @Test
    void aRobustSweepCellWithFlowsIsTheBootstrapOfItsRuleAgainstOff() {
        List<RebalancingRule> cells = List.of(QUARTERLY, DRIFT);
        RobustSweep.Result one = RobustSweep.run(DATA, SCENARIO, cells, WITHDRAWAL, 30, 4.0, 11, 1,
                RobustSweep.Progress.NONE, () -> false);
        RobustSweep.Result two = RobustSweep.run(DATA, SCENARIO, cells, WITHDRAWAL, 30, 4.0, 11, 2,
                RobustSweep.Progress.NONE, () -> false);
        assertThat(two.cells()).isEqualTo(one.cells());
        for (int c = 0; c < cells.size(); c++) {
            BootstrapStudy.Result study = BootstrapStudy.run(DATA, SCENARIO, cells.get(c), Optional.empty(), WITHDRAWAL,
                    30, 4.0, 11, 1, BootstrapStudy.Progress.NONE, () -> false);
            assertThat(one.cells().get(c).pBeatsOff()).isEqualTo(study.pBeats());
            assertThat(one.cells().get(c).cagrDiff()).isEqualTo(study.cagrDiff());
        }
        RobustSweep.Result plain = RobustSweep.run(DATA, SCENARIO, cells, 30, 4.0, 11, 1, RobustSweep.Progress.NONE,
                () -> false);
        assertThat(plain.cells().get(0).cagrDiff()).isNotEqualTo(one.cells().get(0).cagrDiff());
    }
}
