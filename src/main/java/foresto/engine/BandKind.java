package foresto.engine;

/**
 * How wide a DRIFT rule's band is for each held class a (SEMANTICS §10): ABSOLUTE θ (the seed's rule),
 * RELATIVE ρ·w[a], HYBRID min(θ, ρ·w[a]) ("5/25": whichever is hit first).
 */
public enum BandKind {
    ABSOLUTE,
    RELATIVE,
    HYBRID;

    /** The band of one class with target {@code w}. */
    double band(double theta, double rho, double w) {
        return switch (this) {
            case ABSOLUTE -> theta;
            case RELATIVE -> rho * w;
            case HYBRID -> Math.min(theta, rho * w);
        };
    }
}
