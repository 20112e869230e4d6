package foresto.backtest;

import foresto.csv.CsvWriter;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Sweep;
import foresto.engine.robust.RobustSweep;
import foresto.model.SideFlows;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs a sweep for any face (the {@code sweep} command, the app's Sweep tab): rules × cost rates on one
 * scenario, cells in parallel on all cores (each the single-run path loop, so order and numbers never depend on
 * the threads), cost drag and break-even per rule, progress as cells done, cancellable between cells. With a
 * {@link Bootstrap} it is a robust sweep (SEMANTICS §12.4): every cell is also run against OFF on the same J resampled
 * histories ({@link RobustSweep}) and its row gains P(beats OFF), its standard error and the CAGR difference's p5,
 * median and p95; without one the output is exactly the plain sweep's.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /**
     * One cell of the grid, in the words of the {@code sweep} JSON; {@code robust} is null unless the sweep ran with a
     * bootstrap.
     */
    public record Row(String rule, double costRate, String check, Double rebalanceTo, Metrics metrics,
                      double turnoverPerYear, double trackingError, double costDrag, Double breakEvenCostRate,
                      Robust robust, Flows flows) {

        /** A cell of a sweep without a flow schedule ({@code flows} null). */
        public Row(String rule, double costRate, String check, Double rebalanceTo, Metrics metrics,
                   double turnoverPerYear, double trackingError, double costDrag, Double breakEvenCostRate,
                   Robust robust) {
            this(rule, costRate, check, rebalanceTo, metrics, turnoverPerYear, trackingError, costDrag,
                    breakEvenCostRate, robust, null);
        }

        /** The cell as the {@code sweep} JSON and CSV write it, in {@link #columns} order. */
        public Map<String, Object> fields() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("rule", rule);
            o.put("cost_rate", costRate);
            o.put("check", check);
            o.put("rebalance_to", rebalanceTo);
            for (Metric m : Metric.sweepCells()) {
                o.put(m.key(), m.boxed(m.of(this)));
            }
            if (flows != null) {
                o.put("contributed", flows.contributed());
                o.put("withdrawn", flows.withdrawn());
                o.put("net_flow", flows.netFlow());
                o.put("depleted_on", flows.depletedOn() == null ? null : flows.depletedOn().toString());
                o.put("twr_cagr", flows.twrCagr());
                o.put("mwr", flows.mwr());
            }
            if (robust != null) {
                o.put("p_beats_off", robust.pBeatsOff());
                o.put("p_beats_off_se", robust.pBeatsOffSe());
                o.put("cagr_diff_p5", robust.cagrDiffP5());
                o.put("cagr_diff_median", robust.cagrDiffMedian());
                o.put("cagr_diff_p95", robust.cagrDiffP95());
            }
            return o;
        }
    }

    /**
     * A robust sweep's request (SEMANTICS §12.4): J paths (1 … 100,000), the mean block length b (a real ≥ 1, or
     * null for max(1, round(f/12))) and the seed (an unsigned 64-bit integer held in a long).
     */
    public record Bootstrap(int paths, Double block, long seed) {
    }

    /** What a robust sweep ran with: J, b (its default filled in) and the seed. */
    public record Bootstrapped(int paths, double block, long seed) {
    }

    /**
     * A cell against OFF on the robust sweep's J paths, as fractions: the share of paths on which the cell's final
     * value is above OFF's, its standard error, and p5 / median / p95 of CAGR_cell − CAGR_OFF.
     */
    public record Robust(double pBeatsOff, double pBeatsOffSe, double cagrDiffP5, double cagrDiffMedian,
                         double cagrDiffP95) {
    }

    /** The columns of a sweep grid (JSON keys and CSV header): the cell's rule, then its metrics. */
    public static final List<String> COLUMNS = Stream.concat(Stream.of("rule", "cost_rate", "check", "rebalance_to"),
            Metric.sweepCells().stream().map(Metric::key)).toList();

    /**
     * A cell's ON side on the sweep's flow schedule (SEMANTICS §13.4), as {@code simulate} writes a side's keys but
     * without the list of flows: the totals, the depletion date (null if never), the time-weighted CAGR (the cell's
     * {@code cagr} too) and the money-weighted return (null when XIRR has no root).
     */
    public record Flows(double contributed, double withdrawn, double netFlow, LocalDate depletedOn, double twrCagr,
                        Double mwr) {
        static Flows of(CashFlowResult r) {
            OptionalDouble mwr = r.mwr();
            return new Flows(r.contributed(), r.withdrawn(), r.netFlow(), r.depletedOn(), r.twrCagr(),
                    mwr.isPresent() ? mwr.getAsDouble() : null);
        }
    }

    /** The columns a sweep on a flow schedule adds to every cell, after {@link #COLUMNS}. */
    public static final List<String> FLOW_COLUMNS = List.of("contributed", "withdrawn", "net_flow", "depleted_on",
            "twr_cagr", "mwr");

    /** The columns a robust sweep's cells add after {@link #COLUMNS} (and {@link #FLOW_COLUMNS} on a schedule). */
    public static final List<String> ROBUST_COLUMNS = List.of("p_beats_off", "p_beats_off_se", "cagr_diff_p5",
            "cagr_diff_median", "cagr_diff_p95");

    /**
     * The columns of this grid: {@link #COLUMNS}, then {@link #FLOW_COLUMNS} when it ran on a flow schedule, then
     * {@link #ROBUST_COLUMNS} when it ran with a bootstrap.
     */
    public static List<String> columns(Result result) {
        List<String> flows = result.offFlows() == null ? List.of() : FLOW_COLUMNS;
        List<String> robust = result.bootstrap() == null ? List.of() : ROBUST_COLUMNS;
        return Stream.of(COLUMNS, flows, robust).flatMap(List::stream).toList();
    }

    /** Writes the grid through the shared Excel-safe CSV writer. */
    public static void writeCsv(Path file, Result result) {
        List<String> columns = columns(result);
        List<List<String>> cells = new ArrayList<>();
        for (Row row : result.rows()) {
            var f = row.fields();
            cells.add(columns.stream().map(k -> f.get(k) == null ? "" : f.get(k).toString()).toList());
        }
        try {
            CsvWriter.write(file, columns, cells);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * The grid: {@code rows} in rule-major order (all cost rates of the first rule, then the next rule …);
     * {@code dates}: the calendar every cell ran on (OFF's path dates; shared, not copied); {@code bootstrap}: what
     * the robust sweep ran with, or null for a plain sweep; {@code offFlows}: OFF's cash flows when the sweep ran on a
     * flow schedule (every cell ran on the same one), else null.
     */
    public record Result(Metrics off, List<String> rules, List<Double> costRates, List<Row> rows,
                         PeriodsPerYear periodsPerYear, LocalDate[] dates, Bootstrapped bootstrap, SideFlows offFlows) {
        public Result(Metrics off, List<String> rules, List<Double> costRates, List<Row> rows,
                      PeriodsPerYear periodsPerYear, LocalDate[] dates, Bootstrapped bootstrap) {
            this(off, rules, costRates, rows, periodsPerYear, dates, bootstrap, null);
        }

        public Row at(int rule, int cost) {
            return rows.get(rule * costRates.size() + cost);
        }
    }

    /** Progress of a sweep: {@code done} of {@code total} units (a cell; with a bootstrap also a cell on one path). */
    @FunctionalInterface
    public interface Progress {
        void done(long done, long total);
    }

    /**
     * The rules of a sweep at cost 0, validated; a bad one is INVALID_RULE quoting it. {@code check} and
     * {@code rebalanceTo} apply to its drift rules only.
     */
    public static List<RebalancingRule> rules(List<String> specs, String baseDay, String check, Double rebalanceTo) {
        List<RebalancingRule> out = new ArrayList<>();
        for (String s : specs) {
            try {
                // the check calendar and the trade-back apply to the sweep's drift rules; calendars have neither
                RebalancingRule bare = InlineRule.of(s.trim(), baseDay, 0.0, null, null);
                out.add(RuleCodec.takesShape(bare) ? InlineRule.of(s.trim(), baseDay, 0.0, check, rebalanceTo) : bare);
            } catch (ForestoException | EngineException e) {
                throw new ForestoException(ErrorCode.INVALID_RULE, "bad sweep rule '" + s + "': " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * @param progress receives the number of cells done (from worker threads)
     * @param cancelled polled before each cell; when true the sweep ends with a CancellationException
     */
    public static Result run(MarketData data, Scenario scenario, List<RebalancingRule> free, List<Double> costs,
                             IntConsumer progress, BooleanSupplier cancelled) {
        return run(data, scenario, free, costs, null, (done, total) -> progress.accept((int) done), cancelled);
    }

    /**
     * A sweep, robust when {@code bootstrap} is not null: first the plain grid, then every cell against OFF on the
     * same J paths. Bad bootstrap parameters (J outside 1 … 100,000, b &lt; 1, more than
     * {@link RobustSweep#MAX_PATH_CELLS} cells × paths) are INVALID_REQUEST before anything runs.
     *
     * @param progress receives units done of the total: one per cell, then one per cell and path (from worker threads)
     * @param cancelled polled before each cell (and, robust, before each path and each cell on a chunk of paths)
     */
    public static Result run(MarketData data, Scenario scenario, List<RebalancingRule> free, List<Double> costs,
                             Bootstrap bootstrap, Progress progress, BooleanSupplier cancelled) {
        return run(data, scenario, free, costs, null, bootstrap, progress, cancelled);
    }

    /**
     * As {@link #run(MarketData, Scenario, List, List, Bootstrap, Progress, BooleanSupplier)} with every cell and OFF
     * on the flow schedule {@code flows} (null: none). With a schedule a cell's break-even cost rate is null (its final
     * value is no product of its trades' costs) and its row carries its ON side's {@link Flows}; a robust sweep runs
     * every cell and OFF on the schedule on each resampled path too.
     */
    public static Result run(MarketData data, Scenario scenario, List<RebalancingRule> free, List<Double> costs,
                             CashFlowSchedule flows, Bootstrap bootstrap, Progress progress, BooleanSupplier cancelled) {
        long cellCount = (long) free.size() * costs.size();
        if (cellCount > SweepSpec.MAX_CELLS) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "a sweep takes at most " + SweepSpec.MAX_CELLS
                    + " cells, this one " + cellCount);
        }
        if (bootstrap != null) {
            try {
                RobustSweep.check(cellCount, bootstrap.paths(), bootstrap.block());
            } catch (EngineException e) {
                throw Failures.of(e);
            }
        }
        long total = cellCount + (bootstrap == null ? 0 : cellCount * bootstrap.paths());
        Sweep sweep;
        try {
            sweep = Sweep.prepare(data, scenario, flows, true);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
        int r = free.size();
        int c = costs.size();
        AtomicInteger done = new AtomicInteger();
        // each cell is reduced to its row as soon as it is computed: a cell holds its whole path (values, weights per
        // close, events; ~0.3 MB for 29 years of 5 classes), so keeping them all ran out of memory long before the
        // largest sweep allowed. Of a rule's cell at cost 0 only what the rule's other cells are compared with is kept.
        Row[] atZero = IntStream.range(0, r).parallel().mapToObj(i -> {
            checkCancelled(cancelled);
            Sweep.Cell cell = sweep.cell(free.get(i));
            return row(cell, cell.metrics().finalValue(), sweep.breakEvenCostRate(cell));
        }).toArray(Row[]::new);
        Row[] rows = IntStream.range(0, r * c).parallel().mapToObj(i -> {
            checkCancelled(cancelled);
            Row zero = atZero[i / c];
            Row row = costs.get(i % c) == 0 ? zero : row(sweep.cell(free.get(i / c).withCostRate(costs.get(i % c))),
                    zero.metrics().finalValue(), zero.breakEvenCostRate() == null ? Double.NaN : zero.breakEvenCostRate());
            progress.done(done.incrementAndGet(), total);
            return row;
        }).toArray(Row[]::new);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            names.add(RuleCodec.spec(free.get(i)));
        }
        SideFlows offFlows = flows == null ? null : SideFlows.of(sweep.off().cashFlows());
        if (bootstrap == null) {
            return new Result(sweep.off().metrics(), names, List.copyOf(costs), List.of(rows), sweep.periodsPerYear(),
                    sweep.off().dates(), null, offFlows);
        }
        List<RebalancingRule> cells = new ArrayList<>();
        for (int i = 0; i < r * c; i++) {
            cells.add(costs.get(i % c) == 0 ? free.get(i / c) : free.get(i / c).withCostRate(costs.get(i % c)));
        }
        RobustSweep.Result robust;
        try {
            robust = RobustSweep.run(data, scenario, cells, flows, bootstrap.paths(), bootstrap.block(), bootstrap.seed(),
                    Runtime.getRuntime().availableProcessors(), (d, t) -> progress.done(cellCount + d, total), cancelled);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
        List<Row> robustRows = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            RobustSweep.Cell cell = robust.cells().get(i);
            Row p = rows[i];
            robustRows.add(new Row(p.rule(), p.costRate(), p.check(), p.rebalanceTo(), p.metrics(), p.turnoverPerYear(),
                    p.trackingError(), p.costDrag(), p.breakEvenCostRate(), new Robust(cell.pBeatsOff(), cell.pBeatsOffSe(),
                    cell.cagrDiff().p5(), cell.cagrDiff().median(), cell.cagrDiff().p95()), p.flows()));
        }
        return new Result(sweep.off().metrics(), names, List.copyOf(costs), List.copyOf(robustRows), sweep.periodsPerYear(),
                sweep.off().dates(), new Bootstrapped(robust.paths(), robust.block(), robust.seed()), offFlows);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the sweep was cancelled");
        }
    }

    /** {@code freeFinal}: the final value of the same rule at cost 0. */
    private static Row row(Sweep.Cell cell, double freeFinal, double breakEven) {
        RebalancingRule rule = cell.rule();
        return new Row(RuleCodec.spec(rule), rule.costRate(),
                rule.match(p -> null, d -> d.check().name().toLowerCase(Locale.ROOT)),
                rule.match(p -> null, d -> d.rebalanceTo()), cell.metrics(), cell.turnoverPerYear(), cell.trackingError(),
                freeFinal - cell.metrics().finalValue(), Double.isNaN(breakEven) ? null : breakEven, null,
                cell.on().hasCashFlows() ? Flows.of(cell.on().cashFlows()) : null);
    }
}
