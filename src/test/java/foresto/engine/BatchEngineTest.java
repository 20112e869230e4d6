package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every lane of a batch equals, bit for bit, the single-path engine run on that lane's market: the dataset with the
 * held classes' returns on the window's closes d_1 … d_n replaced by the window's rows idx[t] (missing → 0), built
 * here by hand and run through {@link ScenarioSimulation}.
 */
class BatchEngineTest {
    private static final BaseDayPolicy FIRST = BaseDayPolicy.FIRST_TRADING_DAY;
    private static final BaseDayPolicy LAST = BaseDayPolicy.LAST_TRADING_DAY;
    /** Weekdays 2019-11-04 … 2022-02-25 minus a few holidays: the window starts and ends inside it. */
    private static final LocalDate[] DATES = Markets.weekdays(LocalDate.of(2019, 11, 4), LocalDate.of(2022, 2, 25),
            LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 25), LocalDate.of(2021, 7, 5));
    private static final LocalDate START = LocalDate.of(2020, 1, 15);
    private static final LocalDate END = LocalDate.of(2021, 12, 20);

    /** Every rule kind and option: calendars with phase and day offset, each band kind and check, trade-to, costs. */
    private static final List<RebalancingRule> RULES = List.of(
            new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST, 0.001),
            new RebalancingRule.Periodic(Frequency.MONTHLY, LAST, 0.0),
            new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST, 0.002, 0, 3),
            new RebalancingRule.Periodic(Frequency.QUARTERLY, LAST, 0.001, 2, 1),
            new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST, 0.01, 1, 0),
            new RebalancingRule.Periodic(Frequency.SEMIANNUAL, FIRST, 0.001, 4, 2),
            new RebalancingRule.Periodic(Frequency.ANNUAL, LAST, 0.003, 5, 0),
            new RebalancingRule.Drift(0.03, FIRST, 0.001),
            new RebalancingRule.Drift(0.02, FIRST, 0.0),
            new RebalancingRule.Drift(Double.NaN, FIRST, 0.002, BandKind.RELATIVE, 0.1, CheckFrequency.DAILY, 0),
            new RebalancingRule.Drift(0.03, FIRST, 0.001, BandKind.HYBRID, 0.15, CheckFrequency.DAILY, 0.5),
            new RebalancingRule.Drift(0.02, LAST, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0.875),
            new RebalancingRule.Drift(0.01, FIRST, 0.001, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.MONTHLY, 0, 0, 2),
            new RebalancingRule.Drift(0.01, LAST, 0.005, BandKind.HYBRID, 0.2, CheckFrequency.QUARTERLY, 0.5, 1, 1),
            new RebalancingRule.Drift(Double.NaN, LAST, 0.0, BandKind.RELATIVE, 0.05, CheckFrequency.MONTHLY, 0.25));

    private static final Weights FIVE = weights(0.35, 0.25, 0.15, 0.15, 0.10);
    private static final Weights THREE = weights(0.5, 0.0, 0.3, 0.2, 0.0);

    private static Weights weights(double... w) {
        Map<AssetClass, Double> m = new EnumMap<>(AssetClass.class);
        for (AssetClass c : AssetClass.values()) {
            if (w[c.ordinal()] > 0) {
                m.put(c, w[c.ordinal()]);
            }
        }
        return Weights.of(m);
    }

    /** Random returns, each class missing on about one date in forty (all classes together on a few). */
    private static MarketData market(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] cols = new double[AssetClass.COUNT][DATES.length];
        for (int i = 0; i < DATES.length; i++) {
            boolean allMissing = rnd.nextInt(150) == 0;
            for (int c = 0; c < AssetClass.COUNT; c++) {
                double vol = 0.003 + 0.004 * c;
                cols[c][i] = allMissing || rnd.nextInt(40) == 0 ? Double.NaN : (rnd.nextDouble() * 2 - 1) * vol * 1.7;
            }
        }
        return MarketData.of(DATES, cols);
    }

    /** Random block-resampled indices 1 … n (lane 0 of every batch: the window's own history). */
    private static int[][] indices(int lanes, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] idx = new int[lanes][n + 1];
        for (int t = 0; t <= n; t++) {
            idx[0][t] = t;
        }
        for (int l = 1; l < lanes; l++) {
            idx[l][1] = 1 + rnd.nextInt(n);
            for (int t = 2; t <= n; t++) {
                idx[l][t] = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(n) : idx[l][t - 1] == n ? 1 : idx[l][t - 1] + 1;
            }
        }
        return idx;
    }

    /** The lane's market, by hand: window close t's held returns replaced by window row idx[t] (missing → 0). */
    private static MarketData laneMarket(MarketData data, Scenario scenario, int[] idx) {
        LocalDate[] window = ScenarioCalendar.prepare(data, scenario).dates();
        int[] rows = new int[window.length];
        for (int t = 0, i = 0; t < window.length; t++) {
            while (!DATES[i].equals(window[t])) {
                i++;
            }
            rows[t] = i;
        }
        double[][] cols = new double[AssetClass.COUNT][DATES.length];
        for (AssetClass c : AssetClass.values()) {
            for (int i = 0; i < DATES.length; i++) {
                cols[c.ordinal()][i] = data.returnOf(c, i);
            }
            if (scenario.targets().get(c) > 0) {
                for (int t = 1; t < window.length; t++) {
                    double r = data.returnOf(c, rows[idx[t]]);
                    cols[c.ordinal()][rows[t]] = Double.isNaN(r) ? 0.0 : r;
                }
            }
        }
        return MarketData.of(DATES, cols);
    }

    private static PathResult single(MarketData m, Scenario s, RebalancingRule rule) {
        SimulationResult r = ScenarioSimulation.run(m, s, Optional.ofNullable(rule), false);
        return rule == null ? r.off() : r.on().orElseThrow();
    }

    @Test
    void everyLaneEqualsTheSinglePathEngineBitForBit() {
        int checked = 0;
        for (MissingDataPolicy policy : MissingDataPolicy.values()) {
            for (Weights w : List.of(FIVE, THREE)) {
                MarketData data = market(policy.ordinal() * 31L + w.heldOrdinals().length);
                Scenario scenario = new Scenario(w, START, END, 1000, policy);
                BatchEngine engine = BatchEngine.prepare(data, scenario);
                int n = engine.rows();
                assertThat(n).isGreaterThan(400);
                for (int lanes : new int[] {1, 3, 64, 65}) {
                    int[][] idx = indices(lanes, n, lanes * 7L + policy.ordinal());
                    List<MarketData> markets = new ArrayList<>();
                    for (int l = 0; l < lanes; l++) {
                        markets.add(laneMarket(data, scenario, idx[l]));
                    }
                    List<RebalancingRule> rules = new ArrayList<>();
                    rules.add(null); // OFF
                    rules.addAll(lanes == 3 || lanes == 65 ? RULES : RULES.subList(0, 1));
                    if (lanes == 64) {
                        rules.add(RULES.get(RULES.size() - 4)); // a drift rule with a calendar, on 64 lanes too
                    }
                    for (RebalancingRule rule : rules) {
                        BatchEngine.Plan plan = rule == null ? engine.off() : engine.plan(rule);
                        BatchEngine.Batch full = engine.run(plan, idx, BatchEngine.Output.EVENTS);
                        BatchEngine.Batch summary = engine.run(plan, idx, BatchEngine.Output.SUMMARY);
                        BatchEngine.Batch values = engine.run(plan, idx, BatchEngine.Output.VALUES);
                        for (int l = 0; l < lanes; l++) {
                            PathResult want = single(markets.get(l), scenario, rule);
                            String what = policy + " " + w + " " + rule + " lanes " + lanes + " lane " + l;
                            assertSamePath(full.path(l), want, what);
                            assertSameMetrics(summary.metrics(l), want.metrics(), what + " (summary)");
                            assertSameMetrics(values.metrics(l), want.metrics(), what + " (values)");
                            assertThat(bits(values.values(l))).as(what).isEqualTo(bits(want.values()));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(4000);
    }

    /**
     * Lanes without events keep a lane's positions in locals, one kernel for every number of held classes (1 … 5,
     * the classes beyond it skipped): each count against the single-path engine, on 9 lanes (a full block of 8 and
     * one lane in a block of its own).
     */
    @Test
    void everyNumberOfHeldClassesEqualsTheSinglePathEngineBitForBit() {
        List<Weights> counts = List.of(weights(0, 0, 0, 1.0, 0), weights(0.6, 0.4, 0, 0, 0), THREE,
                weights(0.4, 0.3, 0, 0.2, 0.1), FIVE);
        int checked = 0;
        for (Weights w : counts) {
            MarketData data = market(40L + w.heldOrdinals().length);
            Scenario scenario = new Scenario(w, START, END, 1000, MissingDataPolicy.ZERO);
            BatchEngine engine = BatchEngine.prepare(data, scenario);
            int[][] idx = indices(9, engine.rows(), w.heldOrdinals().length);
            List<MarketData> markets = new ArrayList<>();
            for (int[] ix : idx) {
                markets.add(laneMarket(data, scenario, ix));
            }
            List<RebalancingRule> rules = new ArrayList<>();
            rules.add(null); // OFF
            rules.addAll(RULES);
            int trades = 0;
            for (RebalancingRule rule : rules) {
                BatchEngine.Plan plan = rule == null ? engine.off() : engine.plan(rule);
                BatchEngine.Batch summary = engine.run(plan, idx, BatchEngine.Output.SUMMARY);
                BatchEngine.Batch values = engine.run(plan, idx, BatchEngine.Output.VALUES);
                for (int l = 0; l < idx.length; l++) {
                    PathResult want = single(markets.get(l), scenario, rule);
                    String what = w + " " + rule + " lane " + l;
                    assertSameMetrics(summary.metrics(l), want.metrics(), what + " (summary)");
                    assertSameMetrics(values.metrics(l), want.metrics(), what + " (values)");
                    assertThat(bits(values.values(l))).as(what).isEqualTo(bits(want.values()));
                    trades += want.metrics().eventCount();
                    checked++;
                }
            }
            assertThat(trades).as("%s: the rules trade", w).isPositive();
        }
        assertThat(checked).isEqualTo(5 * (RULES.size() + 1) * 9);
    }

    /**
     * Daily-checked drift lanes pre-check the band with a wider margin than the band's own: a market built to walk
     * the equity weight of a 60/40 portfolio up to 0.65 (and down to 0.55) in steps that end within 1e-16 of the
     * band's edge, then one ulp-sized step across it, again and again. Every lane (the window's own history and
     * resampled ones) against the single-path engine, bit for bit, for bands that sit at the edge.
     */
    @Test
    void lanesAtTheBandEdgeTradeOnTheSingleRunsCloses() {
        double[] edge = {0.62, 0.64, 0.649, 0.65 - 1e-6, 0.65 - 1e-9, 0.65 - 1e-12, 0.65 - 1e-14, 0.65 - 1e-15,
                0.65 - 2e-16, 0.65 - 1e-16, 0.65, 0.65 + 1e-16, 0.65 + 1e-15};
        double[][] cols = new double[AssetClass.COUNT][DATES.length];
        double p0 = 0.6;
        double p1 = 0.4;
        for (int i = 1, step = 0; i < DATES.length; i++, step++) {
            double v = p0 + p1;
            if (Math.abs(p0 / v - 0.6) >= 0.05) { // this replica's own trade; the engines decide for themselves
                p0 = 0.6 * v;
                p1 = 0.4 * v;
            }
            int s = step % (2 * edge.length);
            double target = s < edge.length ? edge[s] : 1.2 - edge[s - edge.length]; // then the lower edge 0.55
            double c = p0 / (p0 + p1);
            double r = target * (1 - c) / (c * (1 - target)) - 1; // the equity return that moves c to the target
            cols[AssetClass.EQUITY.ordinal()][i] = r;
            p0 *= 1 + r;
        }
        MarketData data = MarketData.of(DATES, cols);
        Scenario scenario = new Scenario(weights(0.6, 0.4, 0, 0, 0), START, END, 1000, MissingDataPolicy.ZERO);
        BatchEngine engine = BatchEngine.prepare(data, scenario);
        int[][] idx = indices(9, engine.rows(), 23);
        for (int l = 1; l < 4; l++) { // long runs of the built walk: a jump only every 60 closes
            for (int t = 2; t <= engine.rows(); t++) {
                idx[l][t] = t % 60 == 0 ? idx[l][t - 1] : idx[l][t - 1] == engine.rows() ? 1 : idx[l][t - 1] + 1;
            }
        }
        List<RebalancingRule> rules = List.of(
                new RebalancingRule.Drift(0.05, FIRST, 0.0),
                new RebalancingRule.Drift(0.05, FIRST, 0.001, BandKind.HYBRID, 1.0, CheckFrequency.DAILY, 0.5),
                new RebalancingRule.Drift(0.05 - 1e-15, LAST, 0.002),
                new RebalancingRule.Drift(0.05 + 1e-15, FIRST, 0.0, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0.875));
        int trades = 0;
        for (RebalancingRule rule : rules) {
            BatchEngine.Batch values = engine.run(engine.plan(rule), idx, BatchEngine.Output.VALUES);
            for (int l = 0; l < idx.length; l++) {
                PathResult want = single(laneMarket(data, scenario, idx[l]), scenario, rule);
                String what = rule + " lane " + l;
                assertSameMetrics(values.metrics(l), want.metrics(), what);
                assertThat(bits(values.values(l))).as(what).isEqualTo(bits(want.values()));
                trades += want.metrics().eventCount();
            }
        }
        assertThat(trades).as("the walk reaches the band again and again").isGreaterThan(200);
    }

    @Test
    void theRulesFireInTheseMarkets() {
        MarketData data = market(7);
        Scenario scenario = new Scenario(FIVE, START, END, 1000, MissingDataPolicy.ZERO);
        BatchEngine engine = BatchEngine.prepare(data, scenario);
        int[][] idx = indices(3, engine.rows(), 3);
        for (RebalancingRule rule : RULES) {
            BatchEngine.Batch b = engine.run(engine.plan(rule), idx, BatchEngine.Output.SUMMARY);
            for (int l = 0; l < 3; l++) {
                assertThat(b.metrics(l).eventCount()).as("%s lane %d", rule, l).isBetween(1, 300);
            }
        }
    }

    /**
     * The comparison is sharp enough: summing one lane's classes in another order (what a batch loop that mixed up
     * a lane's arithmetic would do) changes bits of its value path on these markets.
     */
    @Test
    void anotherSummationOrderWouldBeCaught() {
        MarketData data = market(5);
        Scenario scenario = new Scenario(FIVE, START, END, 1000, MissingDataPolicy.SKIP);
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        PathResult want = BuyAndHold.run(cal, scenario, false);
        int[] held = cal.held();
        double[] r = cal.zeroFilledRows();
        double[] p = new double[held.length];
        for (int j = 0; j < held.length; j++) {
            p[j] = FIVE.get(AssetClass.of(held[j])) * 1000;
        }
        double[] reversed = new double[cal.length()];
        reversed[0] = 1000;
        for (int k = 1; k < cal.length(); k++) {
            double v = 0;
            for (int j = held.length - 1; j >= 0; j--) {
                p[j] = p[j] * (1 + r[cal.rowOffset(k) + held[j]]);
                v += p[j];
            }
            reversed[k] = v;
        }
        assertThat(bits(reversed)).isNotEqualTo(bits(want.values()));
        BatchEngine engine = BatchEngine.of(cal, scenario);
        BatchEngine.Batch b = engine.run(engine.off(), new int[][] {engine.identity()}, BatchEngine.Output.VALUES);
        assertThat(bits(b.values(0))).isEqualTo(bits(want.values()));
    }

    @Test
    void aLaneDoesNotDependOnItsBatch() {
        MarketData data = market(9);
        Scenario scenario = new Scenario(FIVE, START, END, 1000, MissingDataPolicy.ZERO);
        BatchEngine engine = BatchEngine.prepare(data, scenario);
        int[][] idx = indices(65, engine.rows(), 11);
        BatchEngine.Plan plan = engine.plan(RULES.get(10));
        BatchEngine.Batch all = engine.run(plan, idx, BatchEngine.Output.VALUES);
        double[] row = new double[67];
        for (int k : new int[] {0, 1, engine.rows()}) {
            all.valuesAt(k, row, 2);
            for (int l = 0; l < 65; l++) {
                assertThat(Double.doubleToRawLongBits(row[2 + l])).isEqualTo(Double.doubleToRawLongBits(all.values(l)[k]));
            }
        }
        BatchEngine.Batch reused = engine.newBatch(65, BatchEngine.Output.VALUES);
        engine.run(engine.plan(RULES.get(0)), idx, 65, reused); // something else first: the buffers are reset
        for (int l : new int[] {0, 17, 64}) {
            engine.run(plan, new int[][] {idx[l], idx[0]}, 2, reused);
            assertSameMetrics(reused.metrics(0), all.metrics(l), "lane " + l);
            assertThat(bits(reused.values(0))).isEqualTo(bits(all.values(l)));
        }
    }

    @Test
    void oneCloseWindowAndBadInput() {
        MarketData data = market(3);
        Scenario one = new Scenario(FIVE, START, START, 1000, MissingDataPolicy.ZERO);
        BatchEngine engine = BatchEngine.prepare(data, one);
        assertThat(engine.rows()).isZero();
        BatchEngine.Batch b = engine.run(engine.plan(RULES.get(7)), new int[][] {{0}}, BatchEngine.Output.EVENTS);
        assertSamePath(b.path(0), single(data, one, RULES.get(7)), "one close");

        BatchEngine wide = BatchEngine.prepare(data, new Scenario(FIVE, START, END, 1000, MissingDataPolicy.ZERO));
        int[][] bad = indices(2, wide.rows(), 1);
        bad[1][5] = wide.rows() + 1;
        assertThatThrownBy(() -> wide.run(wide.off(), bad, BatchEngine.Output.SUMMARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lane 1");
        assertThatThrownBy(() -> wide.run(engine.off(), indices(1, wide.rows(), 1), BatchEngine.Output.SUMMARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another window");
        BatchEngine.Batch summary = wide.run(wide.off(), indices(1, wide.rows(), 1), BatchEngine.Output.SUMMARY);
        assertThatThrownBy(() -> summary.values(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> summary.metrics(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aPathOutOfRangeFailsAsTheSingleRunDoes() {
        double[][] cols = new double[AssetClass.COUNT][DATES.length];
        for (double[] c : cols) {
            Arrays.fill(c, 9.0);
        }
        MarketData data = MarketData.of(DATES, cols);
        Scenario s = new Scenario(FIVE, START, END, 1e15, MissingDataPolicy.ZERO);
        assertThatThrownBy(() -> single(data, s, null)).isInstanceOf(EngineException.class);
        BatchEngine engine = BatchEngine.prepare(data, s);
        assertThatThrownBy(() -> engine.run(engine.off(), new int[][] {engine.identity()}, BatchEngine.Output.SUMMARY))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.VALUE_OUT_OF_RANGE));
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    private static void assertSameMetrics(Metrics got, Metrics want, String what) {
        double[] g = {got.finalValue(), got.totalReturn(), got.cagr(), got.volatility(), got.maxDrawdown(),
                got.totalTurnover(), got.totalCost()};
        double[] x = {want.finalValue(), want.totalReturn(), want.cagr(), want.volatility(), want.maxDrawdown(),
                want.totalTurnover(), want.totalCost()};
        assertThat(bits(g)).as(what).isEqualTo(bits(x));
        assertThat(got.eventCount()).as(what).isEqualTo(want.eventCount());
    }

    private static void assertSamePath(PathResult got, PathResult want, String what) {
        assertThat(got.dates()).as(what).isEqualTo(want.dates());
        assertThat(bits(got.values())).as(what).isEqualTo(bits(want.values()));
        assertSameMetrics(got.metrics(), want.metrics(), what);
        assertThat(got.periodsPerYear()).isEqualTo(want.periodsPerYear());
        assertThat(got.events()).as(what).hasSameSizeAs(want.events());
        for (int i = 0; i < want.events().size(); i++) {
            RebalancingEvent g = got.events().get(i);
            RebalancingEvent e = want.events().get(i);
            assertThat(g).as(what + " event " + i).isEqualTo(e);
            assertThat(bits(new double[] {g.turnover(), g.costAmount(), g.valueBefore(), g.valueAfter(), g.costRate()}))
                    .as(what + " event " + i)
                    .isEqualTo(bits(new double[] {e.turnover(), e.costAmount(), e.valueBefore(), e.valueAfter(), e.costRate()}));
        }
    }
}
