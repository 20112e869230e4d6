package foresto.engine;

/**
 * How a flow F is allocated (SEMANTICS §13.3), as pure functions of the positions before it. Each fills
 * {@code trade} (held order) with the amount bought (&gt; 0) or sold (&lt; 0) per class; the new positions are
 * {@code p[j] + trade[j]}, except for the exact-target shortcut, where they are exactly {@code w[j]·(V + F)}
 * ({@link #apply} takes care of that).
 */
final class WaterLevel {
    private WaterLevel() {
    }

    /** Pro rata: {@code F · P[j] / V}; the mix does not change. */
    static void proRata(double[] p, double v, double f, double[] trade) {
        proRata(p, v, f, trade, 0);
    }

    private static void proRata(double[] p, double v, double f, double[] trade, int at) {
        for (int j = 0; j < p.length; j++) {
            trade[at + j] = f * p[j] / v;
        }
    }

    /**
     * Toward the targets: a contribution buys {@code max(0, w[j]·L − P[j])} with L the level where these sum to F
     * (the most underweight classes first); a withdrawal sells {@code max(0, P[j] − w[j]·L)} with L where these sum
     * to −F (the most overweight first). When F reaches every class's level ({@code F ≥ max P/w − V} resp.
     * {@code −F ≥ V − min P/w}) the result is exactly the targets of V + F; returns true then. Needs every
     * {@code w[j] > 0} and, for a withdrawal, {@code −F < V} (depletion is decided before).
     */
    static boolean towardTarget(double[] p, double[] w, double v, double f, double[] trade) {
        return towardTarget(p, w, v, f, trade, 0, new int[p.length], new double[p.length]);
    }

    /**
     * {@link #towardTarget(double[], double[], double, double, double[])} writing the trades from {@code trade[at]} on
     * and sorting in the caller's scratch arrays.
     */
    private static boolean towardTarget(double[] p, double[] w, double v, double f, double[] trade, int at, int[] order,
                                        double[] key) {
        int h = p.length;
        boolean buy = f > 0;
        double[] x = key; // P/w per class, held order (each division once: the shortcut, the order and the level read it)
        for (int j = 0; j < h; j++) {
            x[j] = p[j] / w[j];
        }
        double extreme = x[0];
        for (int j = 1; j < h; j++) {
            extreme = buy ? Math.max(extreme, x[j]) : Math.min(extreme, x[j]);
        }
        if (buy ? f >= extreme - v : -f >= v - extreme) {
            double total = v + f;
            for (int j = 0; j < h; j++) {
                trade[at + j] = w[j] * total - p[j];
            }
            return true;
        }
        // classes in the order they are reached: ascending P/w for a contribution, descending for a withdrawal
        for (int j = 0; j < h; j++) { // insertion sort of at most five classes, stable on ties
            double xj = x[j];
            int i = j;
            while (i > 0 && (buy ? x[order[i - 1]] > xj : x[order[i - 1]] < xj)) {
                order[i] = order[i - 1];
                i--;
            }
            order[i] = j;
        }
        double sumP = 0;
        double sumW = 0;
        double level = 0;
        for (int i = 0; i < h; i++) {
            int j = order[i];
            sumP += p[j];
            sumW += w[j];
            level = (sumP + f) / sumW; // Σ_{reached} (w·L − P) = F, for a withdrawal Σ (P − w·L) = −F
            if (i + 1 == h) {
                break;
            }
            double xNext = x[order[i + 1]];
            if (buy ? level <= xNext : level >= xNext) {
                break;
            }
        }
        for (int j = 0; j < h; j++) {
            trade[at + j] = buy ? Math.max(0, w[j] * level - p[j]) : -Math.max(0, p[j] - w[j] * level);
        }
        return false;
    }

    /**
     * Allocates F into {@code p} in place by {@code allocation}, filling {@code trade}; returns the value after,
     * Σ p in held order.
     */
    static double apply(FlowAllocation allocation, double[] p, double[] w, double v, double f, double[] trade) {
        return apply(allocation, p, w, v, f, trade, 0, new int[p.length], new double[p.length]);
    }

    /**
     * {@link #apply(FlowAllocation, double[], double[], double, double, double[])} writing the trades into
     * {@code trades[at … at + h − 1]} (the path loop's record of every flow, so nothing is copied) and sorting in the
     * caller's scratch arrays (as long as {@code p}): the path loop allocates them once, not per flow.
     */
    static double apply(FlowAllocation allocation, double[] p, double[] w, double v, double f, double[] trades, int at,
                        int[] order, double[] key) {
        boolean exact = allocation == FlowAllocation.TOWARD_TARGET ? towardTarget(p, w, v, f, trades, at, order, key)
                : proRataAnd(p, v, f, trades, at);
        double total = v + f;
        double after = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = exact ? w[j] * total : p[j] + trades[at + j];
            after += p[j];
        }
        return after;
    }

    private static boolean proRataAnd(double[] p, double v, double f, double[] trade, int at) {
        proRata(p, v, f, trade, at);
        return false;
    }
}
