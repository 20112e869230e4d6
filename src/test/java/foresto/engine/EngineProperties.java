package foresto.engine;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties over 300 generated scenarios (random weights, volatile returns with holes, random rules,
 * windows and policies). Each case is reproducible from its seed, shown in the test name.
 */
class EngineProperties {

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    record Generated(MarketData data, Scenario scenario, RebalancingRule rule) {
    }

    static Generated generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate from = LocalDate.of(2000, 1, 3).plusDays(rnd.nextInt(3000));
        LocalDate[] days = Markets.weekdays(from, from.plusDays(60 + rnd.nextInt(700)));
        double vol = 0.001 + rnd.nextDouble() * 0.05;
        double holes = rnd.nextDouble() < 0.5 ? 0 : 0.05;
        MarketData data = Markets.of(days, (c, i) -> rnd.nextDouble() < holes ? Double.NaN
                : Math.max(-0.9, (rnd.nextDouble() * 2 - 1) * vol * Math.sqrt(3)));
        Map<AssetClass, Double> w = new EnumMap<>(AssetClass.class);
        double[] raw = new double[AssetClass.COUNT];
        double sum = 0;
        for (int c = 0; c < raw.length; c++) {
            raw[c] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble();
            sum += raw[c];
        }
        if (sum == 0) {
            raw[0] = sum = 1;
        }
        double acc = 0;
        int last = -1;
        for (int c = 0; c < raw.length; c++) {
            if (raw[c] > 0) {
                last = c;
            }
        }
        for (int c = 0; c < raw.length; c++) {
            if (raw[c] > 0) {
                double v = c == last ? 1 - acc : raw[c] / sum;
                w.put(AssetClass.of(c), v);
                acc += v;
            }
        }
        int a = rnd.nextInt(days.length / 2);
        int b = a + 1 + rnd.nextInt(days.length - a - 1);
        MissingDataPolicy policy = rnd.nextBoolean() ? MissingDataPolicy.SKIP : MissingDataPolicy.ZERO;
        Scenario s = new Scenario(Weights.of(w), days[a], days[b], 0.01 + rnd.nextDouble() * 1e6, policy);
        BaseDayPolicy base = rnd.nextBoolean() ? BaseDayPolicy.FIRST_TRADING_DAY : BaseDayPolicy.LAST_TRADING_DAY;
        double cost = rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble() * 0.02;
        RebalancingRule rule = switch (rnd.nextInt(3)) {
            case 0 -> new RebalancingRule.Periodic(Frequency.MONTHLY, base, cost);
            case 1 -> new RebalancingRule.Periodic(Frequency.QUARTERLY, base, cost);
            default -> new RebalancingRule.Drift(0.001 + rnd.nextDouble() * 0.2, base, cost);
        };
        return new Generated(data, s, rule);
    }

    private static SimulationResult simulate(Generated g) {
        try {
            return ScenarioSimulation.run(g.data(), g.scenario(), Optional.of(g.rule()), true);
        } catch (ForestoException e) {
            // a window that SKIP emptied is a valid, reported outcome
            assertThat(e.code()).isEqualTo(ErrorCode.WINDOW_OUTSIDE_DATA);
            return null;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void costIsNeverNegativeAndValueIsConservedUpToCost(long seed) {
        Generated g = generate(seed);
        SimulationResult r = simulate(g);
        if (r == null) {
            return;
        }
        for (RebalancingEvent e : r.on().orElseThrow().events()) {
            assertThat(e.costAmount()).isGreaterThanOrEqualTo(0);
            assertThat(e.turnover()).isBetween(0.0, 2.0);
            assertThat(e.valueAfter()).isEqualTo(e.valueBefore() - e.costAmount());
            double sumAfter = e.afterWeights().values().stream().mapToDouble(Double::doubleValue).sum() * e.valueAfter();
            assertThat(sumAfter).isCloseTo(e.valueAfter(), within(1e-8 * e.valueBefore()));
            double sumBefore = e.beforeWeights().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sumBefore).isCloseTo(1.0, within(1e-12));
            assertThat(e.afterWeights().keySet()).isEqualTo(g.scenario().targets().byCode().keySet());
        }
        Metrics on = r.on().orElseThrow().metrics();
        assertThat(on.totalCost()).isGreaterThanOrEqualTo(0);
        if (g.rule().costRate() == 0) {
            assertThat(on.totalCost()).isZero();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noNaNAnywhere(long seed) {
        SimulationResult r = simulate(generate(seed));
        if (r == null) {
            return;
        }
        for (PathResult p : new PathResult[] {r.off(), r.on().orElseThrow()}) {
            for (double v : p.values()) {
                assertThat(v).isFinite().isPositive();
            }
            Metrics m = p.metrics();
            for (double x : new double[] {m.finalValue(), m.totalReturn(), m.cagr(), m.volatility(), m.maxDrawdown(),
                    m.totalTurnover(), m.totalCost()}) {
                assertThat(x).isFinite();
            }
            assertThat(m.maxDrawdown()).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameInputGivesBitIdenticalOutput(long seed) {
        SimulationResult a = simulate(generate(seed));
        SimulationResult b = simulate(generate(seed));
        if (a == null) {
            assertThat(b).isNull();
            return;
        }
        assertThat(a.off().values()).isEqualTo(b.off().values());
        assertThat(a.on().orElseThrow().values()).isEqualTo(b.on().orElseThrow().values());
        assertThat(a.on().orElseThrow().events()).isEqualTo(b.on().orElseThrow().events());
        assertThat(a.on().orElseThrow().metrics()).isEqualTo(b.on().orElseThrow().metrics());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void offPathNeverDependsOnTheRule(long seed) {
        Generated g = generate(seed);
        SimulationResult r = simulate(g);
        if (r == null) {
            return;
        }
        assertThat(r.off().values()).isEqualTo(ScenarioSimulation.off(g.data(), g.scenario(), false).off().values());
    }
}
