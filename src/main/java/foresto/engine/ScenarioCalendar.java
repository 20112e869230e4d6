package foresto.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar a run uses: the dataset's dates after the missing-data policy, sliced to the run window
 * ({@code rows[k]} is the dataset row of the run's k-th close). Returns are read from the dataset's
 * row-major, zero-filled view: under SKIP a kept row has no missing held value; under ZERO a missing value
 * reads as 0.0 and a row where no held class has a value is not kept. Also knows the calendar date after the window's last date, which the last-trading-day rule
 * needs (null at the dataset's end).
 */
public final class ScenarioCalendar {
    private final LocalDate[] allDates;
    private final int[] rows;
    private final double[] zeroFilledRows;
    private final int[] held;
    private final LocalDate nextAfterEnd;
    private final MarketData data;
    private final int heldMask;
    private final boolean skip;
    private final PeriodsPerYear periodsPerYear;
    /**
     * The closes of each calendar asked for on this run's calendar (a PERIODIC rule's days, a flow schedule's dates):
     * the OFF and ON paths of a run, and every cell of a sweep, read the same ones. Kept because working them out cost
     * 1.8 µs per path on 30 years of daily closes (ScratchFlowBench, 2026-12-07), a third of what a monthly flow
     * schedule added to an OFF path.
     */
    private final Map<CalendarTrigger, int[]> closes = new ConcurrentHashMap<>();

    private ScenarioCalendar(MarketData data, LocalDate[] allDates, int[] rows, double[] zeroFilledRows, int[] held,
                             int nextAfterEndRow, int heldMask, boolean skip, PeriodsPerYear periodsPerYear) {
        this.data = data;
        this.heldMask = heldMask;
        this.skip = skip;
        this.periodsPerYear = periodsPerYear;
        LocalDate nextAfterEnd = nextAfterEndRow < 0 ? null : allDates[nextAfterEndRow];
        this.allDates = allDates;
        this.rows = rows;
        this.zeroFilledRows = zeroFilledRows;
        this.held = held;
        this.nextAfterEnd = nextAfterEnd;
    }

    public static ScenarioCalendar prepare(MarketData data, Scenario scenario) {
        int[] held = scenario.targets().heldOrdinals();
        int heldMask = 0;
        for (int c : held) {
            if (!data.hasColumn(AssetClass.of(c))) {
                throw new EngineException(EngineException.Kind.ASSET_CLASS_NOT_IN_DATA, "the market data has no returns for "
                        + AssetClass.of(c) + " (it has " + data.columns() + ")");
            }
            heldMask |= 1 << c;
        }
        if (scenario.start().isBefore(data.firstDate()) || scenario.end().isAfter(data.lastDate())) {
            throw new EngineException(EngineException.Kind.WINDOW_OUTSIDE_DATA, "the window " + scenario.start() + ".."
                    + scenario.end() + " is outside the data " + data.firstDate() + ".." + data.lastDate());
        }
        LocalDate[] all = data.datesArray();
        byte[] missing = data.missingMask();
        boolean skip = scenario.missingDataPolicy() == MissingDataPolicy.SKIP;
        int size = all.length;
        int from = 0;
        while (from < size && all[from].isBefore(scenario.start())) {
            from++;
        }
        int to = from - 1; // last row ≤ end
        while (to + 1 < size && !all[to + 1].isAfter(scenario.end())) {
            to++;
        }
        int[] kept = new int[Math.max(0, to - from + 1)];
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (isTradingDay(missing[i], heldMask, skip)) {
                kept[n++] = i;
            }
        }
        if (n == 0) {
            throw new EngineException(EngineException.Kind.WINDOW_OUTSIDE_DATA, "no trading day in " + scenario.start()
                    + ".." + scenario.end() + " after the " + scenario.missingDataPolicy() + " policy");
        }
        int next = to + 1;
        while (next < size && !isTradingDay(missing[next], heldMask, skip)) {
            next++;
        }
        return new ScenarioCalendar(data, all, n == kept.length ? kept : Arrays.copyOf(kept, n),
                data.zeroFilledRows(), held, next < size ? next : -1, heldMask, skip,
                periodsPerYear(all, missing, heldMask, skip));
    }

    /**
     * f (SEMANTICS §5) of the whole dataset's calendar in use: every row that is a trading day of this portfolio
     * under the policy, whatever the window, so every window and path on the same data shares it.
     */
    private static PeriodsPerYear periodsPerYear(LocalDate[] all, byte[] missing, int heldMask, boolean skip) {
        LocalDate[] used = new LocalDate[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (isTradingDay(missing[i], heldMask, skip)) {
                used[n++] = all[i];
            }
        }
        return PeriodsPerYear.of(used, n);
    }

    /**
     * A dataset row is a trading day of this portfolio (SEMANTICS §1): under SKIP when every held class has a
     * return; under ZERO when at least one has (a date on which only classes the portfolio does not hold
     * traded is dropped, as under SKIP).
     */
    private static boolean isTradingDay(byte missing, int heldMask, boolean skip) {
        int missingHeld = missing & heldMask;
        return skip ? missingHeld == 0 : missingHeld != heldMask;
    }

    public int length() {
        return rows.length;
    }

    /** The dataset row of close k. */
    int row(int k) {
        return rows[k];
    }

    /** The dataset's period number of every row for {@code f} and {@code phase} (computed once per dataset). */
    int[] periods(Frequency f, int phase) {
        return data.periods(f, phase);
    }

    /** The closes of {@code calendar} in this run, ascending (shared, read-only: see {@link CalendarTrigger#closes}). */
    int[] closesOf(CalendarTrigger calendar) {
        int[] c = closes.get(calendar);
        return c != null ? c : closes.computeIfAbsent(calendar, t -> t.computeCloses(this));
    }

    /** The number of the dataset's rows (the calendar in use is those of them that are {@link #inUse}). */
    int datasetRows() {
        return allDates.length;
    }

    /**
     * Whether a dataset row (inside the window or not) is a date of the calendar in use: a trading day of this
     * portfolio after the missing-data policy. Day offsets count these dates (SEMANTICS §12.1).
     */
    boolean inUse(int row) {
        return isTradingDay(data.missingMask()[row], heldMask, skip);
    }

    /** Periods per year f of the dataset's calendar in use (not of the window). */
    public PeriodsPerYear periodsPerYear() {
        return periodsPerYear;
    }

    public LocalDate date(int k) {
        return allDates[rows[k]];
    }

    /** The calendar date after {@code d_k}: inside the window, or the one after it, or null at the data's end. */
    public LocalDate nextDate(int k) {
        return k + 1 < rows.length ? allDates[rows[k + 1]] : nextAfterEnd;
    }

    public LocalDate[] dates() {
        int first = rows[0];
        if (rows[rows.length - 1] - first == rows.length - 1) { // no row skipped: one block copy
            return Arrays.copyOfRange(allDates, first, first + rows.length);
        }
        LocalDate[] d = new LocalDate[rows.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = allDates[rows[k]];
        }
        return d;
    }

    int[] held() {
        return held;
    }

    /** Offset of close k's returns in {@link #zeroFilledRows()} (stride {@link AssetClass#COUNT}, by ordinal). */
    int rowOffset(int k) {
        return rows[k] * AssetClass.COUNT;
    }

    double[] zeroFilledRows() {
        return zeroFilledRows;
    }

    @Override
    public String toString() {
        return "ScenarioCalendar[" + date(0) + ".." + date(rows.length - 1) + ", n=" + rows.length + "]";
    }
}
