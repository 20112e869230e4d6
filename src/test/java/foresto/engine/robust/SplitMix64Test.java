package foresto.engine.robust;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SplitMix64 against its published test vector (Rosetta Code "Pseudo-random numbers/Splitmix64", the same five
 * values in several independent ports) and against an independent BigInteger implementation of SEMANTICS §12.4.
 */
class SplitMix64Test {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger GOLDEN = new BigInteger("9E3779B97F4A7C15", 16);
    private static final BigInteger M1 = new BigInteger("BF58476D1CE4E5B9", 16);
    private static final BigInteger M2 = new BigInteger("94D049BB133111EB", 16);

    /** The contract's generator in unbounded integers reduced mod 2^64 (shares no code with the class under test). */
    private static final class Reference {
        BigInteger state;

        Reference(BigInteger state) {
            this.state = state.mod(MOD);
        }

        static BigInteger mix(BigInteger z) {
            BigInteger x = z.xor(z.shiftRight(30)).multiply(M1).mod(MOD);
            x = x.xor(x.shiftRight(27)).multiply(M2).mod(MOD);
            return x.xor(x.shiftRight(31));
        }

        BigInteger next() {
            state = state.add(GOLDEN).mod(MOD);
            return mix(state);
        }

        double uniform() {
            // exact: a 53-bit integer divided by 2^53 is a double
            return new BigDecimal(next().shiftRight(11)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(53))).doubleValue();
        }
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static long asLong(BigInteger v) {
        return Long.parseUnsignedLong(v.toString());
    }

    @Test
    void publishedVectorForSeed1234567WithTheStateStartingAtTheSeed() {
        SplitMix64 g = new SplitMix64(1234567L);
        String[] published = {"6457827717110365317", "3203168211198807973", "9817491932198370423",
                "4593380528125082431", "16408922859458223821"};
        for (String expected : published) {
            assertThat(Long.toUnsignedString(g.next())).isEqualTo(expected);
        }
    }

    @Test
    void publishedFirstOutputForSeedZero() {
        assertThat(new SplitMix64(0).next()).isEqualTo(0xE220A8397B1DCDAFL);
        // mix alone is the finaliser: the first output is mix(seed + golden gamma)
        assertThat(Long.toUnsignedString(SplitMix64.mix(asLong(BigInteger.valueOf(1234567).add(GOLDEN).mod(MOD)))))
                .isEqualTo("6457827717110365317");
    }

    @Test
    void perPathStartStateIsMixOfSeedXorPathTimesGolden() {
        // j = 0: state = mix(seed ^ 0) = mix(seed); with seed = 1234567 + golden that is the published first output
        long seed0 = asLong(BigInteger.valueOf(1234567).add(GOLDEN).mod(MOD));
        assertThat(Long.toUnsignedString(SplitMix64.forPath(seed0, 0).state())).isEqualTo("6457827717110365317");
        // j = 1: state = mix(seed ^ golden); choose seed = (1234567 + golden) ^ golden to land on the same value
        long seed1 = asLong(BigInteger.valueOf(1234567).add(GOLDEN).mod(MOD).xor(GOLDEN));
        assertThat(Long.toUnsignedString(SplitMix64.forPath(seed1, 1).state())).isEqualTo("6457827717110365317");
        // j = 1, seed 1 (the default seed): against the reference
        BigInteger expected = Reference.mix(BigInteger.ONE.xor(GOLDEN));
        assertThat(unsigned(SplitMix64.forPath(1, 1).state())).isEqualTo(expected);
        // j = 99,999: j · golden wraps mod 2^64
        BigInteger wrapped = BigInteger.valueOf(99_999).multiply(GOLDEN).mod(MOD);
        assertThat(unsigned(SplitMix64.forPath(-1L, 99_999).state()))
                .isEqualTo(Reference.mix(MOD.subtract(BigInteger.ONE).xor(wrapped)));
        // and path j then continues as an ordinary generator from that state
        Reference r = new Reference(Reference.mix(BigInteger.valueOf(42).xor(BigInteger.valueOf(7).multiply(GOLDEN).mod(MOD))));
        SplitMix64 g = SplitMix64.forPath(42, 7);
        for (int i = 0; i < 3; i++) {
            assertThat(unsigned(g.next())).isEqualTo(r.next());
        }
    }

    @Test
    void agreesWithTheBigIntegerReferenceForSeedsAcrossTheUnsignedRange() {
        String[] seeds = {"0", "1", "1234567", "9223372036854775807", "9223372036854775808", "18446744073709551615",
                "11400714819323198485"};
        for (String s : seeds) {
            BigInteger seed = new BigInteger(s);
            Reference r = new Reference(seed);
            SplitMix64 g = new SplitMix64(asLong(seed));
            for (int i = 0; i < 200; i++) {
                assertThat(unsigned(g.next())).as("seed %s draw %d", s, i).isEqualTo(r.next());
            }
            Reference ru = new Reference(seed);
            SplitMix64 gu = new SplitMix64(asLong(seed));
            for (int i = 0; i < 200; i++) {
                assertThat(gu.uniform()).isEqualTo(ru.uniform());
            }
        }
    }

    @Test
    void uniformIsInTheHalfOpenUnitIntervalAndIndexBelowN() {
        SplitMix64 g = new SplitMix64(987654321L);
        double min = 1;
        double max = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = g.uniform();
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        assertThat(min).isLessThan(1e-3);
        assertThat(max).isGreaterThan(1 - 1e-3);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[g.index(7)]++;
        }
        // each bucket expects 10,000 (sd ≈ 93): ±600 is more than 6 sd
        for (int c : counts) {
            assertThat(c).isBetween(9_400, 10_600);
        }
        for (int n : new int[]{1, 2, 3, 1000, Integer.MAX_VALUE}) {
            for (int i = 0; i < 1000; i++) {
                assertThat(g.index(n)).isBetween(0, n - 1);
            }
        }
    }

    @Test
    void theLargestUniformStillScalesBelowN() {
        double largest = 1 - 0x1.0p-53; // (2^53 − 1) · 2^−53
        for (int n : new int[]{1, 2, 3, 5, 7, 1000, 7_560, 1 << 20, (1 << 30) + 1, Integer.MAX_VALUE}) {
            assertThat(SplitMix64.scale(largest, n)).isEqualTo(n - 1);
        }
        assertThat(SplitMix64.scale(0.0, 10)).isZero();
        assertThat(SplitMix64.scale(0.5, 10)).isEqualTo(5);
        assertThat(SplitMix64.scale(0.0999999, 10)).isZero();
    }
}
