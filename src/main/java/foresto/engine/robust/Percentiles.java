package foresto.engine.robust;

import java.util.Arrays;

/**
 * Percentiles as SEMANTICS §12.5 (R's type 7, numpy's default): sort ascending x_0 ≤ … ≤ x_{n−1}; for p in
 * [0, 1], h = (n − 1)·p and q = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋); q = x_{n−1} when h = n − 1 (p = 1) and
 * q = x_0 when n = 1.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** An ascending copy of {@code values}; throws for an empty array or a NaN. */
    public static double[] sorted(double[] values) {
        return sorted(values, 0, values.length);
    }

    /** {@link #sorted(double[])} of {@code values[from … to − 1]}. */
    public static double[] sorted(double[] values, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("percentiles need at least one value");
        }
        double[] x = Arrays.copyOfRange(values, from, to);
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("percentiles of a NaN are undefined");
            }
        }
        Arrays.sort(x);
        return x;
    }

    /** The type-7 p-quantile of ascending {@code x} (not checked: sort with {@link #sorted} first). */
    public static double ofSorted(double[] x, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("percentiles need at least one value");
        }
        if (n == 1) {
            return x[0];
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return x[n - 1];
        }
        return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }

    /** The type-7 quantiles of {@code values} (any order) for each p, in the order of {@code ps}. */
    public static double[] of(double[] values, double... ps) {
        double[] x = sorted(values);
        double[] q = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            q[i] = ofSorted(x, ps[i]);
        }
        return q;
    }
}
