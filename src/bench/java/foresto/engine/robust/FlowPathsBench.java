package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.BatchEngine;
import foresto.engine.CashFlowSchedule;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Sweep;
import foresto.engine.Weights;
import foresto.sample.SyntheticMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One bootstrap path of 30 years × 5 classes (the benches' synthetic market, seed 42), a drift rule against OFF,
 * single-threaded: the batch engine without flows (64 paths side by side, value paths kept as the fan needs, reported
 * per path) against the route a path with a monthly contribution takes ({@link FlowPaths}: the path's market, its
 * calendar, OFF and the rule through the single-path engine). {@code mvn -Pbench -DskipTests package exec:exec
 * -Dbench.args=FlowPathsBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class FlowPathsBench {
    static final int LANES = 64;
    final RebalancingRule drift = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    BatchEngine engine;
    BatchEngine.Plan driftPlan;
    BatchEngine.Plan offPlan;
    BatchEngine.Batch a;
    BatchEngine.Batch b;
    int[][] idx;
    FlowPaths flowPaths;
    int next;

    @Setup
    public void setUp() {
        MarketData data = SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2014, 12, 31), 42);
        Map<AssetClass, Double> w = new EnumMap<>(AssetClass.class);
        w.put(AssetClass.EQUITY, 0.4);
        w.put(AssetClass.BOND, 0.3);
        w.put(AssetClass.SHORT_TERM, 0.1);
        w.put(AssetClass.GOLD, 0.1);
        w.put(AssetClass.OTHER, 0.1);
        Scenario scenario = new Scenario(Weights.of(w), data.firstDate(), data.lastDate(), 1.0, MissingDataPolicy.SKIP);
        engine = BatchEngine.prepare(data, scenario);
        driftPlan = engine.plan(drift);
        offPlan = engine.off();
        a = engine.newBatch(LANES, BatchEngine.Output.VALUES);
        b = engine.newBatch(LANES, BatchEngine.Output.VALUES);
        StationaryBootstrap sampler = new StationaryBootstrap(LANES, engine.rows(), 21, 1);
        idx = new int[LANES][];
        for (int j = 0; j < LANES; j++) {
            idx[j] = sampler.indices(j);
        }
        flowPaths = new FlowPaths(data, scenario, CashFlowSchedule.ofAmount(0.001, Frequency.MONTHLY,
                BaseDayPolicy.FIRST_TRADING_DAY));
    }

    /** A drift rule and OFF on 64 paths in the batch engine (no flows), per path. */
    @Benchmark
    @OperationsPerInvocation(LANES)
    public double batchDriftAndOff() {
        engine.run(driftPlan, idx, LANES, a);
        engine.run(offPlan, idx, LANES, b);
        return a.metrics(0).finalValue() + b.metrics(0).finalValue();
    }

    /** The same drift rule and OFF on one path with a monthly contribution, as the studies route it. */
    @Benchmark
    public double flowsDriftAndOff() {
        Sweep path = flowPaths.path(idx[next]);
        next = (next + 1) % LANES;
        return path.cell(drift).metrics().finalValue() + path.off().metrics().finalValue();
    }
}
