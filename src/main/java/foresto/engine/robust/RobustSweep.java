package foresto.engine.robust;

import foresto.engine.BatchEngine;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Sweep;
import foresto.engine.robust.BootstrapSummary.Quantiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The robust sweep (SEMANTICS §12.4, last item): every cell of a sweep (a rule with its cost rate) against OFF on
 * the same J resampled histories — path j is the one {@link BootstrapStudy} draws for path j, whatever the cell —
 * so each cell's P(beats OFF), its standard error and the percentiles of its CAGR difference are exactly those of a
 * bootstrap study of that cell's rule against OFF with the same J, b and seed.
 *
 * <p>Runs on the engine's batch loop ({@link BatchEngine}): {@link #CHUNK} paths side by side, OFF and then every
 * cell on the same lanes, each lane bit for bit the single-path run of that path's market (no market is copied).
 * Memory: paths are taken {@link #CHUNK} at a time per thread, every cell runs on them, and
 * they are dropped before the next chunk. Per cell only the J final values and CAGR differences are kept (16 bytes a
 * path-cell), hence the bound {@link #MAX_PATH_CELLS}. Every figure is stored by (cell, path), each path's sums are
 * sequential, and the summaries are computed after every path has run, so the result does not depend on the number
 * of threads. With a flow schedule each path runs through the single-path engine instead ({@link FlowPaths}), one
 * path per thread at a time. Pure: no database, no JSON.
 */
public final class RobustSweep {
    /** The most path-cells (cells × J) one robust sweep may run: 16 bytes each are kept, 160 MB at most. */
    public static final long MAX_PATH_CELLS = 10_000_000L;
    /** Paths run side by side in one batch of the engine. */
    static final int CHUNK = 64;

    private RobustSweep() {
    }

    /** Progress: {@code done} of {@code total} path-cells (cells × J) have run (called from worker threads). */
    @FunctionalInterface
    public interface Progress {
        void pathCellsDone(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    /** One cell against OFF on the J paths: P(beats OFF) with its standard error, and the CAGR difference's percentiles. */
    public record Cell(double pBeatsOff, double pBeatsOffSe, Quantiles cagrDiff) {
    }

    /** The sweep's figures: the parameters used ({@code block} with its default filled in) and a cell per rule, in order. */
    public record Result(PeriodsPerYear periodsPerYear, int paths, double block, long seed, List<Cell> cells) {
    }

    /**
     * Throws INVALID_REQUEST unless 1 ≤ J ≤ 100,000, b (when given) is a real ≥ 1 and cells × J ≤
     * {@link #MAX_PATH_CELLS}; nothing runs before these checks.
     */
    public static void check(long cells, int paths, Double block) {
        StationaryBootstrap.requirePaths(paths);
        if (block != null) {
            StationaryBootstrap.requireMeanBlock(block);
        }
        if (cells * paths > MAX_PATH_CELLS) {
            throw new EngineException(EngineException.Kind.INVALID_REQUEST, "a robust sweep runs at most "
                    + String.format(Locale.ROOT, "%,d", MAX_PATH_CELLS) + " cells × paths, this one " + cells + " × " + paths
                    + " = " + String.format(Locale.ROOT, "%,d", cells * paths) + ": fewer cells or fewer paths");
        }
    }

    /**
     * Runs every cell against OFF on the same J paths.
     *
     * @param cells     the cells' rules, each with its cost rate
     * @param block     b, or null for max(1, round(f/12))
     * @param seed      an unsigned 64-bit integer held in a long
     * @param threads   how many tasks may run side by side (≥ 1); the result is the same for any number
     * @param progress  told after each cell has run on a batch of paths
     * @param cancelled polled before each path is drawn and before each cell runs on a batch; when true the sweep ends with
     *                  a {@link CancellationException}
     */
    public static Result run(MarketData data, Scenario scenario, List<RebalancingRule> cells, int paths, Double block,
                             long seed, int threads, Progress progress, BooleanSupplier cancelled) {
        return run(data, scenario, cells, null, paths, block, seed, threads, progress, cancelled);
    }

    /**
     * As {@link #run(MarketData, Scenario, List, int, Double, long, int, Progress, BooleanSupplier)} with OFF and every
     * cell on the flow schedule {@code flows} on every path (null: none, exactly that run): the same J paths, each run
     * the single run with that schedule on the path's market ({@link FlowPaths}; the batch engine has no flows), so a
     * cell's figures are exactly those of a bootstrap study of its rule against OFF with the same schedule. One path is
     * held per thread at a time: its OFF run and then one cell's run, reduced to two numbers before the next.
     */
    public static Result run(MarketData data, Scenario scenario, List<RebalancingRule> cells, CashFlowSchedule flows,
                             int paths, Double block, long seed, int threads, Progress progress,
                             BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        List<RebalancingRule> rules = List.copyOf(cells);
        check(rules.size(), paths, block);
        if (flows != null) {
            return withFlows(data, scenario, rules, flows, paths, block, seed, threads, progress, cancelled);
        }
        BatchEngine engine = BatchEngine.prepare(data, scenario);
        PeriodsPerYear f = engine.periodsPerYear();
        double b = block != null ? block : StationaryBootstrap.defaultMeanBlock(f.value());
        StationaryBootstrap sampler = new StationaryBootstrap(paths, engine.rows(), b, seed);
        int n = rules.size();
        BatchEngine.Plan off = engine.off();
        List<BatchEngine.Plan> plans = new ArrayList<>(n);
        for (RebalancingRule rule : rules) {
            plans.add(engine.plan(rule));
        }
        double[] offFinal = new double[paths];
        double[][] finals = new double[n][paths];
        double[][] cagrDiffs = new double[n][paths];
        long total = (long) n * paths;
        AtomicLong done = new AtomicLong();
        int batches = (paths + CHUNK - 1) / CHUNK;
        int dates = engine.rows() + 1;
        // batch i holds paths i·CHUNK …; a path's numbers do not depend on its batch, lane or thread
        ThreadLocal<Lanes> buffers = ThreadLocal.withInitial(() -> new Lanes(engine, dates));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Pools.await(pool, () -> IntStream.range(0, batches).parallel().forEach(i -> {
                checkCancelled(cancelled);
                Lanes buf = buffers.get();
                int first = i * CHUNK;
                int lanes = Math.min(CHUNK, paths - first);
                for (int l = 0; l < lanes; l++) {
                    checkCancelled(cancelled);
                    sampler.fill(first + l, buf.idx[l]);
                }
                engine.run(off, buf.idx, lanes, buf.off);
                for (int c = 0; c < n; c++) {
                    checkCancelled(cancelled);
                    engine.run(plans.get(c), buf.idx, lanes, buf.on);
                    for (int l = 0; l < lanes; l++) {
                        Metrics on = buf.on.metrics(l);
                        finals[c][first + l] = on.finalValue();
                        cagrDiffs[c][first + l] = on.cagr() - buf.off.metrics(l).cagr();
                    }
                    progress.pathCellsDone(done.addAndGet(lanes), total);
                }
                for (int l = 0; l < lanes; l++) {
                    offFinal[first + l] = buf.off.metrics(l).finalValue();
                }
            }), "the robust sweep");
        } finally {
            pool.shutdownNow();
        }
        checkCancelled(cancelled);
        return new Result(f, paths, b, seed, cells(finals, cagrDiffs, offFinal, paths));
    }

    private static Result withFlows(MarketData data, Scenario scenario, List<RebalancingRule> rules,
                                    CashFlowSchedule flows, int paths, Double block, long seed, int threads,
                                    Progress progress, BooleanSupplier cancelled) {
        FlowPaths engine = new FlowPaths(data, scenario, flows);
        PeriodsPerYear f = engine.resampler().periodsPerYear();
        double b = block != null ? block : StationaryBootstrap.defaultMeanBlock(f.value());
        StationaryBootstrap sampler = new StationaryBootstrap(paths, engine.resampler().rows(), b, seed);
        int n = rules.size();
        double[] offFinal = new double[paths];
        double[][] finals = new double[n][paths];
        double[][] cagrDiffs = new double[n][paths];
        long total = (long) n * paths;
        AtomicLong done = new AtomicLong();
        int dates = engine.resampler().rows() + 1;
        ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[dates]);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Pools.await(pool, () -> IntStream.range(0, paths).parallel().forEach(j -> {
                checkCancelled(cancelled);
                int[] idx = buffers.get();
                sampler.fill(j, idx);
                Sweep path = engine.path(idx);
                Metrics off = path.off().metrics();
                offFinal[j] = off.finalValue();
                for (int c = 0; c < n; c++) {
                    checkCancelled(cancelled);
                    Metrics on = path.cell(rules.get(c)).metrics();
                    finals[c][j] = on.finalValue();
                    cagrDiffs[c][j] = on.cagr() - off.cagr();
                    progress.pathCellsDone(done.incrementAndGet(), total);
                }
            }), "the robust sweep");
        } finally {
            pool.shutdownNow();
        }
        checkCancelled(cancelled);
        return new Result(f, paths, b, seed, cells(finals, cagrDiffs, offFinal, paths));
    }

    /** Each cell summed up against OFF; what is summarised is let go as it goes. */
    private static List<Cell> cells(double[][] finals, double[][] cagrDiffs, double[] offFinal, int paths) {
        List<Cell> out = new ArrayList<>(finals.length);
        for (int c = 0; c < finals.length; c++) {
            double p = BootstrapSummary.pBeats(finals[c], offFinal);
            out.add(new Cell(p, BootstrapSummary.standardError(p, paths), Quantiles.of(cagrDiffs[c])));
            finals[c] = null;
            cagrDiffs[c] = null;
        }
        return List.copyOf(out);
    }

    /** One worker thread's index sequences and batch buffers (summary figures only), reused for every batch. */
    private static final class Lanes {
        final int[][] idx;
        final BatchEngine.Batch off;
        final BatchEngine.Batch on;

        Lanes(BatchEngine engine, int dates) {
            idx = new int[CHUNK][dates];
            off = engine.newBatch(CHUNK, BatchEngine.Output.SUMMARY);
            on = engine.newBatch(CHUNK, BatchEngine.Output.SUMMARY);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the robust sweep was cancelled");
        }
    }
}
