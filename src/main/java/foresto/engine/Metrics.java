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
        double[] returns = new double[n - 1];
        double sum = 0;
        for (int k = 1; k < n; k++) { // the period returns and their sum in one pass, in path order
            double r = values[k] / values[k - 1] - 1;
            returns[k - 1] = r;
            sum += r;
        }
        return ofReturns(dates, values, returns, sum, initialValue, events, periodsPerYear);
    }

    /**
     * {@link #of} from the path's period returns {@code returns[k − 1] = values[k] / values[k − 1] − 1} and their
     * sum in path order, which the path loop computes as it goes.
     */
    static Metrics ofReturns(LocalDate[] dates, double[] values, double[] returns, double sum, double initialValue,
                             List<RebalancingEvent> events, double periodsPerYear) {
        int n = values.length;
        Spread s = Spread.of(returns, sum, values, periodsPerYear);
        return checked(values[n - 1], initialValue, ChronoUnit.DAYS.between(dates[0], dates[n - 1]), s.volatility,
                s.maxDrawdown, events.size(), turnover(events), cost(events));
    }

    /**
     * √f · sample standard deviation (n − 1) of a path's period returns and the largest fall from a running peak of
     * the path, as a positive fraction, taken in one pass: the squared deviations from the mean ({@code sum} of the
     * returns, in path order, over their count) summed in path order, the drawdown in path order from
     * {@code series[0]}, its first peak. The volatility is 0 below two returns.
     */
    private record Spread(double volatility, double maxDrawdown) {
        static Spread of(double[] returns, double sum, double[] series, double periodsPerYear) {
            int n = series.length;
            double mean = sum / returns.length;
            double ss = 0;
            RunningDrawdown drawdown = new RunningDrawdown(series[0]);
            for (int k = 1; k < n; k++) {
                double d = returns[k - 1] - mean;
                ss += d * d;
                drawdown.add(series[k]);
            }
            double volatility = n >= 3 ? Math.sqrt(periodsPerYear) * Math.sqrt(ss / (returns.length - 1)) : 0.0;
            return new Spread(volatility, drawdown.max());
        }
    }

    private static double turnover(List<RebalancingEvent> events) {
        double turnover = 0;
        for (RebalancingEvent e : events) {
            turnover += e.turnover();
        }
        return turnover;
    }

    private static double cost(List<RebalancingEvent> events) {
        double cost = 0;
        for (RebalancingEvent e : events) {
            cost += e.costAmount();
        }
        return cost;
    }

    /** CAGR of a growth factor over {@code days} calendar days: factor^(365.25 / days) − 1; 0 for days = 0. */
    static double cagr(double factor, long days) {
        return days == 0 ? 0.0 : Math.pow(factor, DAYS_PER_YEAR / days) - 1;
    }

    /**
     * A path with a flow schedule (SEMANTICS §13.4): the final value is the value path's last value (0 when it was
     * depleted, which is no error); total return, CAGR, volatility and max drawdown are those of the time-weighted
     * index, taken from its period returns by {@link TimeWeighted#of}.
     */
    static Metrics withFlows(LocalDate[] dates, double[] values, TimeWeighted index, List<RebalancingEvent> events) {
        int n = values.length;
        double twrFinal = index.level();
        double cagr = cagr(twrFinal, ChronoUnit.DAYS.between(dates[0], dates[n - 1]));
        double volatility = index.volatility();
        double cost = cost(events);
        double finalValue = values[n - 1];
        if (!(finalValue >= 0 && finalValue < Double.POSITIVE_INFINITY && twrFinal > 0 && Double.isFinite(cagr)
                && Double.isFinite(volatility) && Double.isFinite(cost))) {
            throw new EngineException(EngineException.Kind.VALUE_OUT_OF_RANGE, "the path leaves the range of "
                    + "representable values (final value " + finalValue + ", time-weighted index " + twrFinal
                    + "): check the returns, the flows and the initial value");
        }
        return new Metrics(finalValue, twrFinal - 1, cagr, volatility, index.maxDrawdown(), events.size(),
                turnover(events), cost);
    }

    /**
     * The time-weighted index of a path with flows (SEMANTICS §13.4) from its period returns
     * {@code returns[k − 1] = r_k = (V_k − F_k) / V_{k−1} − 1}, k = 1 … n−1 ({@code values} V_k after the close's flow,
     * rebalancing and cost, F_k the close's flow or 0; r_k = 0 after a depletion, where V_{k−1} = 0) and their
     * {@code sum} in path order: its last value I_{n−1} ({@code level}: I_0 = 1, I_k = I_{k−1}·(1 + r_k), a
     * sequential product), its largest fall from a running peak from I_0 ({@code maxDrawdown}, a
     * {@link RunningDrawdown}) and √f · the sample standard deviation of the returns ({@code volatility}, the squared
     * deviations summed in path order exactly as {@link Spread} sums them; 0 below two returns).
     *
     * <p>One pass for all three, after the path loop: the product and the sum of squares are two independent
     * dependency chains the processor runs side by side, where the product kept inside the path loop lengthened
     * every close (JMH `CashFlowBench`, 30 years daily, 360 monthly contributions, idle: the OFF path's extra cost
     * over no flows fell from +37 % to +26 %, index and metrics bit for bit the same).
     */
    record TimeWeighted(double level, double maxDrawdown, double volatility) {
        static TimeWeighted of(double[] returns, double sum, double periodsPerYear) {
            int n = returns.length + 1;
            double mean = sum / returns.length;
            double ss = 0;
            double level = 1;
            RunningDrawdown drawdown = new RunningDrawdown(level);
            for (int k = 1; k < n; k++) {
                double r = returns[k - 1];
                double d = r - mean;
                ss += d * d;
                level = level * (1 + r);
                drawdown.add(level);
            }
            double volatility = n >= 3 ? Math.sqrt(periodsPerYear) * Math.sqrt(ss / (returns.length - 1)) : 0.0;
            return new TimeWeighted(level, drawdown.max(), volatility);
        }
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
