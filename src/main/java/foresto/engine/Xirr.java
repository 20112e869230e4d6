package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

/**
 * The money-weighted return (XIRR, SEMANTICS §13.4): the r with Σ c_i · (1 + r)^((t_n − t_i) / 365) = 0, t_n the
 * last date (the same roots and signs as Excel's Σ c_i · (1 + r)^(−(t_i − t_0) / 365), without overflow over long
 * horizons). Found by Brent's bracketing method on [−0.9999, 100] until the bracket is as narrow as the doubles
 * allow; empty when f has the same sign at both ends (no sign change, so no bracketed root).
 */
public final class Xirr {
    static final double LOW = -0.9999;
    static final double HIGH = 100;
    private static final double DAYS_PER_YEAR = 365;
    private static final int MAX_ITERATIONS = 200;

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

    /** With {@code tau[i]} = (t_n − t_i) / 365 already computed. */
    static OptionalDouble solve(double[] tau, double[] c) {
        double a = LOW;
        double b = HIGH;
        double fa = npv(tau, c, a);
        double fb = npv(tau, c, b);
        if (fa == 0) {
            return OptionalDouble.of(a);
        }
        if (fb == 0) {
            return OptionalDouble.of(b);
        }
        if (!(Double.isFinite(fa) && Double.isFinite(fb)) || (fa > 0) == (fb > 0)) {
            return OptionalDouble.empty();
        }
        // Brent (1973), as in Numerical Recipes' zbrent: b is the best estimate, [b, c] brackets the root
        double cc = b;
        double fc = fb;
        double d = 0;
        double e = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if ((fb > 0) == (fc > 0)) {
                cc = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = cc;
                cc = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol = 2 * Math.ulp(1.0) * Math.abs(b) + 1e-16;
            double m = 0.5 * (cc - b);
            if (Math.abs(m) <= tol || fb == 0) {
                return OptionalDouble.of(b);
            }
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == cc) {
                    p = 2 * m * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                }
                p = Math.abs(p);
                if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = d;
                }
            } else {
                d = m;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : Math.copySign(tol, m);
            fb = npv(tau, c, b);
        }
        return OptionalDouble.of(b);
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
