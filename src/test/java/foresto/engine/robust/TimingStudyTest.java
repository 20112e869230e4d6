package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static foresto.engine.BaseDayPolicy.FIRST_TRADING_DAY;
import static foresto.engine.BaseDayPolicy.LAST_TRADING_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The timing study (SEMANTICS §12.2): variants are single runs bit for bit; luck, spread and tranche by hand. */
class TimingStudyTest {
    private static final Weights SIXTY_FORTY = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    private static final Weights HALF_HALF = Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.5));

    private static LocalDate[] weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(x);
            }
        }
        return out.toArray(new LocalDate[0]);
    }

    /** Three and a half years of random daily returns for equity and bonds. */
    private static final LocalDate[] DATES = weekdays(LocalDate.of(2020, 1, 2), LocalDate.of(2023, 6, 30));
    private static final MarketData RANDOM = random();

    private static MarketData random() {
        SplittableRandom rnd = new SplittableRandom(19);
        double[][] r = new double[AssetClass.COUNT][];
        double[] eq = new double[DATES.length];
        double[] bd = new double[DATES.length];
        for (int i = 0; i < DATES.length; i++) {
            eq[i] = (rnd.nextDouble() - 0.48) * 0.04;
            bd[i] = (rnd.nextDouble() - 0.5) * 0.01;
        }
        r[AssetClass.EQUITY.ordinal()] = eq;
        r[AssetClass.BOND.ordinal()] = bd;
        return MarketData.of(DATES, r);
    }

    /** A window that starts and ends mid-period, so both ends of the calendar matter. */
    private static final Scenario WINDOW = new Scenario(SIXTY_FORTY, LocalDate.of(2020, 2, 13), LocalDate.of(2023, 5, 17),
            1000, MissingDataPolicy.SKIP);

    private static PathResult single(RebalancingRule rule) {
        SimulationResult r = ScenarioSimulation.run(RANDOM, WINDOW, Optional.of(rule), false);
        return r.on().orElseThrow();
    }

    private static void assertVariantsAreSingleRuns(TimingStudy.Result result, List<RebalancingRule> expected) {
        assertThat(result.variants()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            RebalancingRule rule = expected.get(i);
            PathResult one = single(rule);
            TimingStudy.Variant v = result.variants().get(i);
            assertThat(v.phase()).isEqualTo(rule.phase());
            assertThat(v.dayOffset()).isEqualTo(rule.dayOffset());
            assertThat(v.metrics()).isEqualTo(one.metrics()); // record equality: every double bit for bit
            assertThat(v.values()).containsExactly(one.values());
        }
        PathResult off = ScenarioSimulation.off(RANDOM, WINDOW, false).off();
        assertThat(result.off().metrics()).isEqualTo(off.metrics());
        assertThat(result.off().values()).containsExactly(off.values());
        assertThat(result.dates()).containsExactly(off.dates());
    }

    @Test
    void everyVariantIsTheSingleRunOfItsPhaseAndOffset() {
        TimingStudy.Result q = TimingStudy.run(RANDOM, WINDOW, new RebalancingRule.Periodic(Frequency.QUARTERLY,
                LAST_TRADING_DAY, 0.002, 0, 3), null, null, TimingStudy.Progress.NONE, () -> false);
        assertVariantsAreSingleRuns(q, List.of(
                new RebalancingRule.Periodic(Frequency.QUARTERLY, LAST_TRADING_DAY, 0.002, 0, 3),
                new RebalancingRule.Periodic(Frequency.QUARTERLY, LAST_TRADING_DAY, 0.002, 1, 3),
                new RebalancingRule.Periodic(Frequency.QUARTERLY, LAST_TRADING_DAY, 0.002, 2, 3)));

        TimingStudy.Result a = TimingStudy.run(RANDOM, WINDOW, new RebalancingRule.Periodic(Frequency.ANNUAL,
                FIRST_TRADING_DAY, 0.001), new int[]{7, 2}, new int[]{4, 0}, TimingStudy.Progress.NONE, () -> false);
        assertVariantsAreSingleRuns(a, List.of(
                new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, 2, 0),
                new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, 2, 4),
                new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, 7, 0),
                new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, 7, 4)));

        RebalancingRule drift = new RebalancingRule.Drift(0.03, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                CheckFrequency.MONTHLY, 0.5, 0, 0);
        TimingStudy.Result d = TimingStudy.run(RANDOM, WINDOW, drift, null, new int[]{0, 5, 20},
                TimingStudy.Progress.NONE, () -> false);
        List<RebalancingRule> expected = new ArrayList<>();
        for (int k : new int[]{0, 5, 20}) {
            expected.add(new RebalancingRule.Drift(0.03, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                    CheckFrequency.MONTHLY, 0.5, 0, k));
        }
        assertVariantsAreSingleRuns(d, expected);
    }

    @Test
    void luckSpreadBestWorstAndTrancheFollowTheVariantsSingleRuns() {
        TimingStudy.Result r = TimingStudy.run(RANDOM, WINDOW, new RebalancingRule.Periodic(Frequency.SEMIANNUAL,
                FIRST_TRADING_DAY, 0.003), null, new int[]{0, 2}, TimingStudy.Progress.NONE, () -> false);
        List<PathResult> runs = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            for (int k : new int[]{0, 2}) {
                runs.add(single(new RebalancingRule.Periodic(Frequency.SEMIANNUAL, FIRST_TRADING_DAY, 0.003, p, k)));
            }
        }
        int n = runs.size();
        assertThat(r.variants()).hasSize(12);
        double mean = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int best = -1;
        int worst = -1;
        for (int j = 0; j < n; j++) {
            double c = runs.get(j).metrics().cagr();
            mean += c;
            if (c > max) {
                max = c;
                best = j;
            }
            if (c < min) {
                min = c;
                worst = j;
            }
        }
        mean /= n;
        double ss = 0;
        for (PathResult x : runs) {
            ss += (x.metrics().cagr() - mean) * (x.metrics().cagr() - mean);
        }
        assertThat(r.timingLuck()).isCloseTo(Math.sqrt(ss / (n - 1)), within(1e-15));
        assertThat(r.timingLuck()).isPositive();
        assertThat(r.spread()).isEqualTo(max - min);
        assertThat(r.best().phase()).isEqualTo(best / 2);
        assertThat(r.best().dayOffset()).isEqualTo(best % 2 * 2);
        assertThat(r.worst().phase()).isEqualTo(worst / 2);
        assertThat(r.worst().dayOffset()).isEqualTo(worst % 2 * 2);

        // the tranche's path is the mean of the variants' paths, summed in variant order
        double[] tranche = r.tranche().values();
        int length = runs.get(0).values().length;
        assertThat(tranche).hasSize(length);
        double cost = 0;
        int events = 0;
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (PathResult x : runs) {
                sum += x.values()[t];
            }
            assertThat(tranche[t]).isEqualTo(sum / n);
        }
        for (PathResult x : runs) {
            cost += x.metrics().totalCost();
            events += x.metrics().eventCount();
        }
        assertThat(r.tranche().totalCost()).isEqualTo(cost / n);
        assertThat(r.tranche().eventCount()).isEqualTo(events);
        assertThat(r.tranche().finalValue()).isEqualTo(tranche[length - 1]);
    }

    /**
     * Half equity, half bonds; nothing moves except equity doubling on Monday 10 June 2024, so only a rebalance after
     * that date trades (turnover |0.5 − 2/3| + |0.5 − 1/3| = 1/3 of 1.5, cost 1 % of that = 0.005). Quarterly, first
     * trading day, phases 0, 1, 2: phase 0 trades on 1 April and on 1 July 2024 (the data's last date, after the jump),
     * phase 1 on 1 February and 1 May, phase 2 on 1 March and 3 June (before the jump).
     */
    @Test
    void aJumpThatOnlyOnePhaseTradesAfterByHand() {
        LocalDate[] dates = weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 7, 1));
        double[][] r = new double[AssetClass.COUNT][];
        double[] eq = new double[dates.length];
        for (int i = 0; i < dates.length; i++) {
            eq[i] = dates[i].equals(LocalDate.of(2024, 6, 10)) ? 1.0 : 0.0;
        }
        r[AssetClass.EQUITY.ordinal()] = eq;
        r[AssetClass.BOND.ordinal()] = new double[dates.length];
        MarketData data = MarketData.of(dates, r);
        Scenario s = new Scenario(HALF_HALF, dates[0], dates[dates.length - 1], 1, MissingDataPolicy.SKIP);
        TimingStudy.Result t = TimingStudy.run(data, s, new RebalancingRule.Periodic(Frequency.QUARTERLY,
                FIRST_TRADING_DAY, 0.01), null, null, TimingStudy.Progress.NONE, () -> false);

        assertThat(t.variants()).extracting(TimingStudy.Variant::phase).containsExactly(0, 1, 2);
        assertThat(t.variants()).extracting(v -> v.metrics().eventCount()).containsExactly(2, 2, 2);
        assertThat(t.variants().get(0).metrics().finalValue()).isCloseTo(1.495, within(1e-12));
        assertThat(t.variants().get(1).metrics().finalValue()).isEqualTo(1.5);
        assertThat(t.variants().get(2).metrics().finalValue()).isEqualTo(1.5);
        double years = 181 / 365.25; // 2 January → 1 July 2024
        double a = Math.pow(1.495, 1 / years) - 1;
        double b = Math.pow(1.5, 1 / years) - 1;
        // CAGRs a, b, b: mean (a + 2b)/3, squared deviations 4(b − a)²/9 + 2·(b − a)²/9, /(3 − 1) → (b − a)/√3
        assertThat(t.timingLuck()).isCloseTo((b - a) / Math.sqrt(3), within(1e-12));
        assertThat(t.spread()).isCloseTo(b - a, within(1e-12));
        assertThat(t.best().phase()).isEqualTo(1); // ties with phase 2: the first in variant order
        assertThat(t.worst().phase()).isEqualTo(0);

        // tranche: 1 until the jump, 1.5 until 1 July, then (1.495 + 1.5 + 1.5)/3
        double last = 4.495 / 3;
        assertThat(t.tranche().finalValue()).isCloseTo(last, within(1e-12));
        assertThat(t.tranche().cagr()).isCloseTo(Math.pow(last, 1 / years) - 1, within(1e-12));
        assertThat(t.tranche().maxDrawdown()).isCloseTo(1 - last / 1.5, within(1e-12));
        assertThat(t.tranche().totalCost()).isCloseTo(0.005 / 3, within(1e-12));
        assertThat(t.tranche().eventCount()).isEqualTo(6);
        // volatility: √252 · sample sd of 129 period returns, all 0 but +0.5 and last/1.5 − 1
        assertThat(dates).hasSize(130);
        double r1 = 0.5;
        double r2 = last / 1.5 - 1;
        double m = (r1 + r2) / 129;
        double ss = 127 * m * m + (r1 - m) * (r1 - m) + (r2 - m) * (r2 - m);
        assertThat(t.tranche().volatility()).isCloseTo(Math.sqrt(252) * Math.sqrt(ss / 128), within(1e-12));
        assertThat(t.periodsPerYear().value()).isEqualTo(252);
    }

    @Test
    void defaultSetsFollowTheRulesFrequency() {
        assertThat(TimingStudy.grid(new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 0, 4),
                null, null)).containsExactly(cell(0, 0), cell(0, 1), cell(0, 2), cell(0, 3), cell(0, 4), cell(0, 5),
                cell(0, 6), cell(0, 7), cell(0, 8), cell(0, 9));
        assertThat(TimingStudy.grid(new RebalancingRule.Periodic(Frequency.QUARTERLY, LAST_TRADING_DAY, 0.001, 2, 3),
                null, null)).containsExactly(cell(0, 3), cell(1, 3), cell(2, 3));
        assertThat(TimingStudy.grid(new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001), null, null))
                .hasSize(12).first().isEqualTo(cell(0, 0));
        RebalancingRule semiannualCheck = new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE,
                Double.NaN, CheckFrequency.SEMIANNUAL, 0, 0, 1);
        assertThat(TimingStudy.grid(semiannualCheck, null, null)).containsExactly(cell(0, 1), cell(1, 1), cell(2, 1),
                cell(3, 1), cell(4, 1), cell(5, 1));
        assertThat(TimingStudy.grid(semiannualCheck, new int[]{5}, new int[]{0, 20})).containsExactly(cell(5, 0), cell(5, 20));
    }

    private static TimingGrid.Cell cell(int p, int k) {
        return new TimingGrid.Cell(p, k);
    }

    @Test
    void badRulesAndSetsAreRefused() {
        RebalancingRule daily = new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001);
        assertThatThrownBy(() -> TimingStudy.run(RANDOM, WINDOW, daily, null, null, TimingStudy.Progress.NONE, () -> false))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE))
                .hasMessageContaining("robustness windows");
        RebalancingRule quarterly = new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST_TRADING_DAY, 0.001);
        assertThatThrownBy(() -> TimingStudy.grid(quarterly, new int[]{0, 3}, null))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE))
                .hasMessageContaining("phase");
        assertThatThrownBy(() -> TimingStudy.grid(quarterly, null, new int[]{21}))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE))
                .hasMessageContaining("day_offset");
        assertThatThrownBy(() -> TimingStudy.grid(quarterly, null, new int[]{-1}))
                .isInstanceOf(EngineException.class);
        assertThatThrownBy(() -> TimingStudy.grid(new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001),
                new int[]{1}, null)).isInstanceOf(EngineException.class);
    }

    @Test
    void progressCountsVariantsAndCancelStopsTheStudy() {
        RebalancingRule annual = new RebalancingRule.Periodic(Frequency.ANNUAL, LAST_TRADING_DAY, 0.001);
        List<Integer> totals = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger maxDone = new AtomicInteger();
        TimingStudy.run(RANDOM, WINDOW, annual, null, null, (done, total) -> {
            calls.incrementAndGet();
            maxDone.accumulateAndGet(done, Math::max);
            synchronized (totals) {
                totals.add(total);
            }
        }, () -> false);
        assertThat(calls.get()).isEqualTo(12);
        assertThat(maxDone.get()).isEqualTo(12);
        assertThat(totals).containsOnly(12);

        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> TimingStudy.run(RANDOM, WINDOW, annual, null, null, TimingStudy.Progress.NONE,
                () -> polls.incrementAndGet() > 3)).isInstanceOf(CancellationException.class);
    }
}
