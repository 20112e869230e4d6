package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * What a path with a flow schedule adds to its {@link Metrics} (SEMANTICS §13.4); a path without a schedule has
 * none. The path's {@link Metrics} then hold total return, CAGR, volatility and max drawdown of the time-weighted
 * index (its final value is still the value path's last value).
 *
 * @param flows       every flow booked, in date order (none after a depletion)
 * @param contributed the sum of the contributions paid in (≥ 0)
 * @param withdrawn   the sum of the withdrawals paid out (≥ 0; at a depletion the value that was left)
 * @param netFlow     contributed − withdrawn
 * @param depletedOn  the close where a withdrawal took the whole value, or null
 * @param twrReturns  the time-weighted index's period returns r_k = (V_k − F_k) / V_{k−1} − 1 for k = 1 … n−1
 *                    (0 after a depletion); the path's own array, read-only ({@link #twrIndex()} is built from it)
 * @param twrTotal    I_n − 1 (the metrics' total return)
 * @param twrCagr     I_n^(365.25 / calendar days) − 1 (the metrics' CAGR; 0 for a one-day window)
 * @param investorDates   the dates of the investor's cash flows, which {@link #mwr()} solves: the purchase date,
 *                        each flow date, the last date (one entry per date, ascending)
 * @param investorAmounts the investor's cash flows on those dates: −V0, −F on each flow date (a contribution is
 *                        money paid in), +V_n on the last date (added to a flow on that date)
 */
public record CashFlowResult(List<CashFlow> flows, double contributed, double withdrawn, double netFlow,
                             LocalDate depletedOn, double[] twrReturns, double twrTotal, double twrCagr,
                             LocalDate[] investorDates, double[] investorAmounts) {
    public CashFlowResult {
        flows = flows instanceof BookedFlows ? flows : List.copyOf(flows); // the path's own list is immutable already
        Objects.requireNonNull(twrReturns, "twrReturns");
        if (investorDates.length != investorAmounts.length) {
            throw new IllegalArgumentException("one investor cash flow per date");
        }
    }

    /**
     * The time-weighted index per close: I_0 = 1, I_k = I_{k−1}·(1 + r_k), the same sequential product the path loop
     * took its figures from (so I_{n−1} − 1 is {@link #twrTotal} bit for bit). A new array on each call: the path
     * loop keeps only the returns, since almost no caller reads the index (a sweep cell's tracking error does).
     */
    public double[] twrIndex() {
        double[] index = new double[twrReturns.length + 1];
        double level = 1;
        index[0] = level;
        for (int k = 1; k < index.length; k++) {
            level = level * (1 + twrReturns[k - 1]);
            index[k] = level;
        }
        return index;
    }

    /**
     * The money-weighted return (XIRR, SEMANTICS §13.4) of the investor's cash flows; empty when it has no root in
     * (−0.9999, 100). Solved on each call, not with the path (a root finder costs about as much as the path itself,
     * and a sweep's cells seldom show it): ask once and keep the number.
     */
    public OptionalDouble mwr() {
        return Xirr.of(investorDates, investorAmounts);
    }

    /**
     * The figures of a path with flows: {@code values} V_k per close, its first {@code m} flows booked on the closes
     * {@code closes[i]} with the amounts {@code amounts[i]} and the trades {@code trades[i·h … i·h + h − 1]} in
     * {@code held} order (h = held.length), {@code twrReturns} the time-weighted index's period returns and
     * {@code twrFinal} its last value. The arrays become the result's own and are read-only from then on; each
     * {@link CashFlow} record is built when it is first read.
     */
    static CashFlowResult of(LocalDate[] dates, double[] values, double initialValue, int[] held, int m, int[] closes,
                             double[] amounts, double[] trades, LocalDate depletedOn, double[] twrReturns,
                             double twrFinal) {
        double contributed = 0;
        double withdrawn = 0;
        int last = dates.length - 1;
        boolean lastIsFlow = m > 0 && closes[m - 1] == last;
        int count = 1 + m + (lastIsFlow ? 0 : 1);
        LocalDate[] d = new LocalDate[count];
        double[] c = new double[count];
        d[0] = dates[0];
        c[0] = -initialValue;
        for (int i = 0; i < m; i++) {
            double f = amounts[i];
            if (f > 0) {
                contributed += f;
            } else {
                withdrawn -= f;
            }
            d[i + 1] = dates[closes[i]];
            c[i + 1] = -f;
        }
        d[count - 1] = dates[last];
        c[count - 1] += values[values.length - 1];
        List<CashFlow> flows = new BookedFlows(dates, held, m, closes, amounts, trades);
        return new CashFlowResult(flows, contributed, withdrawn, contributed - withdrawn, depletedOn, twrReturns,
                twrFinal - 1, Metrics.cagr(twrFinal, ChronoUnit.DAYS.between(dates[0], dates[last])), d, c);
    }

    /**
     * The flows a path booked, kept as the loop wrote them (a sweep makes thousands of paths and seldom reads a
     * flow): an immutable list whose records are built on first read. Two threads reading the same flow at once
     * may each build it; the records are equal and immutable, so either is right.
     */
    private static final class BookedFlows extends AbstractList<CashFlow> implements RandomAccess {
        private final LocalDate[] dates;
        private final int[] held;
        private final int[] closes;
        private final double[] amounts;
        private final double[] trades;
        private final CashFlow[] built;

        BookedFlows(LocalDate[] dates, int[] held, int m, int[] closes, double[] amounts, double[] trades) {
            this.dates = dates;
            this.held = held;
            this.closes = closes;
            this.amounts = amounts;
            this.trades = trades;
            this.built = new CashFlow[m];
        }

        @Override
        public CashFlow get(int i) {
            Objects.checkIndex(i, built.length);
            CashFlow f = built[i];
            if (f == null) {
                int h = held.length;
                f = new CashFlow(dates[closes[i]], amounts[i],
                        CodeWeights.ofHeld(held, Arrays.copyOfRange(trades, i * h, i * h + h)));
                built[i] = f;
            }
            return f;
        }

        @Override
        public int size() {
            return built.length;
        }
    }
}
