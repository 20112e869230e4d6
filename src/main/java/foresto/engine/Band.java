package foresto.engine;

/**
 * The no-trade band of a drift rule for one run: β[j] for each held class j (standard order), fixed by the
 * band kind, θ, ρ and the targets (SEMANTICS §10). The breach test compares |cw − w| with β directly.
 */
final class Band {
    private static final double MARGIN = 1 - 1e-9;
    final BandKind kind;
    final double[] beta;
    private final boolean uniform;

    Band(BandKind kind, double theta, double rho, double[] w) {
        this.kind = kind;
        this.beta = new double[w.length];
        boolean same = true;
        for (int j = 0; j < w.length; j++) {
            beta[j] = kind.band(theta, rho, w[j]);
            same &= beta[j] == beta[0];
        }
        this.uniform = same;
    }

    /**
     * A division-free pre-check: true only when every |p/v − w| is certainly below its band, with a relative
     * margin far wider than rounding, so the exact test decides every close near a band.
     */
    boolean clearlyInside(double[] p, double[] w, double v) {
        for (int j = 0; j < p.length; j++) {
            if (Math.abs(p[j] - w[j] * v) >= beta[j] * v * MARGIN) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #clearlyInside(double[], double[], double)} with the positions at {@code p[off] …} (a batch lane). */
    boolean clearlyInside(double[] p, int off, double[] w, double v) {
        for (int j = 0; j < w.length; j++) {
            if (Math.abs(p[off + j] - w[j] * v) >= beta[j] * v * MARGIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exact test at a close: −1 when no class is at or beyond its band; otherwise the breached class, the
     * one with the largest |cw − w| / β (ties: the first in standard order).
     */
    int breached(double[] p, double[] w, double v) {
        boolean breach = false;
        int worst = -1;
        double worstDrift = 0;
        for (int j = 0; j < p.length; j++) {
            double d = Math.abs(p[j] / v - w[j]);
            breach |= d >= beta[j];
            // equal bands: the largest drift itself (no division that could tie two different drifts)
            if (worst < 0 || (uniform ? d > worstDrift : d / beta[j] > worstDrift / beta[worst])) {
                worst = j;
                worstDrift = d;
            }
        }
        return breach ? worst : -1;
    }
}
