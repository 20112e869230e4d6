package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The robust sweep: each cell is, bit for bit, the bootstrap study of that cell's rule against OFF with the same J, b
 * and seed (computed separately, one study per cell), for one thread and for several; progress counts path-cells;
 * bad parameters are refused before anything runs.
 */
class RobustSweepTest {
    private static final Weights WEIGHTS = Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.3,
            AssetClass.GOLD, 0.2));
    /** Weekdays of 2021–2022; bond missing on 2022-03-14 (read as 0 under ZERO). */
    private static final MarketData DATA;
    private static final Scenario SCENARIO;

    static {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2021, 1, 4); !d.isAfter(LocalDate.of(2022, 12, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        SplittableRandom rnd = new SplittableRandom(19);
        double[][] r = new double[AssetClass.COUNT][];
        int[] held = {AssetClass.EQUITY.ordinal(), AssetClass.BOND.ordinal(), AssetClass.GOLD.ordinal()};
        double[] scale = {0.03, 0.008, 0.015};
        for (int h = 0; h < held.length; h++) {
            double[] col = new double[dates.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = (rnd.nextDouble() - 0.48) * scale[h];
                if (h == 1 && dates.get(i).equals(LocalDate.of(2022, 3, 14))) {
                    col[i] = Double.NaN;
                }
            }
            r[held[h]] = col;
        }
        DATA = MarketData.of(dates.toArray(new LocalDate[0]), r);
        SCENARIO = new Scenario(WEIGHTS, LocalDate.of(2021, 2, 1), LocalDate.of(2022, 11, 30), 100, MissingDataPolicy.ZERO);
    }

    /** Four cells: calendars and bands, with and without cost. */
    private static final List<RebalancingRule> CELLS = List.of(
            new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.0, 0, 0),
            new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY, 0.002, 0, 0),
            drift(0.02, 0.0),
            drift(0.02, 0.004));

    private static RebalancingRule drift(double theta, double cost) {
        return new RebalancingRule.Drift(theta, BaseDayPolicy.FIRST_TRADING_DAY, cost);
    }

    /** J = 70: more than one chunk of paths, the last one partial. */
    @Test
    void everyCellIsTheBootstrapStudyOfItsRuleAgainstOffForOneThreadAndForSeveral() {
        int paths = 70;
        long seed = -3L; // 18446744073709551613 as an unsigned seed
        RobustSweep.Result one = RobustSweep.run(DATA, SCENARIO, CELLS, paths, 5.0, seed, 1, RobustSweep.Progress.NONE,
                () -> false);
        RobustSweep.Result four = RobustSweep.run(DATA, SCENARIO, CELLS, paths, 5.0, seed, 4, RobustSweep.Progress.NONE,
                () -> false);
        assertThat(four).isEqualTo(one);
        assertThat(one.paths()).isEqualTo(paths);
        assertThat(one.block()).isEqualTo(5.0);
        assertThat(one.seed()).isEqualTo(seed);
        assertThat(one.cells()).hasSize(CELLS.size());
        for (int c = 0; c < CELLS.size(); c++) {
            BootstrapStudy.Result study = BootstrapStudy.run(DATA, SCENARIO, CELLS.get(c), Optional.empty(), paths, 5.0,
                    seed, 2, BootstrapStudy.Progress.NONE, () -> false);
            RobustSweep.Cell cell = one.cells().get(c);
            assertThat(cell.pBeatsOff()).as("cell %d", c).isEqualTo(study.pBeats());
            assertThat(cell.pBeatsOffSe()).as("cell %d", c).isEqualTo(study.pBeatsSe());
            assertThat(cell.cagrDiff()).as("cell %d", c).isEqualTo(study.cagrDiff());
            assertThat(one.periodsPerYear()).isEqualTo(study.periodsPerYear());
        }
        // the cells differ from each other: the comparison above is not of four copies of one number
        assertThat(one.cells().stream().map(RobustSweep.Cell::cagrDiff).distinct()).hasSize(CELLS.size());
        assertThat(one.cells().get(2).pBeatsOff()).isNotEqualTo(one.cells().get(0).pBeatsOff());
    }

    @Test
    void theDefaultBlockIsTheStudysDefaultAndPathJIsTheStudysPathJ() {
        RobustSweep.Result r = RobustSweep.run(DATA, SCENARIO, CELLS.subList(2, 3), 3, null, 1, 2,
                RobustSweep.Progress.NONE, () -> false);
        assertThat(r.block()).isEqualTo(21.0); // max(1, round(252 / 12))
        BootstrapStudy.Result study = BootstrapStudy.run(DATA, SCENARIO, CELLS.get(2), Optional.empty(), 3, null, 1, 1,
                BootstrapStudy.Progress.NONE, () -> false);
        // with three paths the percentiles are interpolated between the three per-path differences by hand:
        // sorted d0 ≤ d1 ≤ d2, p5 at h = 0.1, median at h = 1, p95 at h = 1.9
        double[] d = BootstrapSummary.differences(cagrs(study, true), cagrs(study, false));
        Arrays.sort(d);
        assertThat(r.cells().get(0).cagrDiff().p5()).isEqualTo(d[0] + 0.1 * (d[1] - d[0]));
        assertThat(r.cells().get(0).cagrDiff().median()).isEqualTo(d[1]);
        assertThat(r.cells().get(0).cagrDiff().p95()).isEqualTo(d[1] + 0.9 * (d[2] - d[1]));
        int beats = 0;
        for (int j = 0; j < 3; j++) {
            beats += study.finalA()[j] > study.finalB()[j] ? 1 : 0;
        }
        assertThat(r.cells().get(0).pBeatsOff()).isEqualTo(beats / 3.0);
    }

    /** Each path's CAGR of A or OFF from the study's final values, by §5: (final / initial)^(365.25 / days) − 1. */
    private static double[] cagrs(BootstrapStudy.Result study, boolean a) {
        LocalDate[] dates = study.dates();
        long days = dates[dates.length - 1].toEpochDay() - dates[0].toEpochDay();
        double[] finals = a ? study.finalA() : study.finalB();
        double[] out = new double[finals.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.pow(finals[j] / 100, 365.25 / days) - 1;
        }
        return out;
    }

    @Test
    void progressCountsPathCellsUpToTheTotal() {
        ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
        RobustSweep.run(DATA, SCENARIO, CELLS, 70, 5.0, 1, 3, (done, total) -> seen.add(new long[] {done, total}),
                () -> false);
        // two chunks (64 + 6 paths) × four cells: one report per cell and chunk
        assertThat(seen).hasSize(8);
        assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(280));
        assertThat(seen.stream().mapToLong(p -> p[0]).max().orElseThrow()).isEqualTo(280);
        assertThat(seen.stream().mapToLong(p -> p[0]).distinct().count()).isEqualTo(8);
    }

    @Test
    void aCancelledSweepStopsWithoutAResult() {
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> RobustSweep.run(DATA, SCENARIO, CELLS, 200, 5.0, 1, 2, RobustSweep.Progress.NONE,
                () -> asked.incrementAndGet() > 80)).isInstanceOf(CancellationException.class);
    }

    @Test
    void badParametersAreRefusedBeforeAnythingRuns() {
        AtomicInteger asked = new AtomicInteger();
        for (int paths : new int[] {0, -1, 100_001}) {
            assertThatThrownBy(() -> RobustSweep.run(DATA, SCENARIO, CELLS, paths, null, 1, 1, RobustSweep.Progress.NONE,
                    () -> asked.incrementAndGet() < 0)).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST))
                    .hasMessageContaining("paths");
        }
        for (double block : new double[] {0.5, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> RobustSweep.run(DATA, SCENARIO, CELLS, 10, block, 1, 1, RobustSweep.Progress.NONE,
                    () -> asked.incrementAndGet() < 0)).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
        }
        assertThatThrownBy(() -> RobustSweep.check(101, 100_000, null)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST)).hasMessageContaining("101 × 100000");
        RobustSweep.check(100, 100_000, 1.0); // exactly the bound
        assertThat(asked).as("nothing ran").hasValue(0);
    }
}
