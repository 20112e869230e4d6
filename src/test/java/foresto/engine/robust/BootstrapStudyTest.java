package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
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
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapStudyTest {
    private static final Weights SIXTY_FORTY = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    private static final RebalancingRule MONTHLY = new RebalancingRule.Periodic(Frequency.MONTHLY,
            BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 0, 0);
    private static final RebalancingRule MONTHLY_LAST_K1 = new RebalancingRule.Periodic(Frequency.MONTHLY,
            BaseDayPolicy.LAST_TRADING_DAY, 0.002, 0, 1);
    private static final LocalDate START = LocalDate.of(2023, 1, 4);
    private static final LocalDate END = LocalDate.of(2023, 3, 20);
    /** Weekdays 2022-12-26 … 2023-03-31; bond missing on 2023-01-16, both missing on 2023-02-20 (no trading day). */
    private static final LocalDate[] DATES = weekdays(LocalDate.of(2022, 12, 26), LocalDate.of(2023, 3, 31));
    private static final double[] EQ = new double[DATES.length];
    private static final double[] BD = new double[DATES.length];
    private static final MarketData DATA;

    static {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < DATES.length; i++) {
            EQ[i] = (rnd.nextDouble() - 0.5) * 0.04;
            BD[i] = (rnd.nextDouble() - 0.5) * 0.01;
            if (DATES[i].equals(LocalDate.of(2023, 1, 16))) {
                BD[i] = Double.NaN;
            }
            if (DATES[i].equals(LocalDate.of(2023, 2, 20))) {
                EQ[i] = Double.NaN;
                BD[i] = Double.NaN;
            }
        }
        double[][] r = new double[AssetClass.COUNT][];
        r[AssetClass.EQUITY.ordinal()] = EQ;
        r[AssetClass.BOND.ordinal()] = BD;
        DATA = MarketData.of(DATES, r);
    }

    private static LocalDate[] weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out.toArray(new LocalDate[0]);
    }

    private static Scenario zero() {
        return new Scenario(SIXTY_FORTY, START, END, 1000, MissingDataPolicy.ZERO);
    }

    // --- an independent SplitMix64 and stationary bootstrap, written from SEMANTICS §12.4's text ---
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** idx[1 … n] of path j (idx[0] unused). */
    private static int[] handIndices(long seed, int j, int n, double b) {
        long[] state = {mix(seed ^ (j * 0x9E3779B97F4A7C15L))};
        DoubleSupplier uniform = () -> {
            state[0] += 0x9E3779B97F4A7C15L;
            return (mix(state[0]) >>> 11) / 9007199254740992.0; // 2^53
        };
        int[] idx = new int[n + 1];
        idx[1] = 1 + (int) Math.floor(uniform.getAsDouble() * n);
        for (int t = 2; t <= n; t++) {
            double u = uniform.getAsDouble();
            if (u < 1 / b) {
                idx[t] = 1 + (int) Math.floor(uniform.getAsDouble() * n);
            } else {
                idx[t] = idx[t - 1] == n ? 1 : idx[t - 1] + 1;
            }
        }
        return idx;
    }

    /** The dataset rows of the window's calendar under ZERO: in [START, END], at least one held class present. */
    private static int[] windowRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < DATES.length; i++) {
            boolean inWindow = !DATES[i].isBefore(START) && !DATES[i].isAfter(END);
            if (inWindow && !(Double.isNaN(EQ[i]) && Double.isNaN(BD[i]))) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Path j's market built by hand: window row t ≥ 1 gets the window's row idx[t] (missing → 0). */
    private static MarketData handMarket(long seed, int j, double b) {
        int[] rows = windowRows();
        int n = rows.length - 1;
        int[] idx = handIndices(seed, j, n, b);
        double[] eq = EQ.clone();
        double[] bd = BD.clone();
        for (int t = 1; t <= n; t++) {
            int src = rows[idx[t]];
            eq[rows[t]] = Double.isNaN(EQ[src]) ? 0 : EQ[src];
            bd[rows[t]] = Double.isNaN(BD[src]) ? 0 : BD[src];
        }
        double[][] r = new double[AssetClass.COUNT][];
        r[AssetClass.EQUITY.ordinal()] = eq;
        r[AssetClass.BOND.ordinal()] = bd;
        return MarketData.of(DATES, r);
    }

    private static BootstrapStudy.Result study(RebalancingRule a, Optional<RebalancingRule> b, int paths, Double block,
                                               long seed, int threads) {
        return BootstrapStudy.run(DATA, zero(), a, b, paths, block, seed, threads, BootstrapStudy.Progress.NONE,
                () -> false);
    }

    @Test
    void pathMarketEqualsAHandBuiltResampling() {
        int n = windowRows().length - 1;
        assertThat(n).isGreaterThan(40);
        BootstrapStudy.Resampler rs = new BootstrapStudy.Resampler(DATA, zero());
        assertThat(rs.rows()).isEqualTo(n);
        for (long seed : new long[] {1, -1L, 1234567}) { // -1: the unsigned seed 2^64 − 1
            for (int j : new int[] {0, 1, 7}) {
                StationaryBootstrap sb = new StationaryBootstrap(8, n, 3.5, seed);
                assertThat(sb.indices(j)).isEqualTo(handIndices(seed, j, n, 3.5));
                MarketData got = rs.market(sb.indices(j));
                MarketData want = handMarket(seed, j, 3.5);
                for (int i = 0; i < DATES.length; i++) {
                    assertThat(got.date(i)).isEqualTo(DATES[i]);
                    for (AssetClass c : List.of(AssetClass.EQUITY, AssetClass.BOND)) {
                        assertThat(Double.doubleToLongBits(got.returnOf(c, i)))
                                .as("%s on %s, seed %d path %d", c, DATES[i], seed, j)
                                .isEqualTo(Double.doubleToLongBits(want.returnOf(c, i)));
                    }
                }
            }
        }
    }

    @Test
    void path0OfAAndBEqualsPlainRunsOnTheResampledMarketBitForBit() {
        for (Optional<RebalancingRule> b : List.of(Optional.<RebalancingRule>empty(), Optional.of(MONTHLY))) {
            RebalancingRule a = b.isPresent() ? MONTHLY_LAST_K1 : MONTHLY;
            BootstrapStudy.Result r = study(a, b, 1, 2.0, 42, 1);
            MarketData m = handMarket(42, 0, 2.0);
            PathResult wantA = ScenarioSimulation.run(m, zero(), Optional.of(a), false).on().orElseThrow();
            SimulationResult sb = ScenarioSimulation.run(m, zero(), b, false);
            PathResult wantB = b.isPresent() ? sb.on().orElseThrow() : sb.off();
            assertThat(r.finalA()[0]).isEqualTo(wantA.metrics().finalValue());
            assertThat(r.finalB()[0]).isEqualTo(wantB.metrics().finalValue());
            // one path: every band is that path's value path
            for (int k = 0; k < 5; k++) {
                assertThat(r.fanA()[k]).isEqualTo(wantA.values());
                assertThat(r.fanB()[k]).isEqualTo(wantB.values());
            }
            assertThat(r.dates()).isEqualTo(wantA.dates());
            assertThat(r.cagrDiff().median()).isEqualTo(wantA.metrics().cagr() - wantB.metrics().cagr());
            assertThat(r.maxDrawdownDiff().median())
                    .isEqualTo(wantA.metrics().maxDrawdown() - wantB.metrics().maxDrawdown());
            assertThat(r.pBeats()).isEqualTo(wantA.metrics().finalValue() > wantB.metrics().finalValue() ? 1.0 : 0.0);
            assertThat(r.pBeatsSe()).isZero();
        }
    }

    @Test
    void pBeatsAndItsStandardErrorFromThePerPathFinals() {
        BootstrapStudy.Result r = study(MONTHLY, Optional.empty(), 7, 2.0, 5, 2);
        int beats = 0;
        for (int j = 0; j < 7; j++) {
            MarketData m = handMarket(5, j, 2.0);
            SimulationResult s = ScenarioSimulation.run(m, zero(), Optional.of(MONTHLY), false);
            double a = s.on().orElseThrow().metrics().finalValue();
            double b = s.off().metrics().finalValue();
            assertThat(r.finalA()[j]).isEqualTo(a);
            assertThat(r.finalB()[j]).isEqualTo(b);
            if (a > b) {
                beats++;
            }
        }
        assertThat(beats).isBetween(1, 6); // a case where P is neither 0 nor 1
        double p = beats / 7.0;
        assertThat(r.pBeats()).isEqualTo(p);
        assertThat(r.pBeatsSe()).isEqualTo(Math.sqrt(p * (1 - p) / 7));
    }

    @Test
    void defaultsBlock21ForDailyData() {
        BootstrapStudy.Result r = study(MONTHLY, Optional.empty(), 3, null, 1, 1);
        assertThat(r.periodsPerYear().value()).isEqualTo(252);
        assertThat(r.block()).isEqualTo(21.0);
        assertThat(r.paths()).isEqualTo(3);
        assertThat(r.seed()).isEqualTo(1);
        assertThat(r.finalA()[2]).isEqualTo(ScenarioSimulation.run(handMarket(1, 2, 21), zero(), Optional.of(MONTHLY),
                false).on().orElseThrow().metrics().finalValue());
    }

    @Test
    void oneThreadAndFourThreadsGiveIdenticalResults() {
        BootstrapStudy.Result one = study(MONTHLY, Optional.empty(), 64, 3.0, 99, 1);
        BootstrapStudy.Result four = study(MONTHLY, Optional.empty(), 64, 3.0, 99, 4);
        assertThat(four.finalA()).isEqualTo(one.finalA());
        assertThat(four.finalB()).isEqualTo(one.finalB());
        assertThat(four.cagrDiff()).isEqualTo(one.cagrDiff());
        assertThat(four.maxDrawdownDiff()).isEqualTo(one.maxDrawdownDiff());
        assertThat(four.pBeats()).isEqualTo(one.pBeats());
        for (int k = 0; k < 5; k++) {
            assertThat(four.fanA()[k]).isEqualTo(one.fanA()[k]);
            assertThat(four.fanB()[k]).isEqualTo(one.fanB()[k]);
        }
    }

    @Test
    void badInputIsInvalidRequest() {
        for (int paths : new int[] {0, 100_001}) {
            assertThatThrownBy(() -> study(MONTHLY, Optional.empty(), paths, null, 1, 1))
                    .isInstanceOf(EngineException.class)
                    .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
        }
        assertThatThrownBy(() -> study(MONTHLY, Optional.empty(), 5, 0.5, 1, 1))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
        RebalancingRule same = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 0, 0);
        assertThatThrownBy(() -> study(MONTHLY, Optional.of(same), 5, null, 1, 1))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("rule A itself")
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
    }

    @Test
    void cancelledStudyStops() {
        assertThatThrownBy(() -> BootstrapStudy.run(DATA, zero(), MONTHLY, Optional.empty(), 10, null, 1, 2,
                BootstrapStudy.Progress.NONE, () -> true)).isInstanceOf(CancellationException.class);
    }

    @Test
    void progressCountsEveryPath() {
        int[] last = {0};
        BootstrapStudy.run(DATA, zero(), MONTHLY, Optional.empty(), 9, null, 1, 1,
                (done, total) -> {
                    assertThat(total).isEqualTo(9);
                    last[0] = Math.max(last[0], done);
                }, () -> false);
        assertThat(last[0]).isEqualTo(9);
    }
}
