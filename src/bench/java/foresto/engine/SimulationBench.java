package foresto.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One simulation of 30 years × 5 asset classes (~7,560 trading days), single-threaded.
 * {@code onOnly*} time the ON path alone (calendar prepared once); {@code offAndOn*} the whole public
 * call (calendar preparation + OFF path + ON path), which is what a request costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulationBench {
    MarketData data;
    Scenario scenario;
    ScenarioCalendar calendar;
    final RebalancingRule monthly = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    final RebalancingRule drift = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    /** "5/25", checked every close, trading halfway back: the most work per close of the v2 rules. */
    final RebalancingRule hybrid = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25,
            CheckFrequency.DAILY, 0.5);

    @Setup
    public void setUp() {
        BenchMarket m = BenchMarket.thirtyYearsFiveClasses();
        data = m.data;
        scenario = m.scenario;
        calendar = m.calendar;
    }

    @Benchmark
    public PathResult onOnlyMonthly() {
        return PathLoop.run(calendar, scenario, monthly, false);
    }

    @Benchmark
    public PathResult onOnlyDrift() {
        return PathLoop.run(calendar, scenario, drift, false);
    }

    @Benchmark
    public PathResult onOnlyHybrid() {
        return PathLoop.run(calendar, scenario, hybrid, false);
    }

    @Benchmark
    public PathResult offOnly() {
        return BuyAndHold.run(calendar, scenario, false);
    }

    @Benchmark
    public SimulationResult offAndOnMonthly() {
        return ScenarioSimulation.run(data, scenario, Optional.of(monthly), false);
    }

    @Benchmark
    public SimulationResult offAndOnDrift() {
        return ScenarioSimulation.run(data, scenario, Optional.of(drift), false);
    }
}
