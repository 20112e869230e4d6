package foresto.engine.robust;

import foresto.engine.EngineException;

/**
 * The stationary bootstrap (Politis and Romano 1994) of a window's return rows, exactly as SEMANTICS §12.4:
 * the window's dates after the purchase date are d_1 … d_n; path j (0-based) draws from its own
 * {@link SplitMix64#forPath generator}, in this order: idx[1] = 1 + index(n); for t = 2 … n, u = uniform() and,
 * if u &lt; q = 1/b, idx[t] = 1 + index(n), else idx[t] = idx[t−1] + 1, or 1 after n (wrap). The resampled path's
 * return on d_t is row idx[t]; its dates stay d_0 … d_n. Immutable and thread-safe: each call makes its own
 * generator, so path j is the same whichever thread asks and in whatever order.
 */
public final class StationaryBootstrap {
    /** The most paths a study may ask for. */
    public static final int MAX_PATHS = 100_000;

    private final int paths;
    private final int rows;
    private final double meanBlock;
    private final double q;
    private final long seed;

    /**
     * @param paths     J, 1 … {@link #MAX_PATHS}
     * @param rows      n, the window's dates after the purchase date (≥ 1)
     * @param meanBlock b, a real ≥ 1 (b = 1: every row drawn afresh)
     * @param seed      an unsigned 64-bit integer held in a long
     */
    public StationaryBootstrap(int paths, int rows, double meanBlock, long seed) {
        requirePaths(paths);
        requireMeanBlock(meanBlock);
        if (rows < 1) {
            throw invalid("the window needs at least one date after the purchase date to resample, got " + rows);
        }
        this.paths = paths;
        this.rows = rows;
        this.meanBlock = meanBlock;
        this.q = 1 / meanBlock;
        this.seed = seed;
    }

    /** Throws INVALID_REQUEST unless 1 ≤ J ≤ 100,000. */
    public static void requirePaths(int paths) {
        if (paths < 1 || paths > MAX_PATHS) {
            throw invalid("paths must be between 1 and 100,000, got " + paths);
        }
    }

    /** Throws INVALID_REQUEST unless b is a finite real ≥ 1. */
    public static void requireMeanBlock(double b) {
        if (!(b >= 1 && b < Double.POSITIVE_INFINITY)) {
            throw invalid("the mean block length must be a number ≥ 1, got " + b);
        }
    }

    /** The default mean block length max(1, round(f / 12)) for f periods per year (21 for daily data). */
    public static double defaultMeanBlock(int periodsPerYear) {
        return Math.max(1, Math.round(periodsPerYear / 12.0));
    }

    public int paths() {
        return paths;
    }

    public int rows() {
        return rows;
    }

    public double meanBlock() {
        return meanBlock;
    }

    public long seed() {
        return seed;
    }

    /**
     * Path j's index sequence: an array of n + 1 where element t (1 … n) is idx[t], a 1-based row of the window
     * (row t = the returns on d_t); element 0 is 0 (d_0, the purchase date, has no return).
     */
    public int[] indices(int j) {
        int[] idx = new int[rows + 1];
        fill(j, idx);
        return idx;
    }

    /** As {@link #indices(int)}, into {@code idx} (length ≥ n + 1; only elements 0 … n are written). */
    public void fill(int j, int[] idx) {
        if (j < 0 || j >= paths) {
            throw new IllegalArgumentException("path index must be in 0.." + (paths - 1) + ", got " + j);
        }
        if (idx.length < rows + 1) {
            throw new IllegalArgumentException("need room for " + (rows + 1) + " indices, got " + idx.length);
        }
        SplitMix64 g = SplitMix64.forPath(seed, j);
        int n = rows;
        idx[0] = 0;
        idx[1] = 1 + g.index(n);
        for (int t = 2; t <= n; t++) {
            double u = g.uniform();
            if (u < q) {
                idx[t] = 1 + g.index(n);
            } else {
                idx[t] = idx[t - 1] == n ? 1 : idx[t - 1] + 1;
            }
        }
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_REQUEST, message);
    }
}
