package foresto.engine.robust;

/**
 * The bootstrap study's summary figures (SEMANTICS §12.4): P(A beats B) = the share of paths whose final value
 * A is above B's (equal is not beating) — a share of resampled histories, not a significance level — with its
 * standard error √(P(1−P)/J); the type-7 p5, p25, median, p75, p95 of the per-path differences D_j = CAGR_A −
 * CAGR_B and MDD_A − MDD_B. Arrays are indexed by path j, so the figures do not depend on the order in which
 * paths were computed.
 */
public final class BootstrapSummary {
    private BootstrapSummary() {
    }

    /** The five percentiles the study reports. */
    public record Quantiles(double p5, double p25, double median, double p75, double p95) {
        /** The type-7 percentiles of {@code values} (at least one, any order). */
        public static Quantiles of(double[] values) {
            return of(values, 0, values.length);
        }

        /** The type-7 percentiles of {@code values[from … to − 1]} (at least one, any order). */
        public static Quantiles of(double[] values, int from, int to) {
            double[] x = Percentiles.sorted(values, from, to);
            return new Quantiles(Percentiles.ofSorted(x, 0.05), Percentiles.ofSorted(x, 0.25),
                    Percentiles.ofSorted(x, 0.5), Percentiles.ofSorted(x, 0.75), Percentiles.ofSorted(x, 0.95));
        }
    }

    /** The share of paths j with finalA[j] &gt; finalB[j]. */
    public static double pBeats(double[] finalA, double[] finalB) {
        requireSameLength(finalA, finalB);
        int beats = 0;
        for (int j = 0; j < finalA.length; j++) {
            if (finalA[j] > finalB[j]) {
                beats++;
            }
        }
        return (double) beats / finalA.length;
    }

    /** √(P(1−P)/J). */
    public static double standardError(double p, int paths) {
        if (paths < 1) {
            throw new IllegalArgumentException("need at least one path, got " + paths);
        }
        return Math.sqrt(p * (1 - p) / paths);
    }

    /** a[j] − b[j] for every path j. */
    public static double[] differences(double[] a, double[] b) {
        requireSameLength(a, b);
        double[] d = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            d[j] = a[j] - b[j];
        }
        return d;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need one value per path for A and B, got " + a.length + " and " + b.length);
        }
    }
}
