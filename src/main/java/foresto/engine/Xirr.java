package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

/**
 * The money-weighted return (XIRR, SEMANTICS §13.4): the r with Σ c_i · (1 + r)^((t_n − t_i) / 365) = 0, t_n the
 * last date (the same roots and signs as Excel's Σ c_i · (1 + r)^(−(t_i − t_0) / 365), without overflow over long
 * horizons). Found by a bracketing root finder on [−0.9999, 100] ({@link #solve}); empty when f has the same sign
 * at both ends (no sign change, so no bracketed root).
 */
public final class Xirr {
    static final double LOW = -0.9999;
    static final double HIGH = 100;
    private static final double DAYS_PER_YEAR = 365;
    private static final double GUESS = 0.1;
    private static final int MAX_ITERATIONS = 300;

    private Xirr() {
    }

    /** Cash flows {@code amounts[i]} on {@code dates[i]} (ascending, the last one last; several on a date may repeat it). */
    public static OptionalDouble of(LocalDate[] dates, double[] amounts) {
        LocalDate end = dates[dates.length - 1];
        double[] tau = new double[dates.length];
        for (int i = 0; i < dates.length; i++) {
            tau[i] = ChronoUnit.DAYS.between(dates[i], end) / DAYS_PER_YEAR;
        }
        return solve(tau, amounts);
    }

    /**
     * With {@code tau[i]} = (t_n − t_i) / 365 already computed. Safeguarded Newton: from Excel's guess 0.1, a Newton
     * step is taken when it stays inside the bracket and at least halves the last step, else the bracket is halved
     * (in ln(1 + r), where the bracket's two ends are far apart); the bracket shrinks with every evaluation, so the
     * root stays bracketed. Stops when a step is below 1e-15 · max(1, |r|) (Newton then converges quadratically, so
     * the root is far more exact than the relative step ≤ 1e-12 the contract asks for).
     */
    static OptionalDouble solve(double[] tau, double[] c) {
        double lo = LOW;
        double hi = HIGH;
        double flo = npv(tau, c, lo);
        double fhi = npv(tau, c, hi);
        if (flo == 0) {
            return OptionalDouble.of(lo);
        }
        if (fhi == 0) {
            return OptionalDouble.of(hi);
        }
        if (!(Double.isFinite(flo) && Double.isFinite(fhi)) || (flo > 0) == (fhi > 0)) {
            return OptionalDouble.empty();
        }
        boolean loNegative = flo < 0;
        double x = GUESS;
        double lastStep = Double.POSITIVE_INFINITY;
        double[] fd = new double[2];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            npvAndSlope(tau, c, x, fd);
            double fx = fd[0];
            if (fx == 0) {
                return OptionalDouble.of(x);
            }
            if ((fx < 0) == loNegative) {
                lo = x;
            } else {
                hi = x;
            }
            double next = x - fx / fd[1];
            double step = Math.abs(next - x);
            if (!(next > lo && next < hi) || !(step <= 0.5 * lastStep) && it > 0) {
                next = Math.expm1(0.5 * (Math.log1p(lo) + Math.log1p(hi)));
                step = Math.abs(next - x);
            }
            lastStep = step;
            x = next;
            if (step <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return OptionalDouble.of(x);
            }
        }
        return OptionalDouble.of(x);
    }

    /** f(r) and f'(r) into {@code out}: Σ c_i·(1 + r)^tau_i and Σ c_i·tau_i·(1 + r)^(tau_i − 1). */
    private static void npvAndSlope(double[] tau, double[] c, double r, double[] out) {
        double lg = Math.log1p(r);
        double f = 0;
        double d = 0;
        for (int i = 0; i < c.length; i++) {
            double e = tau[i] == 0 ? 1 : Math.exp(tau[i] * lg);
            f += c[i] * e;
            d += c[i] * tau[i] * e;
        }
        out[0] = f;
        out[1] = d / (1 + r);
    }

    /** Σ c_i · (1 + r)^tau_i, summed in date order. */
    static double npv(double[] tau, double[] c, double r) {
        double lg = Math.log1p(r);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * (tau[i] == 0 ? 1 : Math.exp(tau[i] * lg));
        }
        return s;
    }
}
