package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BatchEngine;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.PathResult;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioCalendar;
import foresto.engine.Sweep;
import foresto.engine.robust.BootstrapSummary.Quantiles;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The bootstrap study (SEMANTICS §12.4): J resampled histories of the scenario's window, rule A and rule B (empty:
 * OFF, buy-and-hold) run on each by the engine's batch loop ({@link BatchEngine}, 64 paths side by side, every
 * path bit for bit the single run on its market), and the summary over the paths.
 *
 * <p>Path j's market is the dataset with the held classes' returns on the window's dates d_1 … d_n (the calendar in
 * use) replaced by the window's row idx[t] ({@link StationaryBootstrap}; missing → 0 under ZERO, as §1); every other
 * row, and every date, is left as it is, so calendar rules (phase, day offset, the last trading day's look at the
 * next date) fire on the real calendar and f is the dataset's ({@link Resampler#market} builds that market; the batch
 * engine reads the window's rows through idx instead of copying it). Batches may run side by side; each path's sums
 * are sequential and everything is stored by path index, so the result does not depend on the number of threads.
 * The fans hold J × (n + 1) values per rule (see {@link Fan}). With a flow schedule every path runs through the
 * single-path engine instead ({@link FlowPaths}: the batch engine has no flows). Pure: no database, no JSON.
 */
public final class BootstrapStudy {
    /** The default number of paths J. */
    public static final int DEFAULT_PATHS = 1_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1;
    /** Paths run side by side in one batch of the engine ({@link BatchEngine}). */
    static final int LANES = 64;

    private BootstrapStudy() {
    }

    /** Progress: {@code done} of {@code total} paths have run (called from worker threads). */
    @FunctionalInterface
    public interface Progress {
        void pathsDone(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * The study's result.
     *
     * @param dates   the window's closes d_0 … d_n (the fans' dates)
     * @param finalA  path j's final value of A (index j), likewise B
     * @param fanA    A's bands per date: [0] p5, [1] p25, [2] p50, [3] p75, [4] p95
     */
    public record Result(PeriodsPerYear periodsPerYear, int paths, double block, long seed, LocalDate[] dates,
                         double[] finalA, double[] finalB, double pBeats, double pBeatsSe, Quantiles cagrDiff,
                         Quantiles maxDrawdownDiff, double[][] fanA, double[][] fanB, Depletions depletions) {
        /** A study without a flow schedule. */
        public Result(PeriodsPerYear periodsPerYear, int paths, double block, long seed, LocalDate[] dates,
                      double[] finalA, double[] finalB, double pBeats, double pBeatsSe, Quantiles cagrDiff,
                      Quantiles maxDrawdownDiff, double[][] fanA, double[][] fanB) {
            this(periodsPerYear, paths, block, seed, dates, finalA, finalB, pBeats, pBeatsSe, cagrDiff, maxDrawdownDiff,
                    fanA, fanB, null);
        }
    }

    /**
     * With a flow schedule: path j's depletion date of A and of B (null where the path was not depleted), by path
     * index.
     */
    public record Depletions(LocalDate[] a, LocalDate[] b) {
        /** The share of paths on which {@code side} was depleted. */
        public static double share(LocalDate[] side) {
            int n = 0;
            for (LocalDate d : side) {
                if (d != null) {
                    n++;
                }
            }
            return (double) n / side.length;
        }
    }

    /**
     * The resampler of a scenario's window: the window's dataset rows and its held classes' returns, and the
     * market of any path. Immutable and thread-safe.
     */
    public static final class Resampler {
        private final MarketData data;
        private final LocalDate[] allDates;
        private final int[] held;
        private final double[][] columns; // per held class (index into held), the dataset's column with NaN
        private final int[] windowRows; // dataset row of close t = 0 … n
        private final double[][] windowReturns; // per held class, row t = 1 … n of the window (missing → 0)
        private final LocalDate[] dates;
        private final PeriodsPerYear periodsPerYear;

        public Resampler(MarketData data, Scenario scenario) {
            this.data = data;
            ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
            this.dates = cal.dates();
            this.periodsPerYear = cal.periodsPerYear();
            this.held = scenario.targets().heldOrdinals();
            this.allDates = new LocalDate[data.size()];
            for (int i = 0; i < allDates.length; i++) {
                allDates[i] = data.date(i);
            }
            this.windowRows = new int[dates.length];
            int row = 0;
            for (int t = 0; t < dates.length; t++) {
                while (!allDates[row].equals(dates[t])) {
                    row++;
                }
                windowRows[t] = row;
            }
            this.columns = new double[held.length][];
            this.windowReturns = new double[held.length][];
            for (int h = 0; h < held.length; h++) {
                AssetClass c = AssetClass.of(held[h]);
                double[] col = new double[allDates.length];
                for (int i = 0; i < col.length; i++) {
                    col[i] = data.returnOf(c, i);
                }
                columns[h] = col;
                double[] w = new double[dates.length];
                for (int t = 1; t < dates.length; t++) {
                    double r = col[windowRows[t]];
                    w[t] = Double.isNaN(r) ? 0.0 : r;
                }
                windowReturns[h] = w;
            }
        }

        /** n: the window's dates after the purchase date. */
        public int rows() {
            return dates.length - 1;
        }

        /** The window's closes d_0 … d_n. */
        public LocalDate[] dates() {
            return dates.clone();
        }

        public PeriodsPerYear periodsPerYear() {
            return periodsPerYear;
        }

        /** The market of a path with index sequence {@code idx} (idx[t], t = 1 … n, a 1-based window row). */
        public MarketData market(int[] idx) {
            double[][] cols = new double[AssetClass.COUNT][];
            for (int h = 0; h < held.length; h++) {
                double[] col = columns[h].clone();
                double[] w = windowReturns[h];
                for (int t = 1; t < windowRows.length; t++) {
                    col[windowRows[t]] = w[idx[t]];
                }
                cols[held[h]] = col;
            }
            return MarketData.of(allDates, cols);
        }

        MarketData data() {
            return data;
        }
    }

    /**
     * Runs the study.
     *
     * @param ruleB     B, or empty for OFF (buy-and-hold)
     * @param paths     J, 1 … 100,000
     * @param block     b, a real ≥ 1, or null for max(1, round(f/12))
     * @param seed      an unsigned 64-bit integer held in a long
     * @param threads   how many paths may run side by side (≥ 1); the result is the same for any number
     * @param progress  told after each path
     * @param cancelled polled before each path; when true the study ends with a {@link CancellationException}
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule ruleA, Optional<RebalancingRule> ruleB,
                             int paths, Double block, long seed, int threads, Progress progress,
                             BooleanSupplier cancelled) {
        return run(data, scenario, ruleA, ruleB, null, paths, block, seed, threads, progress, cancelled);
    }

    /**
     * As {@link #run(MarketData, Scenario, RebalancingRule, Optional, int, Double, long, int, Progress, BooleanSupplier)}
     * with A and B on the flow schedule {@code flows} on every path (null: none, exactly that run). The paths are the
     * same J paths (same seed, same index sequences) and each run is the single run with that schedule on the path's
     * market ({@link FlowPaths}); the figures compared are the time-weighted ones a single run with the schedule
     * reports (§13.4), the final values are the value paths' own. INVALID_REQUEST when the schedule has no flow date
     * in the window.
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule ruleA, Optional<RebalancingRule> ruleB,
                             CashFlowSchedule flows, int paths, Double block, long seed, int threads, Progress progress,
                             BooleanSupplier cancelled) {
        Objects.requireNonNull(ruleA, "rule A");
        Objects.requireNonNull(ruleB, "rule B");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        StationaryBootstrap.requirePaths(paths);
        if (block != null) {
            StationaryBootstrap.requireMeanBlock(block);
        }
        if (ruleB.isPresent() && ruleB.get().equals(ruleA)) {
            throw new EngineException(EngineException.Kind.INVALID_REQUEST, "rule B (--versus) is rule A itself: "
                    + "compare A with another rule or with off (buy-and-hold)");
        }
        if (flows != null) {
            return withFlows(data, scenario, ruleA, ruleB, flows, paths, block, seed, threads, progress, cancelled);
        }
        BatchEngine engine = BatchEngine.prepare(data, scenario);
        PeriodsPerYear f = engine.periodsPerYear();
        double b = block != null ? block : StationaryBootstrap.defaultMeanBlock(f.value());
        StationaryBootstrap sampler = new StationaryBootstrap(paths, engine.rows(), b, seed);
        BatchEngine.Plan planA = engine.plan(ruleA);
        BatchEngine.Plan planB = ruleB.isPresent() ? engine.plan(ruleB.get()) : engine.off();
        int dates = engine.rows() + 1;
        Tally t = new Tally(paths, dates);
        AtomicInteger done = new AtomicInteger();
        int batches = (paths + LANES - 1) / LANES;
        // batch i holds paths i·LANES …; a path's numbers do not depend on its batch, lane or thread
        ThreadLocal<Lanes> buffers = ThreadLocal.withInitial(() -> new Lanes(engine, dates));
        Runnable all = () -> IntStream.range(0, batches).parallel().forEach(i -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the bootstrap study was cancelled");
            }
            Lanes buf = buffers.get();
            int first = i * LANES;
            int lanes = Math.min(LANES, paths - first);
            for (int l = 0; l < lanes; l++) {
                sampler.fill(first + l, buf.idx[l]);
            }
            engine.run(planA, buf.idx, lanes, buf.a);
            engine.run(planB, buf.idx, lanes, buf.b);
            for (int l = 0; l < lanes; l++) {
                int j = first + l;
                Metrics ma = buf.a.metrics(l);
                Metrics mb = buf.b.metrics(l);
                t.put(j, ma, mb);
            }
            t.fanA.put(first, buf.a);
            t.fanB.put(first, buf.b);
            progress.pathsDone(done.addAndGet(lanes), paths);
        });
        return t.finish(all, threads, cancelled, f, b, seed, engine.dates(), null);
    }

    private static Result withFlows(MarketData data, Scenario scenario, RebalancingRule ruleA,
                                    Optional<RebalancingRule> ruleB, CashFlowSchedule flows, int paths, Double block,
                                    long seed, int threads, Progress progress, BooleanSupplier cancelled) {
        FlowPaths engine = new FlowPaths(data, scenario, flows);
        Resampler resampler = engine.resampler();
        PeriodsPerYear f = resampler.periodsPerYear();
        double b = block != null ? block : StationaryBootstrap.defaultMeanBlock(f.value());
        StationaryBootstrap sampler = new StationaryBootstrap(paths, resampler.rows(), b, seed);
        int dates = resampler.rows() + 1;
        Tally t = new Tally(paths, dates);
        LocalDate[] depletedA = new LocalDate[paths];
        LocalDate[] depletedB = new LocalDate[paths];
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[dates]);
        Runnable all = () -> IntStream.range(0, paths).parallel().forEach(j -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the bootstrap study was cancelled");
            }
            int[] idx = buffers.get();
            sampler.fill(j, idx);
            Sweep path = engine.path(idx);
            PathResult a = path.cell(ruleA).on();
            PathResult bb = ruleB.isPresent() ? path.cell(ruleB.get()).on() : path.off();
            t.put(j, a.metrics(), bb.metrics());
            depletedA[j] = a.cashFlows().depletedOn();
            depletedB[j] = bb.cashFlows().depletedOn();
            t.fanA.put(j, a.values());
            t.fanB.put(j, bb.values());
            progress.pathsDone(done.incrementAndGet(), paths);
        });
        return t.finish(all, threads, cancelled, f, b, seed, resampler.dates(), new Depletions(depletedA, depletedB));
    }

    /** What every path of a study leaves behind (its finals, CAGRs, drawdowns and fan values), and the summing up. */
    private static final class Tally {
        final Fan fanA;
        final Fan fanB;
        final double[] finalA;
        final double[] finalB;
        final double[] cagrA;
        final double[] cagrB;
        final double[] mddA;
        final double[] mddB;
        private final int paths;
        private final int dates;

        Tally(int paths, int dates) {
            this.paths = paths;
            this.dates = dates;
            fanA = new Fan(paths, dates);
            fanB = new Fan(paths, dates);
            finalA = new double[paths];
            finalB = new double[paths];
            cagrA = new double[paths];
            cagrB = new double[paths];
            mddA = new double[paths];
            mddB = new double[paths];
        }

        void put(int j, Metrics a, Metrics b) {
            finalA[j] = a.finalValue();
            finalB[j] = b.finalValue();
            cagrA[j] = a.cagr();
            cagrB[j] = b.cagr();
            mddA[j] = a.maxDrawdown();
            mddB[j] = b.maxDrawdown();
        }

        /**
         * Runs {@code all} (every path) on {@code threads}, then each date's bands (independent of the other dates:
         * sorted side by side after every path has run), and sums the study up.
         */
        Result finish(Runnable all, int threads, BooleanSupplier cancelled, PeriodsPerYear f, double b, long seed,
                      LocalDate[] resultDates, Depletions depletions) {
            double[][] bandsA = new double[5][dates];
            double[][] bandsB = new double[5][dates];
            Runnable bands = () -> IntStream.range(0, dates).parallel().forEach(t -> {
                putBands(bandsA, t, fanA.at(t));
                putBands(bandsB, t, fanB.at(t));
            });
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                Pools.await(pool, all, "the bootstrap study");
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("the bootstrap study was cancelled");
                }
                Pools.await(pool, bands, "the bootstrap study");
            } finally {
                pool.shutdownNow();
            }
            double p = BootstrapSummary.pBeats(finalA, finalB);
            return new Result(f, paths, b, seed, resultDates, finalA, finalB, p,
                    BootstrapSummary.standardError(p, paths),
                    Quantiles.of(BootstrapSummary.differences(cagrA, cagrB)),
                    Quantiles.of(BootstrapSummary.differences(mddA, mddB)), bandsA, bandsB, depletions);
        }
    }

    /** Date t's bands into series [0] p5 … [4] p95, as {@link Fan#bands()} lays them out. */
    private static void putBands(double[][] out, int t, Quantiles q) {
        out[0][t] = q.p5();
        out[1][t] = q.p25();
        out[2][t] = q.median();
        out[3][t] = q.p75();
        out[4][t] = q.p95();
    }

    /** One worker thread's index sequences and batch buffers, reused for every batch it runs. */
    private static final class Lanes {
        final int[][] idx;
        final BatchEngine.Batch a;
        final BatchEngine.Batch b;

        Lanes(BatchEngine engine, int dates) {
            idx = new int[LANES][dates];
            a = engine.newBatch(LANES, BatchEngine.Output.VALUES);
            b = engine.newBatch(LANES, BatchEngine.Output.VALUES);
        }
    }
}
