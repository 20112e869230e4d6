package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

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
 * @param twrIndex    the time-weighted index per close: I_0 = 1, I_k = I_{k−1}·(1 + r_k),
 *                    r_k = (V_k − F_k) / V_{k−1} − 1 (0 after a depletion); the path's own array, read-only
 * @param twrTotal    I_n − 1 (the metrics' total return)
 * @param twrCagr     I_n^(365.25 / calendar days) − 1 (the metrics' CAGR; 0 for a one-day window)
 * @param investorDates   the dates of the investor's cash flows, which {@link #mwr()} solves: the purchase date,
 *                        each flow date, the last date (one entry per date, ascending)
 * @param investorAmounts the investor's cash flows on those dates: −V0, −F on each flow date (a contribution is
 *                        money paid in), +V_n on the last date (added to a flow on that date)
 */
public record CashFlowResult(List<CashFlow> flows, double contributed, double withdrawn, double netFlow,
                             LocalDate depletedOn, double[] twrIndex, double twrTotal, double twrCagr,
                             LocalDate[] investorDates, double[] investorAmounts) {
    public CashFlowResult {
        flows = List.copyOf(flows);
        Objects.requireNonNull(twrIndex, "twrIndex");
        if (investorDates.length != investorAmounts.length) {
            throw new IllegalArgumentException("one investor cash flow per date");
        }
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
     * The figures of a path with flows: {@code values} V_k per close, {@code booked} its flows in date order,
     * {@code twrIndex} from {@link Metrics#twrIndex}.
     */
    static CashFlowResult of(LocalDate[] dates, double[] values, double initialValue, List<CashFlow> booked,
                             LocalDate depletedOn, double[] twrIndex) {
        double contributed = 0;
        double withdrawn = 0;
        int m = booked.size();
        LocalDate last = dates[dates.length - 1];
        boolean lastIsFlow = m > 0 && booked.get(m - 1).date().equals(last);
        int count = 1 + m + (lastIsFlow ? 0 : 1);
        LocalDate[] d = new LocalDate[count];
        double[] c = new double[count];
        d[0] = dates[0];
        c[0] = -initialValue;
        for (int i = 0; i < m; i++) {
            double f = booked.get(i).amount();
            if (f > 0) {
                contributed += f;
            } else {
                withdrawn -= f;
            }
            d[i + 1] = booked.get(i).date();
            c[i + 1] = -f;
        }
        d[count - 1] = last;
        c[count - 1] += values[values.length - 1];
        double factor = twrIndex[twrIndex.length - 1];
        return new CashFlowResult(booked, contributed, withdrawn, contributed - withdrawn, depletedOn, twrIndex,
                factor - 1, Metrics.cagr(factor, ChronoUnit.DAYS.between(dates[0], last)), d, c);
    }
}
