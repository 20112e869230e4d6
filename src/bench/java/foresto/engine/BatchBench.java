package foresto.engine;

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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Path-simulations of 30 years × 5 asset classes (~7,560 trading days), single-threaded: the batch engine on 64
 * resampled paths at once ({@code batch*}, reported per path through {@link OperationsPerInvocation}) against the
 * single-path engine's ON path on the same window ({@code single*}, calendar prepared once, as in
 * {@link SimulationBench}). Both give every path's metrics; the batch keeps no value paths ({@code SUMMARY}) except
 * in {@code batchDriftValues}, which keeps them as the bootstrap's fan does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBench {
    static final int LANES = 64;
    MarketData data;
    Scenario scenario;
    ScenarioCalendar calendar;
    BatchEngine engine;
    int[][] idx;
    BatchEngine.Plan monthlyPlan;
    BatchEngine.Plan driftPlan;
    BatchEngine.Plan hybridPlan;
    BatchEngine.Plan offPlan;
    BatchEngine.Batch summary;
    BatchEngine.Batch values;
    final RebalancingRule monthly = new RebalancingRule.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    final RebalancingRule drift = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    final RebalancingRule hybrid = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25,
            CheckFrequency.DAILY, 0.5);

    @Setup
    public void setUp() {
        BenchMarket m = BenchMarket.thirtyYearsFiveClasses();
        data = m.data;
        scenario = m.scenario;
        calendar = m.calendar;
        engine = BatchEngine.of(calendar, scenario);
        idx = blocks(engine.rows(), 21, 7);
        monthlyPlan = engine.plan(monthly);
        driftPlan = engine.plan(drift);
        hybridPlan = engine.plan(hybrid);
        offPlan = engine.off();
        summary = engine.newBatch(LANES, BatchEngine.Output.SUMMARY);
        values = engine.newBatch(LANES, BatchEngine.Output.VALUES);
    }

    /** 64 stationary-bootstrap-like index sequences (mean block b), as the bootstrap study draws them. */
    static int[][] blocks(int n, double b, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] idx = new int[LANES][n + 1];
        for (int[] ix : idx) {
            ix[1] = 1 + rnd.nextInt(n);
            for (int t = 2; t <= n; t++) {
                ix[t] = rnd.nextDouble() < 1 / b ? 1 + rnd.nextInt(n) : ix[t - 1] == n ? 1 : ix[t - 1] + 1;
            }
        }
        return idx;
    }

    @Benchmark
    @OperationsPerInvocation(LANES)
    public BatchEngine.Batch batchMonthly() {
        engine.run(monthlyPlan, idx, LANES, summary);
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(LANES)
    public BatchEngine.Batch batchDrift() {
        engine.run(driftPlan, idx, LANES, summary);
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(LANES)
    public BatchEngine.Batch batchHybrid() {
        engine.run(hybridPlan, idx, LANES, summary);
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(LANES)
    public BatchEngine.Batch batchOff() {
        engine.run(offPlan, idx, LANES, summary);
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(LANES)
    public BatchEngine.Batch batchDriftValues() {
        engine.run(driftPlan, idx, LANES, values);
        return values;
    }

    @Benchmark
    public PathResult singleMonthly() {
        return PathLoop.run(calendar, scenario, monthly, false);
    }

    @Benchmark
    public PathResult singleDrift() {
        return PathLoop.run(calendar, scenario, drift, false);
    }

    @Benchmark
    public PathResult singleOff() {
        return BuyAndHold.run(calendar, scenario, false);
    }
}
