package foresto.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Risk-adjusted and calendar views of a value path. With an annual risk-free rate ρ (0 unless the analyst gives
 * one; say which wherever these are shown), f the periods per year ({@link PeriodsPerYear}; 252 for daily data and
 * where none is given) and e = r − ρ/f the per-period excess returns:
 * Sharpe = √f · mean(e) / stdev(e) (sample), Sortino = √f · mean(e) / sqrt(mean(min(e, 0)²)), r the period
 * path returns; calendar-year returns chain the path's year-end values, so they compound to its total return.
 */
public final class PathStats {
    private PathStats() {
    }

    /** With a risk-free rate of 0. */
    public static double sharpe(double[] values) {
        return sharpe(values, 0);
    }

    /** With {@code riskFree} per year on daily data (f = 252). */
    public static double sharpe(double[] values, double riskFree) {
        return sharpe(values, riskFree, Metrics.TRADING_DAYS_PER_YEAR);
    }

    /**
     * With {@code riskFree} per year (0.03 = 3 %) and {@code periodsPerYear} f; NaN when there are fewer than two
     * returns or they do not vary.
     */
    public static double sharpe(double[] values, double riskFree, double periodsPerYear) {
        double rf = riskFree / periodsPerYear;
        int n = values.length - 1;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int k = 1; k <= n; k++) {
            mean += values[k] / values[k - 1] - 1 - rf;
        }
        mean /= n;
        double ss = 0;
        for (int k = 1; k <= n; k++) {
            double d = values[k] / values[k - 1] - 1 - rf - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd == 0 ? Double.NaN : Math.sqrt(periodsPerYear) * mean / sd;
    }

    /** With a risk-free rate of 0. */
    public static double sortino(double[] values) {
        return sortino(values, 0);
    }

    /** With {@code riskFree} per year on daily data (f = 252). */
    public static double sortino(double[] values, double riskFree) {
        return sortino(values, riskFree, Metrics.TRADING_DAYS_PER_YEAR);
    }

    /** With {@code riskFree} per year and {@code periodsPerYear} f; NaN when there are no returns or no excess return is negative. */
    public static double sortino(double[] values, double riskFree, double periodsPerYear) {
        double rf = riskFree / periodsPerYear;
        int n = values.length - 1;
        if (n < 1) {
            return Double.NaN;
        }
        double mean = 0;
        double downside = 0;
        for (int k = 1; k <= n; k++) {
            double r = values[k] / values[k - 1] - 1 - rf;
            mean += r;
            downside += r < 0 ? r * r : 0;
        }
        mean /= n;
        double dd = Math.sqrt(downside / n);
        return dd == 0 ? Double.NaN : Math.sqrt(periodsPerYear) * mean / dd;
    }

    /** One calendar year's return: from the last close of the year before (or the start) to its last close. */
    public record YearReturn(int year, double value) {
    }

    public static List<YearReturn> annualReturns(LocalDate[] dates, double[] values) {
        List<YearReturn> out = new ArrayList<>();
        double base = values[0];
        for (int k = 1; k < values.length; k++) {
            boolean yearEnds = k + 1 == values.length || dates[k + 1].getYear() != dates[k].getYear();
            if (yearEnds) {
                out.add(new YearReturn(dates[k].getYear(), values[k] / base - 1));
                base = values[k];
            }
        }
        return out;
    }

    /** The underwater curve: at each close, value / running peak − 1 (0 at a new high, negative below it). */
    public static double[] drawdowns(double[] values) {
        double[] out = new double[values.length];
        double peak = values[0];
        for (int k = 0; k < values.length; k++) {
            peak = Math.max(peak, values[k]);
            out[k] = values[k] / peak - 1;
        }
        return out;
    }

    /**
     * The time-weighted index of a path with cash flows (SEMANTICS §13.4): I_0 = 1, I_k = I_{k−1}·(1 + r_k) with
     * r_k = (V_k − F_k) / V_{k−1} − 1 (F_k the flows booked on close k, 0 on other closes; r_k = 0 once V_{k−1} is
     * 0). Sharpe, Sortino and the calendar-year returns of such a path are taken on this index, as every return
     * figure with flows is; on the value path a contribution would count as a gain. {@code flows} ascending by date,
     * each on one of {@code dates}.
     */
    public static double[] timeWeighted(LocalDate[] dates, double[] values, List<CashFlow> flows) {
        int n = values.length;
        double[] flowOn = new double[n];
        int k = 0;
        for (CashFlow f : flows) {
            while (k < n && dates[k].isBefore(f.date())) {
                k++;
            }
            if (k < n && dates[k].equals(f.date())) {
                flowOn[k] += f.amount();
            }
        }
        double[] index = new double[n];
        index[0] = 1;
        for (int i = 1; i < n; i++) {
            double r = values[i - 1] == 0 ? 0 : (values[i] - flowOn[i]) / values[i - 1] - 1;
            index[i] = index[i - 1] * (1 + r);
        }
        return index;
    }
}
