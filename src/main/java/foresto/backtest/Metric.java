package foresto.backtest;

import foresto.engine.Metrics;
import foresto.engine.PathStats;
import foresto.text.DisplayNumber;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Every figure the lab reports about a path, in one list: its JSON key (also the sweep CSV header), its name in the
 * Summary grid, its title in the Sweep tab (table column, heatmap), its name for {@code sweep --metric}, how it is
 * computed, its unit and whether more is better. The Summary grid, the sweep's table, heatmap picker, CSV and JSON,
 * the run and report JSON and the CLI help all iterate this list; the declaration order is the order of the
 * Summary grid, of the JSON keys and of the CSV columns.
 *
 * <p>Where the faces disagree today their outputs are kept: the Summary says "Volatility (ann.)", the Sweep
 * "Volatility"; {@code sweep --metric} says {@code events} and {@code cost} for the keys {@code event_count} and
 * {@code total_cost}; the heatmap picker lists turnover per year before total cost (each metric's place in the picker).
 *
 * <p>A new component of {@link Metrics} must be a {@code double} (a run stored before it reads it as NaN: see
 * {@code RunRepository.readSummary}) and needs its line here, in {@link Metrics}' order, or {@code MetricTest} fails.
 */
public enum Metric {
    FINAL_VALUE("final_value", Unit.MONEY, Better.HIGHER, Source.metrics(Metrics::finalValue),
            Show.summary("Final value").sweep("Final value").table().heatmap(1, "final_value").offReference()),
    TOTAL_RETURN("total_return", Unit.FRACTION, Better.HIGHER, Source.metrics(Metrics::totalReturn),
            Show.summary("Total return")),
    CAGR("cagr", Unit.FRACTION, Better.HIGHER, Source.metrics(Metrics::cagr),
            Show.summary("CAGR").sweep("CAGR").table().heatmap(2, "cagr").offReference()),
    VOLATILITY("volatility", Unit.FRACTION, Better.LOWER, Source.metrics(Metrics::volatility),
            Show.summary("Volatility (ann.)").sweep("Volatility").table().heatmap(3, "volatility").offReference()),
    MAX_DRAWDOWN("max_drawdown", Unit.FRACTION, Better.LOWER, Source.metrics(Metrics::maxDrawdown),
            Show.summary("Max drawdown").sweep("Max drawdown").table().heatmap(4, "max_drawdown").offReference()),
    EVENT_COUNT("event_count", Unit.COUNT, Better.LOWER, Source.metrics(Metrics::eventCount),
            Show.summary("Events").sweep("Events").table().heatmap(5, "events")),
    TOTAL_TURNOVER("total_turnover", Unit.FRACTION, Better.LOWER, Source.metrics(Metrics::totalTurnover),
            Show.summary("Total turnover")),
    TOTAL_COST("total_cost", Unit.MONEY, Better.LOWER, Source.metrics(Metrics::totalCost),
            Show.summary("Total cost").sweep("Total cost").heatmap(7, "cost")),
    /** Sharpe ratio of the path's period returns over the risk-free rate, annualised with f (named in the Summary); not stored. */
    SHARPE("sharpe", Unit.RATIO, Better.HIGHER, Source.path(PathStats::sharpe), Show.summary("Sharpe")),
    /** Sortino ratio, as Sharpe. */
    SORTINO("sortino", Unit.RATIO, Better.HIGHER, Source.path(PathStats::sortino), Show.summary("Sortino")),
    /** Total turnover per calendar year ({@link Metrics#turnoverPerYear}); in the Summary for ON only. */
    TURNOVER_PER_YEAR("turnover_per_year", Unit.FRACTION, Better.LOWER, Source.perYear(),
            Show.summary("Turnover / year").sweep("Turnover / year").table().heatmap(6, "turnover_per_year")),
    /** √f · stdev of the period difference from the portfolio held at its targets at no cost (sweep cells only). */
    TRACKING_ERROR("tracking_error", Unit.FRACTION, Better.LOWER, Source.cell(SweepRunner.Row::trackingError),
            Show.sweepOnly("Tracking error").decimals(3).table().heatmap(8, "tracking_error")),
    /** Final value of the same rule at cost 0 minus this cell's (sweep cells only). */
    COST_DRAG("cost_drag", Unit.MONEY, Better.LOWER, Source.cell(SweepRunner.Row::costDrag),
            Show.sweepOnly("Cost drag").table()),
    /** The cost rate at which ON's final value equals OFF's (sweep cells only); NaN (null, "none") when there is none. */
    BREAK_EVEN_COST_RATE("break_even_cost_rate", Unit.RATE, Better.HIGHER,
            Source.cell(r -> r.breakEvenCostRate() == null ? Double.NaN : r.breakEvenCostRate()),
            Show.sweepOnly("Break-even cost rate").decimals(5).table()),
    /**
     * The share of a robust sweep's resampled histories on which the cell ends above OFF (SEMANTICS §12.4); only a
     * sweep run with a bootstrap has it, so the lists below leave it out unless asked for a bootstrapped sweep.
     */
    P_BEATS_OFF("p_beats_off", Unit.FRACTION, Better.HIGHER,
            Source.robust(r -> r.robust() == null ? Double.NaN : r.robust().pBeatsOff()),
            Show.sweepOnly("P(beats OFF)").decimals(1).table().heatmap(9, "p_beats_off"));

    /** Whether more is better (the heatmap's colours, its best cell). */
    public enum Better {
        HIGHER,
        LOWER
    }

    /**
     * Where a metric is shown and under which names; built as {@code Show.summary("Name").sweep("Title").table()…}.
     *
     * @param label           the name in the Summary grid, or null
     * @param title           the title in the Sweep tab, or null
     * @param sweepDecimals   decimals of a fraction (in %) or a rate in the Sweep tab
     * @param tableColumn     a column of the Sweep tab's cell table
     * @param heatmapPosition the place in the heatmap picker (1 = first), 0 when the heatmap cannot show it
     * @param pickName        the name {@code sweep --metric} takes, or null
     * @param offIsReference  OFF's value is the heatmap's reference (white)
     */
    private record Show(String label, String title, int sweepDecimals, boolean tableColumn, int heatmapPosition,
                        String pickName, boolean offIsReference) {
        static Show summary(String label) {
            return new Show(label, null, 2, false, 0, null, false);
        }

        static Show sweepOnly(String title) {
            return summary(null).sweep(title);
        }

        Show sweep(String t) {
            return new Show(label, t, sweepDecimals, tableColumn, heatmapPosition, pickName, offIsReference);
        }

        Show decimals(int d) {
            return new Show(label, title, d, tableColumn, heatmapPosition, pickName, offIsReference);
        }

        Show table() {
            return new Show(label, title, sweepDecimals, true, heatmapPosition, pickName, offIsReference);
        }

        Show heatmap(int position, String name) {
            return new Show(label, title, sweepDecimals, tableColumn, position, name, offIsReference);
        }

        Show offReference() {
            return new Show(label, title, sweepDecimals, tableColumn, heatmapPosition, pickName, true);
        }
    }

    /** How a value is written. */
    public enum Unit {
        /** An amount in the portfolio's currency. */
        MONEY,
        /** A fraction shown as a percentage (0.05 = 5 %). */
        FRACTION,
        /** A whole number. */
        COUNT,
        /** A plain ratio (Sharpe, Sortino). */
        RATIO,
        /** A cost rate, shown as a plain decimal. */
        RATE
    }

    /**
     * One side (ON or OFF) of a run: its metrics, its values at each close (the caller's array, read and never kept
     * or changed; null when not at hand), its length in years, the risk-free rate and the periods per year f of its
     * calendar (SEMANTICS §5).
     */
    public record Side(Metrics metrics, double[] values, double years, double riskFree, double periodsPerYear) {
        /** On daily data (f = 252). */
        public Side(Metrics metrics, double[] values, double years, double riskFree) {
            this(metrics, values, years, riskFree, Metrics.TRADING_DAYS_PER_YEAR);
        }
    }

    /** Where a metric's value comes from, which decides the faces that can show it. */
    private enum Kind {
        /** A component of {@link Metrics}: stored with every run; in every face. */
        STORED,
        /** A statistic of a run's value path with a risk-free rate: the Summary and the run report. */
        PATH,
        /** Derived from {@link Metrics} and the window's length: the Summary (ON only) and the sweep. */
        PER_YEAR,
        /** Only a sweep cell has it. */
        CELL,
        /** Only a cell of a sweep run with a bootstrap has it (written by {@link SweepRunner.Row#fields}). */
        ROBUST
    }

    /** How a metric is computed: from one side of a run, and from one sweep cell (NaN where it has no meaning). */
    private record Source(Kind kind, ToDoubleFunction<Side> side, ToDoubleFunction<SweepRunner.Row> cell) {
        static Source metrics(ToDoubleFunction<Metrics> f) {
            return new Source(Kind.STORED, s -> f.applyAsDouble(s.metrics()), r -> f.applyAsDouble(r.metrics()));
        }

        static Source path(PathFunction f) {
            return new Source(Kind.PATH, s -> s.values() == null ? Double.NaN
                    : f.apply(s.values(), s.riskFree(), s.periodsPerYear()),
                    r -> Double.NaN);
        }

        static Source cell(ToDoubleFunction<SweepRunner.Row> f) {
            return new Source(Kind.CELL, s -> Double.NaN, f);
        }

        static Source robust(ToDoubleFunction<SweepRunner.Row> f) {
            return new Source(Kind.ROBUST, s -> Double.NaN, f);
        }

        /** Turnover per year: computed once, by {@link Metrics#turnoverPerYear}; a sweep cell carries its value. */
        static Source perYear() {
            return new Source(Kind.PER_YEAR, s -> s.metrics().turnoverPerYear(s.years()), SweepRunner.Row::turnoverPerYear);
        }
    }

    @FunctionalInterface
    private interface PathFunction {
        double apply(double[] values, double riskFree, double periodsPerYear);
    }

    private final String key;
    private final Unit unit;
    private final Better better;
    private final Source source;
    private final Show show;

    Metric(String key, Unit unit, Better better, Source source, Show show) {
        this.key = key;
        this.unit = unit;
        this.better = better;
        this.source = source;
        this.show = show;
    }

    /** The JSON key and sweep CSV header. */
    public String key() {
        return key;
    }

    /** The name in the Summary grid (Sharpe and Sortino get the risk-free rate appended), or null when not shown there. */
    public String label() {
        return show.label();
    }

    /** The title in the Sweep tab (table column, heatmap heading and picker), or null when not shown there. */
    public String title() {
        return show.title();
    }

    /** The name {@code sweep --metric} takes, or null when the heatmap cannot be coloured by it. */
    public String pickName() {
        return show.pickName();
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return better == Better.HIGHER;
    }

    /** The value of one side of a run, or NaN when the metric has none (a sweep-only figure, a missing path). */
    public double of(Side side) {
        return source.side().applyAsDouble(side);
    }

    /** The value of a sweep cell, or NaN when it has none (a path statistic, no break-even rate). */
    public double of(SweepRunner.Row row) {
        return source.cell().applyAsDouble(row);
    }

    /** The value of a component of {@link Metrics}; NaN for the other metrics. */
    public double of(Metrics m) {
        return isStored() ? of(new Side(m, null, Double.NaN, 0)) : Double.NaN;
    }

    /** A component of {@link Metrics}: stored with every run, in the run JSON and the sweep's {@code off}. */
    public boolean isStored() {
        return source.kind() == Kind.STORED;
    }

    /** A statistic of a run's path: in the run report and the Summary, not in the stored metrics. */
    public boolean isPathStatistic() {
        return source.kind() == Kind.PATH;
    }

    /** In the Summary for ON only, and only when the window spans more than one day (turnover per year). */
    public boolean needsOnAndYears() {
        return source.kind() == Kind.PER_YEAR;
    }

    /** In the sweep's CSV columns and JSON cells (every metric a cell has without a bootstrap). */
    public boolean inSweepCells() {
        return source.kind() != Kind.PATH && source.kind() != Kind.ROBUST;
    }

    /** Only a cell of a sweep run with a bootstrap has it. */
    public boolean needsBootstrap() {
        return source.kind() == Kind.ROBUST;
    }

    /** OFF's value, the heatmap's reference (white), or NaN when the metric has no meaning for buy-and-hold. */
    public double off(Metrics off) {
        return show.offIsReference() ? of(off) : Double.NaN;
    }

    /** The metrics in the Summary grid, in its order. */
    public static List<Metric> summary() {
        return Arrays.stream(values()).filter(m -> m.show.label() != null).toList();
    }

    /** The metrics a heatmap can be coloured by (and {@code sweep --metric} takes), in the picker's order. */
    public static List<Metric> heatmap() {
        return heatmap(false);
    }

    /** As {@link #heatmap()}, with the robust sweep's metrics when {@code bootstrapped}. */
    public static List<Metric> heatmap(boolean bootstrapped) {
        return Arrays.stream(values()).filter(m -> m.show.heatmapPosition() > 0 && (bootstrapped || !m.needsBootstrap()))
                .sorted(Comparator.comparingInt(m -> m.show.heatmapPosition())).toList();
    }

    /** The Sweep tab's table columns after the rule and cost rate, in order. */
    public static List<Metric> sweepTable() {
        return sweepTable(false);
    }

    /** As {@link #sweepTable()}, with the robust sweep's metrics when {@code bootstrapped}. */
    public static List<Metric> sweepTable(boolean bootstrapped) {
        return Arrays.stream(values()).filter(m -> m.show.tableColumn() && (bootstrapped || !m.needsBootstrap())).toList();
    }

    /** The metrics of a sweep cell, in the order of the sweep's CSV columns. */
    public static List<Metric> sweepCells() {
        return Arrays.stream(values()).filter(Metric::inSweepCells).toList();
    }

    /** The metrics of {@link Metrics}, in its order: the run JSON's keys. */
    public static List<Metric> stored() {
        return Arrays.stream(values()).filter(Metric::isStored).toList();
    }

    /** The heatmap metric {@code sweep --metric NAME} names (case-insensitive; a robust one too), or null. */
    public static Metric byPickName(String name) {
        return heatmap(true).stream().filter(m -> m.show.pickName().equalsIgnoreCase(name.trim())).findFirst().orElse(null);
    }

    /** The value as the Sweep tab writes it (table, heatmap heading): amounts whole when large, fractions in %. */
    public String format(double v) {
        return DisplayNumber.zeroUnsigned(switch (unit) {
            case MONEY -> String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.4f", v);
            case FRACTION -> String.format(Locale.ROOT, "%." + show.sweepDecimals() + "f %%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            case RATIO -> String.format(Locale.ROOT, "%.3f", v);
            case RATE -> Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%." + show.sweepDecimals() + "f", v);
        });
    }

    /** The value as the Summary grid writes it; "—" when there is none (NaN). */
    public String summaryText(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return DisplayNumber.zeroUnsigned(switch (unit) {
            case MONEY -> String.format(Locale.ROOT, "%,.4f", v);
            case FRACTION -> String.format(Locale.ROOT, "%.2f%%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%,d", (long) v);
            case RATIO, RATE -> String.format(Locale.ROOT, "%.3f", v);
        });
    }

    /** ON − OFF as the Summary grid writes it (percentage points for fractions); "—" when either is missing. */
    public String summaryDifference(double on, double off) {
        if (Double.isNaN(on) || Double.isNaN(off)) {
            return "—";
        }
        return DisplayNumber.zeroUnsigned(switch (unit) {
            case MONEY -> String.format(Locale.ROOT, "%+,.4f", on - off);
            case FRACTION -> String.format(Locale.ROOT, "%+.2f%%p", (on - off) * 100);
            case COUNT -> String.format(Locale.ROOT, "%+,d", (long) (on - off));
            case RATIO, RATE -> String.format(Locale.ROOT, "%+.3f", on - off);
        });
    }

    /** The value as the sweep JSON and CSV write it: a whole number for counts, null for NaN. */
    public Object boxed(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return unit == Unit.COUNT ? (Object) (int) v : (Object) v;
    }

    @Override
    public String toString() {
        return show.title() != null ? show.title() : show.label();
    }
}
