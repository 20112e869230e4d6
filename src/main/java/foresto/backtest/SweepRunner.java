package foresto.backtest;

import foresto.csv.CsvWriter;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Sweep;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs a sweep for any face (the {@code sweep} command, the app's Sweep tab): rules × cost rates on one
 * scenario, cells in parallel on all cores (each the single-run path loop, so order and numbers never depend on
 * the threads), cost drag and break-even per rule, progress as cells done, cancellable between cells.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /** One cell of the grid, in the words of the {@code sweep} JSON. */
    public record Row(String rule, double costRate, String check, Double rebalanceTo, Metrics metrics,
                      double turnoverPerYear, double trackingError, double costDrag, Double breakEvenCostRate) {

        /** The cell as the {@code sweep} JSON and CSV write it, in {@link #COLUMNS} order. */
        public Map<String, Object> fields() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("rule", rule);
            o.put("cost_rate", costRate);
            o.put("check", check);
            o.put("rebalance_to", rebalanceTo);
            for (Metric m : Metric.sweepCells()) {
                o.put(m.key(), m.boxed(m.of(this)));
            }
            return o;
        }
    }

    /** The columns of a sweep grid (JSON keys and CSV header): the cell's rule, then its metrics. */
    public static final List<String> COLUMNS = Stream.concat(Stream.of("rule", "cost_rate", "check", "rebalance_to"),
            Metric.sweepCells().stream().map(Metric::key)).toList();

    /** Writes the grid through the shared Excel-safe CSV writer. */
    public static void writeCsv(Path file, Result result) {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : result.rows()) {
            var f = row.fields();
            cells.add(COLUMNS.stream().map(k -> f.get(k) == null ? "" : f.get(k).toString()).toList());
        }
        try {
            CsvWriter.write(file, COLUMNS, cells);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The grid: {@code rows} in rule-major order (all cost rates of the first rule, then the next rule …). */
    /** {@code dates}: the calendar every cell ran on (OFF's path dates; shared, not copied). */
    public record Result(Metrics off, List<String> rules, List<Double> costRates, List<Row> rows,
                         PeriodsPerYear periodsPerYear, LocalDate[] dates) {
        public Row at(int rule, int cost) {
            return rows.get(rule * costRates.size() + cost);
        }
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
        if ((long) free.size() * costs.size() > SweepSpec.MAX_CELLS) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "a sweep takes at most " + SweepSpec.MAX_CELLS
                    + " cells, this one " + (long) free.size() * costs.size());
        }
        Sweep sweep;
        try {
            sweep = Sweep.prepare(data, scenario);
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
            progress.accept(done.incrementAndGet());
            return row;
        }).toArray(Row[]::new);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            names.add(RuleCodec.spec(free.get(i)));
        }
        return new Result(sweep.off().metrics(), names, List.copyOf(costs), List.of(rows), sweep.periodsPerYear(),
                sweep.off().dates());
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
                freeFinal - cell.metrics().finalValue(), Double.isNaN(breakEven) ? null : breakEven);
    }
}
