package foresto.engine;

/** The arithmetic both paths share, kept in one place so ON and OFF can never drift apart by rounding. */
final class PathArithmetic {
    private PathArithmetic() {
    }

    /**
     * Step 1 of a close: P[j] ← P[j]·(1 + r[held[j]]); returns V = Σ P[j], summed in standard class order.
     * {@code rows} is row-major by ordinal, {@code offset} the close's row start.
     */
    static double applyReturns(double[] p, int[] held, double[] rows, int offset) {
        double v = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = p[j] * (1 + rows[offset + held[j]]);
            v += p[j];
        }
        return v;
    }
}
