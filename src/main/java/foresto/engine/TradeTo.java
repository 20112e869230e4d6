package foresto.engine;

/**
 * How far a drift rule trades (SEMANTICS §10): with g = 0 back to the targets; otherwise the deviation
 * vector b − w shrunk by λ = g / m (m = max |b − w| / β, ≥ 1 when the rule fired), so the worst class ends at
 * g of its band and the weights still sum to 1.
 */
final class TradeTo {
    private TradeTo() {
    }

    /** The weights after the trade (held order), or null for exactly the targets (g = 0). */
    static double[] afterWeights(double[] p, double v, double[] w, double[] beta, int worst, double g) {
        if (g == 0) {
            return null;
        }
        double m = Math.abs(p[worst] / v - w[worst]) / beta[worst];
        double lambda = g / m;
        double[] n = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            n[j] = w[j] + lambda * (p[j] / v - w[j]);
        }
        return n;
    }
}
