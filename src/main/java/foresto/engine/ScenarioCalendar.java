package foresto.engine;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The calendar a run uses: the dataset's dates after the missing-data policy, sliced to the run window,
 * with the returns of the held classes laid out flat ({@code returns[k * held + j]}, k ≥ 1; NaN already
 * replaced by 0 under ZERO). Also knows the calendar date after the window's last date, which the
 * last-trading-day rule needs (null at the dataset's end).
 */
public final class ScenarioCalendar {
    private final LocalDate[] dates;
    private final double[] returns;
    private final int[] held;
    private final LocalDate nextAfterEnd;

    private ScenarioCalendar(LocalDate[] dates, double[] returns, int[] held, LocalDate nextAfterEnd) {
        this.dates = dates;
        this.returns = returns;
        this.held = held;
        this.nextAfterEnd = nextAfterEnd;
    }

    public static ScenarioCalendar prepare(MarketData data, Scenario scenario) {
        int[] held = scenario.targets().heldOrdinals();
        double[][] cols = new double[held.length][];
        for (int j = 0; j < held.length; j++) {
            cols[j] = data.column(held[j]);
            if (cols[j] == null) {
                throw new ForestoException(ErrorCode.ASSET_CLASS_NOT_IN_DATA,
                        "the market data has no returns for " + AssetClass.of(held[j])
                                + " (it has " + data.columns() + ")");
            }
        }
        if (scenario.start().isBefore(data.firstDate()) || scenario.end().isAfter(data.lastDate())) {
            throw new ForestoException(ErrorCode.WINDOW_OUTSIDE_DATA, "the window " + scenario.start() + ".."
                    + scenario.end() + " is outside the data " + data.firstDate() + ".." + data.lastDate());
        }
        // rows of the calendar after the policy
        int[] rows = new int[data.size()];
        int m = 0;
        boolean skip = scenario.missingDataPolicy() == MissingDataPolicy.SKIP;
        for (int i = 0; i < data.size(); i++) {
            if (skip && anyMissing(cols, i)) {
                continue;
            }
            rows[m++] = i;
        }
        LocalDate[] all = data.datesArray();
        int s = 0;
        while (s < m && all[rows[s]].isBefore(scenario.start())) {
            s++;
        }
        int e = s - 1;
        while (e + 1 < m && !all[rows[e + 1]].isAfter(scenario.end())) {
            e++;
        }
        if (e < s) {
            throw new ForestoException(ErrorCode.WINDOW_OUTSIDE_DATA, "no trading day in " + scenario.start()
                    + ".." + scenario.end() + " after the " + scenario.missingDataPolicy() + " policy");
        }
        int n = e - s + 1;
        LocalDate[] dates = new LocalDate[n];
        double[] returns = new double[n * held.length];
        for (int k = 0; k < n; k++) {
            int row = rows[s + k];
            dates[k] = all[row];
            if (k == 0) {
                continue; // the purchase date's return is never applied
            }
            for (int j = 0; j < held.length; j++) {
                double r = cols[j][row];
                returns[k * held.length + j] = Double.isNaN(r) ? 0.0 : r;
            }
        }
        LocalDate next = e + 1 < m ? all[rows[e + 1]] : null;
        return new ScenarioCalendar(dates, returns, held, next);
    }

    private static boolean anyMissing(double[][] cols, int row) {
        for (double[] col : cols) {
            if (Double.isNaN(col[row])) {
                return true;
            }
        }
        return false;
    }

    public int length() {
        return dates.length;
    }

    public LocalDate date(int k) {
        return dates[k];
    }

    /** The calendar date after {@code d_k}: inside the window, or the one after it, or null at the data's end. */
    public LocalDate nextDate(int k) {
        return k + 1 < dates.length ? dates[k + 1] : nextAfterEnd;
    }

    public LocalDate[] dates() {
        return dates.clone();
    }

    int[] held() {
        return held;
    }

    double[] flatReturns() {
        return returns;
    }

    @Override
    public String toString() {
        return "ScenarioCalendar" + Arrays.asList(dates[0], dates[dates.length - 1]) + " n=" + dates.length;
    }
}
