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
 * What a monthly contribution schedule costs (SEMANTICS §13): the same 30-year, 5-class scenario as
 * {@link SimulationBench} with and without 360 monthly contributions (toward the targets ON), in one JMH run so the
 * ratios compare like with like. {@code *Plain} runs without a schedule, {@code *Flows} with one;
 * {@code offOnlyFlowsAndMwr} also solves XIRR,
 * {@code offOnlyGrowingFlows} lets the contributions grow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CashFlowBench {
    MarketData data;
    Scenario scenario;
    ScenarioCalendar calendar;
    final RebalancingRule drift = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    final CashFlowSchedule monthly = CashFlowSchedule.ofAmount(0.01, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
    final CashFlowSchedule growing = monthly.withGrowth(0.02);

    @Setup
    public void setUp() {
        BenchMarket m = BenchMarket.thirtyYearsFiveClasses();
        data = m.data;
        scenario = m.scenario;
        calendar = m.calendar;
    }

    @Benchmark
    public PathResult offOnlyPlain() {
        return PathLoop.run(calendar, scenario, null, false);
    }

    @Benchmark
    public PathResult offOnlyFlows() {
        return PathLoop.run(calendar, scenario, null, monthly, false);
    }

    /** The flows' path plus its money-weighted return, which {@link CashFlowResult#mwr()} solves when asked. */
    @Benchmark
    public double offOnlyFlowsAndMwr() {
        return PathLoop.run(calendar, scenario, null, monthly, false).cashFlows().mwr().getAsDouble();
    }

    /** The same contributions growing 2 % a year: one power per flow date. */
    @Benchmark
    public PathResult offOnlyGrowingFlows() {
        return PathLoop.run(calendar, scenario, null, growing, false);
    }

    @Benchmark
    public PathResult onDriftPlain() {
        return PathLoop.run(calendar, scenario, drift, false);
    }

    @Benchmark
    public PathResult onDriftFlows() {
        return PathLoop.run(calendar, scenario, drift, monthly, false);
    }

    @Benchmark
    public SimulationResult offAndOnDriftPlain() {
        return ScenarioSimulation.run(data, scenario, Optional.of(drift), false);
    }

    @Benchmark
    public SimulationResult offAndOnDriftFlows() {
        return ScenarioSimulation.run(data, scenario, Optional.of(drift), monthly, false);
    }
}
