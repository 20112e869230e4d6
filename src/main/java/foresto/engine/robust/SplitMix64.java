package foresto.engine.robust;

/**
 * The SplitMix64 generator exactly as SEMANTICS §12.4 specifies it (Steele, Lea and Flood 2014; the reference
 * {@code splitmix64.c}). All arithmetic is mod 2^64 on Java longs read as unsigned; {@code >>>} is the unsigned
 * shift. Not thread-safe: one generator per path.
 */
public final class SplitMix64 {
    /** The increment of the state (the golden gamma), also the factor of the per-path start state. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private long state;

    /** A generator whose state starts at {@code state} itself (the published test vector's convention). */
    public SplitMix64(long state) {
        this.state = state;
    }

    /** Path j's generator (0-based): state = mix(seed ^ (j · golden gamma)). */
    public static SplitMix64 forPath(long seed, int j) {
        if (j < 0) {
            throw new IllegalArgumentException("path index must be ≥ 0, got " + j);
        }
        return new SplitMix64(mix(seed ^ ((long) j * GOLDEN_GAMMA)));
    }

    /** The finaliser: z' = (z ^ (z >>> 30)) · 0xBF58476D1CE4E5B9, z' = (z' ^ (z' >>> 27)) · 0x94D049BB133111EB, z' ^ (z' >>> 31). */
    public static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** Advances the state by the golden gamma and returns its mix (an unsigned 64-bit value in a long). */
    public long next() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** (next() >>> 11) · 2^−53: a double in [0, 1). */
    public double uniform() {
        return (next() >>> 11) * TWO_POW_MINUS_53;
    }

    /**
     * floor(uniform() · n), in 0 … n − 1 for 1 ≤ n ≤ 2^31 − 1 (uniform() ≤ 1 − 2^−53, and (1 − 2^−53) · n rounds
     * below n for every such n).
     */
    public int index(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("index(n) needs n ≥ 1, got " + n);
        }
        return scale(uniform(), n);
    }

    /** floor(u · n) for u in [0, 1): the arithmetic of {@link #index(int)}. */
    static int scale(double u, int n) {
        return (int) Math.floor(u * n);
    }

    /** The current state (unsigned 64-bit in a long). */
    public long state() {
        return state;
    }
}
