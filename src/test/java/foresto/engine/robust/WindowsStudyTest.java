package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import foresto.engine.robust.RollingWindows.Summary;
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

import static foresto.engine.BaseDayPolicy.FIRST_TRADING_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WindowsStudyTest {
    private static final Weights SIXTY_FORTY = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    private static final RebalancingRule MONTHLY = new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY,
            0.001, 0, 0);
    private static final MarketData DAILY = daily(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 9, 29), 7);

    /** Weekdays in [from, to] with random equity and bond returns. */
    private static MarketData daily(LocalDate from, LocalDate to, long seed) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        return data(dates.toArray(new LocalDate[0]), seed);
    }

    private static MarketData data(LocalDate[] dates, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] returns = new double[AssetClass.COUNT][];
        double[] eq = new double[dates.length];
        double[] bd = new double[dates.length];
        for (int i = 0; i < dates.length; i++) {
            eq[i] = (rnd.nextDouble() - 0.5) * 0.04;
            bd[i] = (rnd.nextDouble() - 0.5) * 0.01;
        }
        returns[AssetClass.EQUITY.ordinal()] = eq;
        returns[AssetClass.BOND.ordinal()] = bd;
        return MarketData.of(dates, returns);
    }

    private static Scenario scenario(LocalDate start, LocalDate end) {
        return new Scenario(SIXTY_FORTY, start, end, 1000, MissingDataPolicy.SKIP);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static WindowsStudy.Result study(int length, int step) {
        return WindowsStudy.run(DAILY, scenario(d(2023, 1, 31), d(2023, 7, 31)), MONTHLY, length, step,
                WindowsStudy.Progress.NONE, () -> false);
    }

    @Test
    void windowsStartFromTheThirtyFirstOfJanuaryClampedNeverChained() {
        WindowsStudy.Result r = study(2, 1);
        // s_i = 31 Jan + i months (clamped), e_i = 31 Jan + (i + 2) months − 1 day; chaining would give 28 Mar for s_2
        List<LocalDate[]> expected = List.of(
                new LocalDate[] {d(2023, 1, 31), d(2023, 3, 30)},
                new LocalDate[] {d(2023, 2, 28), d(2023, 4, 29)},
                new LocalDate[] {d(2023, 3, 31), d(2023, 5, 30)},
                new LocalDate[] {d(2023, 4, 30), d(2023, 6, 29)},
                new LocalDate[] {d(2023, 5, 31), d(2023, 7, 30)});
        assertThat(r.windows()).hasSize(5); // s_5 = 30 Jun, e_5 = 30 Aug > 31 Jul
        for (int i = 0; i < expected.size(); i++) {
            assertThat(r.windows().get(i).window().start()).as("start %d", i).isEqualTo(expected.get(i)[0]);
            assertThat(r.windows().get(i).window().end()).as("end %d", i).isEqualTo(expected.get(i)[1]);
        }
        WindowsStudy.Result stepped = study(2, 2);
        assertThat(stepped.windows()).extracting(w -> w.window().start())
                .containsExactly(d(2023, 1, 31), d(2023, 3, 31), d(2023, 5, 31));
    }

    @Test
    void everyWindowIsExactlyAPlainSingleRunOfThatWindow() {
        WindowsStudy.Result r = study(2, 1);
        for (WindowsStudy.WindowResult w : r.windows()) {
            SimulationResult plain = ScenarioSimulation.run(DAILY, scenario(w.window().start(), w.window().end()),
                    Optional.of(MONTHLY), false);
            Metrics on = plain.on().orElseThrow().metrics();
            Metrics off = plain.off().metrics();
            assertThat(w.on()).isEqualTo(on); // record equality: Double.compare, bit for bit
            assertThat(w.off()).isEqualTo(off);
            assertThat(Double.doubleToRawLongBits(w.premium()))
                    .isEqualTo(Double.doubleToRawLongBits(on.cagr() - off.cagr()));
            // bought at the close of the window's first date: the first business day on or after its start
            LocalDate first = plain.off().dates()[0];
            assertThat(first).isAfterOrEqualTo(w.window().start());
            assertThat(first.minusDays(3)).isBefore(w.window().start());
        }
        assertThat(r.periodsPerYear().value()).isEqualTo(252);
    }

    @Test
    void theSummaryIsTypeSevenOverThePremiumsWorkedByHand() {
        WindowsStudy.Result r = study(2, 1);
        double[] x = r.windows().stream().mapToDouble(WindowsStudy.WindowResult::premium).toArray();
        int positive = 0;
        for (double p : x) {
            positive += p > 0 ? 1 : 0;
        }
        assertThat(positive).as("the fixture has premiums of both signs").isBetween(1, 4);
        Arrays.sort(x);
        // n = 5: h = 4p → p5: h = 0.2, p25: h = 1, median: h = 2, p75: h = 3, p95: h = 3.8
        Summary s = r.summary();
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(x[0]);
        assertThat(s.p5()).isEqualTo(x[0] + 0.2 * (x[1] - x[0]));
        assertThat(s.p25()).isEqualTo(x[1]);
        assertThat(s.median()).isEqualTo(x[2]);
        assertThat(s.p75()).isEqualTo(x[3]);
        // h = 4 · 0.95 = 3.8000000000000003 in doubles (0.95 is not exact), so the weight is h − 3, not the literal 0.8
        assertThat(s.p95()).isEqualTo(x[3] + (4 * 0.95 - 3) * (x[4] - x[3]));
        assertThat(s.p95()).isCloseTo(x[3] + 0.8 * (x[4] - x[3]), within(1e-15));
        assertThat(s.max()).isEqualTo(x[4]);
        assertThat(s.sharePositive()).isEqualTo(positive / 5.0);
        // M = whole months from 31 Jan to 1 Aug 2023 = 6; ⌊6 / 2⌋ = 3
        assertThat(s.nonOverlapping()).isEqualTo(3);
        assertThat(study(4, 1).summary().nonOverlapping()).isEqualTo(1);
    }

    @Test
    void shareOfPositivePremiumsCountsStrictlyPositiveOnly() {
        // a 100 % equity portfolio: a rebalance trades nothing and costs nothing, ON = OFF exactly, every premium 0
        // (not > 0), so none counts
        Weights allEquity = Weights.of(Map.of(AssetClass.EQUITY, 1.0));
        WindowsStudy.Result r = WindowsStudy.run(DAILY, new Scenario(allEquity, d(2023, 1, 31), d(2023, 7, 31), 1,
                MissingDataPolicy.SKIP), MONTHLY, 1, 1, WindowsStudy.Progress.NONE, () -> false);
        assertThat(r.windows()).hasSize(6).allSatisfy(w -> assertThat(w.premium()).isZero());
        assertThat(r.summary().sharePositive()).isZero();
        assertThat(r.summary().count()).isEqualTo(6);
    }

    @Test
    void aWindowThatFitsNowhereOrABadLengthOrStepIsAnInvalidRequest() {
        assertThatThrownBy(() -> study(7, 1)).isInstanceOfSatisfying(EngineException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("7 months").contains("does not fit");
                });
        assertThatThrownBy(() -> study(0, 1)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> study(2, 0)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
        assertThat(study(6, 1).windows()).hasSize(1); // 31 Jan + 6 months − 1 day = 30 Jul ≤ 31 Jul
    }

    @Test
    void progressCountsWindowsAndACancelStopsBetweenWindows() {
        List<String> seen = new ArrayList<>();
        WindowsStudy.run(DAILY, scenario(d(2023, 1, 31), d(2023, 7, 31)), MONTHLY, 2, 1,
                (done, total) -> seen.add(done + "/" + total), () -> false);
        assertThat(seen).containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");

        List<String> partial = new ArrayList<>();
        assertThatThrownBy(() -> WindowsStudy.run(DAILY, scenario(d(2023, 1, 31), d(2023, 7, 31)), MONTHLY, 2, 1,
                (done, total) -> partial.add(done + "/" + total), () -> partial.size() >= 2))
                .isInstanceOf(CancellationException.class);
        assertThat(partial).containsExactly("1/5", "2/5");
    }

    /**
     * f is the whole dataset's (§5), not the window's: 40 month ends then 30 weekdays (69 gaps, the lower median a
     * month's → f = 12); the one window, May 2023, holds daily dates only and would have f = 252 if f came from it.
     */
    @Test
    void everyWindowUsesTheDatasetsPeriodsPerYear() {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dates.add(d(2020, 1, 1).plusMonths(i + 1).minusDays(1));
        }
        for (LocalDate x = d(2023, 5, 1); dates.size() < 70; x = x.plusDays(1)) {
            if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(x);
            }
        }
        MarketData mixed = data(dates.toArray(new LocalDate[0]), 11);
        WindowsStudy.Result r = WindowsStudy.run(mixed, scenario(d(2023, 5, 1), dates.get(dates.size() - 1)), MONTHLY,
                1, 1, WindowsStudy.Progress.NONE, () -> false);
        assertThat(r.periodsPerYear().value()).isEqualTo(12);
        assertThat(r.windows()).hasSize(1);
        WindowsStudy.WindowResult w = r.windows().get(0);
        assertThat(w.window().end()).isEqualTo(d(2023, 5, 31));
        PathResult off = ScenarioSimulation.run(mixed, scenario(d(2023, 5, 1), d(2023, 5, 31)), Optional.empty(), false)
                .off();
        double[] v = off.values();
        assertThat(v).hasSize(23); // the weekdays of May 2023
        double[] ret = new double[v.length - 1];
        double mean = 0;
        for (int k = 1; k < v.length; k++) {
            ret[k - 1] = v[k] / v[k - 1] - 1;
            mean += ret[k - 1];
        }
        mean /= ret.length;
        double ss = 0;
        for (double x : ret) {
            ss += (x - mean) * (x - mean);
        }
        assertThat(w.off().volatility()).isEqualTo(Math.sqrt(12) * Math.sqrt(ss / (ret.length - 1)));
    }

    @Test
    void aWindowWithoutATradingDayFailsTheStudyNamingThatWindow() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate x = d(2023, 1, 2); x.isBefore(d(2023, 7, 1)); x = x.plusDays(1)) {
            boolean march = x.getMonthValue() == 3;
            if (!march && x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(x);
            }
        }
        MarketData gap = data(dates.toArray(new LocalDate[0]), 3);
        assertThatThrownBy(() -> WindowsStudy.run(gap, scenario(d(2023, 1, 2), d(2023, 6, 30)), MONTHLY, 1, 1,
                WindowsStudy.Progress.NONE, () -> false))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.WINDOW_OUTSIDE_DATA);
                    assertThat(e.getMessage()).contains("2023-03-02..2023-04-01"); // window 2: 1 April 2023 is a Saturday
                });
    }
}
