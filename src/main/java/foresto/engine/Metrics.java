package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Per-path summary numbers (SEMANTICS §5). Sums run sequentially in path order so that the same input
 * always gives bit-identical output.
 *
 * @param totalReturn  final / initial − 1
 * @param cagr         (final / initial)^(365.25 / calendar days) − 1; 0 for a one-day window
 * @param volatility   √f · sample standard deviation (n − 1) of the path's period returns, f the periods per year
 *                     of the calendar ({@link PeriodsPerYear}; 252 for daily data); 0 below two returns
 * @param maxDrawdown  largest fall from a running peak, as a positive fraction (0.25 = −25 %)
 */
public record Metrics(double finalValue, double totalReturn, double cagr, double volatility, double maxDrawdown,
                      int eventCount, double totalTurnover, double totalCost) {

    /** f of daily data, and of every run stored before f existed. */
    public static final double TRADING_DAYS_PER_YEAR = 252;
    public static final double DAYS_PER_YEAR = 365.25;

    /** Calendar years from {@code first} to {@code last}: days / {@value #DAYS_PER_YEAR}. */
    public static double years(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) / DAYS_PER_YEAR;
    }

    /** Total turnover per calendar year over a window of {@code years} (see {@link #years}); 0 for a one-day window. */
    public double turnoverPerYear(double years) {
        return years == 0 ? 0 : totalTurnover / years;
    }

    /**
     * A value at or above this cannot deepen the drawdown: a speed pre-check only, with a margin far wider than
     * rounding, so the exact test with a division decides every value near it (its mutants are equivalent:
     * excluded from mutation testing by name).
     */
    static double drawdownFloor(double peak, double maxDd) {
        return peak * (1 - maxDd) * (1 + 1e-9);
    }

    /** On daily data (f = 252). */
    public static Metrics of(LocalDate[] dates, double[] values, double initialValue, List<RebalancingEvent> events) {
        return of(dates, values, initialValue, events, TRADING_DAYS_PER_YEAR);
    }

    /** With {@code periodsPerYear} f (252 for daily data: {@link PeriodsPerYear}). */
    public static Metrics of(LocalDate[] dates, double[] values, double initialValue, List<RebalancingEvent> events,
                             double periodsPerYear) {
        int n = values.length;
        double finalValue = values[n - 1];
        long days = ChronoUnit.DAYS.between(dates[0], dates[n - 1]);

        double volatility = 0.0;
        if (n >= 3) {
            double[] daily = new double[n - 1];
            for (int k = 1; k < n; k++) {
                daily[k - 1] = values[k] / values[k - 1] - 1;
            }
            volatility = volatility(daily, periodsPerYear);
        }
        double maxDd = maxDrawdown(values);

        double turnover = 0;
        double cost = 0;
        for (RebalancingEvent e : events) {
            turnover += e.turnover();
            cost += e.costAmount();
        }
        return checked(finalValue, initialValue, days, volatility, maxDd, events.size(), turnover, cost);
    }

    /** √f · sample standard deviation (n − 1) of {@code returns} (at least two), mean and squares summed in order. */
    static double volatility(double[] returns, double periodsPerYear) {
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= returns.length;
        double ss = 0;
        for (double r : returns) {
            double d = r - mean;
            ss += d * d;
        }
        return Math.sqrt(periodsPerYear) * Math.sqrt(ss / (returns.length - 1));
    }

    /** The largest fall from a running peak of {@code values}, as a positive fraction. */
    static double maxDrawdown(double[] values) {
        double peak = values[0];
        double maxDd = 0;
        double floor = peak; // values at or above this cannot deepen the drawdown (division-free pre-check)
        for (double v : values) {
            if (v > peak) {
                peak = v;
                floor = drawdownFloor(peak, maxDd);
            } else if (v < floor) {
                double dd = 1 - v / peak;
                if (dd > maxDd) {
                    maxDd = dd;
                    floor = drawdownFloor(peak, maxDd);
                }
            }
        }
        return maxDd;
    }

    /** CAGR of a growth factor over {@code days} calendar days: factor^(365.25 / days) − 1; 0 for days = 0. */
    static double cagr(double factor, long days) {
        return days == 0 ? 0.0 : Math.pow(factor, DAYS_PER_YEAR / days) - 1;
    }

    /**
     * A path with a flow schedule (SEMANTICS §13.4): the final value is the value path's last value (0 when it was
     * depleted, which is no error); total return, CAGR, volatility and max drawdown are those of the time-weighted
     * index. {@code twrReturns} are its period returns r_k = (V_k − F_k) / V_{k−1} − 1 for k = 1 … n−1 ({@code values}
     * V_k after the close's flow, rebalancing and cost, F_k the close's flow or 0; r_k = 0 after a depletion, where
     * V_{k−1} = 0), {@code twrSum} their sum in order, and {@code twrIndex} I_0 = 1, I_k = I_{k−1}·(1 + r_k), a
     * sequential product: the path loop computes all three as it goes.
     */
    static Metrics withFlows(LocalDate[] dates, double[] values, double[] twrReturns, double twrSum, double[] twrIndex,
                             List<RebalancingEvent> events, double periodsPerYear) {
        int n = values.length;
        double last = twrIndex[n - 1];
        double cagr = cagr(last, ChronoUnit.DAYS.between(dates[0], dates[n - 1]));
        // one pass for the squared deviations of the volatility and the drawdown of the index, each in path order as
        // volatility() and maxDrawdown() take them (the drawdown's first value, I_0, is its first peak)
        double mean = twrSum / twrReturns.length;
        double ss = 0;
        double peak = twrIndex[0];
        double maxDd = 0;
        double floor = peak;
        for (int k = 1; k < n; k++) {
            double d = twrReturns[k - 1] - mean;
            ss += d * d;
            double v = twrIndex[k];
            if (v > peak) {
                peak = v;
                floor = drawdownFloor(peak, maxDd);
            } else if (v < floor) {
                double dd = 1 - v / peak;
                if (dd > maxDd) {
                    maxDd = dd;
                    floor = drawdownFloor(peak, maxDd);
                }
            }
        }
        double volatility = n >= 3 ? Math.sqrt(periodsPerYear) * Math.sqrt(ss / (twrReturns.length - 1)) : 0.0;
        double turnover = 0;
        double cost = 0;
        for (RebalancingEvent e : events) {
            turnover += e.turnover();
            cost += e.costAmount();
        }
        double finalValue = values[n - 1];
        if (!(finalValue >= 0 && finalValue < Double.POSITIVE_INFINITY && last > 0 && Double.isFinite(cagr)
                && Double.isFinite(volatility) && Double.isFinite(cost))) {
            throw new EngineException(EngineException.Kind.VALUE_OUT_OF_RANGE, "the path leaves the range of "
                    + "representable values (final value " + finalValue + ", time-weighted index " + last
                    + "): check the returns, the flows and the initial value");
        }
        return new Metrics(finalValue, last - 1, cagr, volatility, maxDd, events.size(), turnover, cost);
    }

    /**
     * The figures of a path from its running sums (total return and CAGR computed here, from {@code days} calendar
     * days), or VALUE_OUT_OF_RANGE when the path left the range of representable values. {@link #of} and the batch
     * engine end here, so both give the same numbers and the same failure.
     */
    static Metrics checked(double finalValue, double initialValue, long days, double volatility, double maxDd,
                           int eventCount, double turnover, double cost) {
        double totalReturn = finalValue / initialValue - 1;
        double cagr = days == 0 ? 0.0 : Math.pow(finalValue / initialValue, DAYS_PER_YEAR / days) - 1;
        if (!(finalValue > 0 && finalValue < Double.POSITIVE_INFINITY && Double.isFinite(cagr)
                && Double.isFinite(volatility) && Double.isFinite(cost))) {
            throw new EngineException(EngineException.Kind.VALUE_OUT_OF_RANGE, "the path leaves the "
                    + "range of representable values (final value " + finalValue + "): check the returns and the initial value");
        }
        return new Metrics(finalValue, totalReturn, cagr, volatility, maxDd, eventCount, turnover, cost);
    }
}
