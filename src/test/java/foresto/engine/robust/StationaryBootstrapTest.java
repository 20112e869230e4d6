package foresto.engine.robust;

import foresto.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class StationaryBootstrapTest {

    /** The contract's generator, written out again for the test (shares no code with SplitMix64). */
    private static final class Gen {
        long s;

        Gen(long seed, int j) {
            s = mix(seed ^ (0x9E3779B97F4A7C15L * j));
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        double u() {
            s += 0x9E3779B97F4A7C15L;
            return (mix(s) >>> 11) / 9007199254740992.0; // 2^53
        }
    }

    /*
     * Seed 1, path 0 draws u = 0.74975, 0.37239, 0.43828, 0.95412, 0.20206, 0.59577, 0.45577, …
     * Seed 1, path 1 draws u = 0.36624, 0.74081, 0.51056, 0.92696, 0.51181, 0.15403, 0.87020, …
     * (printed once from an independent Python implementation of §12.4 and checked by the Gen above)
     */
    @Test
    void theDrawsOfSeed1AreTheOnesTheHandTracesUse() {
        Gen p0 = new Gen(1, 0);
        double[] e0 = {0.74975, 0.37239, 0.43828, 0.95412, 0.20206, 0.59577, 0.45577};
        for (double e : e0) {
            assertThat(p0.u()).isCloseTo(e, offset(5e-6));
        }
        Gen p1 = new Gen(1, 1);
        double[] e1 = {0.36624, 0.74081, 0.51056, 0.92696, 0.51181, 0.15403, 0.87020};
        for (double e : e1) {
            assertThat(p1.u()).isCloseTo(e, offset(5e-6));
        }
    }

    @Test
    void handTracedPathWithNewBlocksAndContinuations() {
        // n = 5, b = 2.5 (q = 0.4), seed 1, path 0:
        // idx[1] = 1 + ⌊0.74975·5⌋ = 4
        // t=2: u = 0.37239 < 0.4 → new: 1 + ⌊0.43828·5⌋ = 3
        // t=3: u = 0.95412 ≥ 0.4 → 3 + 1 = 4
        // t=4: u = 0.20206 < 0.4 → new: 1 + ⌊0.59577·5⌋ = 3
        // t=5: u = 0.45577 ≥ 0.4 → 4
        assertThat(new StationaryBootstrap(1, 5, 2.5, 1).indices(0)).containsExactly(0, 4, 3, 4, 3, 4);
    }

    @Test
    void handTracedWrapFromNToOne() {
        // n = 4, b = 2 (q = 0.5), seed 1, path 1: idx[1] = 1 + ⌊0.36624·4⌋ = 2; 0.74081 → 3; 0.51056 → 4;
        // 0.92696 ≥ 0.5 and idx[3] = n → 1
        assertThat(new StationaryBootstrap(2, 4, 2, 1).indices(1)).containsExactly(0, 2, 3, 4, 1);
        // n = 6: 1 + ⌊0.36624·6⌋ = 3; 4; 5; 6; u = 0.51181 → wrap to 1; u = 0.15403 < 0.5 → 1 + ⌊0.87020·6⌋ = 6
        assertThat(new StationaryBootstrap(2, 6, 2, 1).indices(1)).containsExactly(0, 3, 4, 5, 6, 1, 6);
    }

    @Test
    void blockOfOneDrawsEveryIndexAfreshAndStillSpendsTheUniformFirst() {
        // b = 1: q = 1, every u < 1 → every idx[t] is fresh; the u is drawn (and discarded) before the index:
        // n = 3, seed 1, path 0: 1 + ⌊0.74975·3⌋ = 3; (u 0.37239) 1 + ⌊0.43828·3⌋ = 2; (u 0.95412) 1 + ⌊0.20206·3⌋ = 1
        assertThat(new StationaryBootstrap(1, 3, 1, 1).indices(0)).containsExactly(0, 3, 2, 1);
        // and in general: idx[1] from draw 1, idx[t] from draw 2t − 1
        int n = 50;
        StationaryBootstrap sb = new StationaryBootstrap(10, n, 1, 0xDEADBEEFL);
        for (int j = 0; j < 10; j++) {
            Gen g = new Gen(0xDEADBEEFL, j);
            int[] idx = sb.indices(j);
            assertThat(idx[1]).isEqualTo(1 + (int) Math.floor(g.u() * n));
            for (int t = 2; t <= n; t++) {
                g.u();
                assertThat(idx[t]).isEqualTo(1 + (int) Math.floor(g.u() * n));
            }
        }
    }

    @Test
    void everyIndexIsARowOfTheWindowAndPathsAreReproducible() {
        StationaryBootstrap sb = new StationaryBootstrap(100, 37, 3.7, -1L);
        for (int j = 0; j < 100; j++) {
            int[] idx = sb.indices(j);
            assertThat(idx).hasSize(38);
            assertThat(idx[0]).isZero();
            for (int t = 1; t <= 37; t++) {
                assertThat(idx[t]).isBetween(1, 37);
            }
            int[] again = new int[40];
            sb.fill(j, again);
            for (int t = 0; t <= 37; t++) {
                assertThat(again[t]).isEqualTo(idx[t]);
            }
        }
        // path j does not depend on J
        assertThat(new StationaryBootstrap(1000, 37, 3.7, -1L).indices(5)).containsExactly(sb.indices(5));
        // a single row: every index is 1
        assertThat(new StationaryBootstrap(1, 1, 21, 7).indices(0)).containsExactly(0, 1);
    }

    @Test
    void pathsComputedOnSeveralThreadsInAnyOrderEqualTheSequentialOnes() throws Exception {
        StationaryBootstrap sb = new StationaryBootstrap(64, 500, 21, 20261207L);
        int[][] sequential = new int[64][];
        for (int j = 0; j < 64; j++) {
            sequential[j] = sb.indices(j);
        }
        int[][] parallel = new int[64][];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int j = 63; j >= 0; j--) { // reverse order, four threads
                int path = j;
                done.add(pool.submit(() -> parallel[path] = sb.indices(path)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int j = 0; j < 64; j++) {
            assertThat(parallel[j]).as("path %d", j).containsExactly(sequential[j]);
        }
    }

    @Test
    void empiricalMeanBlockLengthIsB() {
        // A block ends where idx[t] is not the successor of idx[t−1]. A fresh start (probability q = 1/b) lands on
        // the successor with probability 1/n, so breaks per step have mean q(1 − 1/n) and (n − 1)/breaks ≈ b.
        // 200 paths × 7,559 steps: breaks ≈ Binomial(1.51e6, q); for b = 21 their relative sd is 0.36 %, so a
        // ±3 % tolerance is about 8 sd (b = 2.5: relative sd 0.1 %).
        for (double b : new double[]{21, 2.5}) {
            int n = 7_560;
            StationaryBootstrap sb = new StationaryBootstrap(200, n, b, 1);
            long steps = 0;
            long breaks = 0;
            for (int j = 0; j < 200; j++) {
                int[] idx = sb.indices(j);
                for (int t = 2; t <= n; t++) {
                    int successor = idx[t - 1] == n ? 1 : idx[t - 1] + 1;
                    if (idx[t] != successor) {
                        breaks++;
                    }
                    steps++;
                }
            }
            double meanBlock = (double) steps / breaks * (1 - 1.0 / n);
            assertThat(meanBlock).as("b = %s", b).isBetween(b * 0.97, b * 1.03);
        }
    }

    @Test
    void refusesBadInputWithTheEngineError() {
        assertInvalid(() -> new StationaryBootstrap(0, 10, 21, 1), "paths");
        assertInvalid(() -> new StationaryBootstrap(100_001, 10, 21, 1), "paths");
        assertInvalid(() -> new StationaryBootstrap(-5, 10, 21, 1), "paths");
        assertInvalid(() -> new StationaryBootstrap(10, 10, 0.999, 1), "block");
        assertInvalid(() -> new StationaryBootstrap(10, 10, Double.NaN, 1), "block");
        assertInvalid(() -> new StationaryBootstrap(10, 10, Double.POSITIVE_INFINITY, 1), "block");
        assertInvalid(() -> new StationaryBootstrap(10, 0, 21, 1), "date");
        assertThat(new StationaryBootstrap(100_000, 1, 1, 0).paths()).isEqualTo(100_000);
        StationaryBootstrap sb = new StationaryBootstrap(3, 10, 2, 1);
        assertThatThrownBy(() -> sb.indices(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sb.indices(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sb.fill(0, new int[10])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultBlockIsRoundOfFOver12AtLeastOne() {
        assertThat(StationaryBootstrap.defaultMeanBlock(252)).isEqualTo(21.0);
        assertThat(StationaryBootstrap.defaultMeanBlock(52)).isEqualTo(4.0); // 4.33
        assertThat(StationaryBootstrap.defaultMeanBlock(12)).isEqualTo(1.0);
        assertThat(StationaryBootstrap.defaultMeanBlock(4)).isEqualTo(1.0); // round(0.33) = 0 → 1
        assertThat(StationaryBootstrap.defaultMeanBlock(1)).isEqualTo(1.0);
    }

    private static void assertInvalid(Runnable r, String messagePart) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
