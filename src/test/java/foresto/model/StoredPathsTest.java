package foresto.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored paths' binary form: bit-identical round trips, and blobs written by v0.1's encoder still read. */
class StoredPathsTest {
    private static StoredPaths sample(boolean on) {
        int n = 3000;
        SplittableRandom rnd = new SplittableRandom(11);
        LocalDate[] d = new LocalDate[n];
        double[] off = new double[n];
        double[] onV = new double[n];
        double[][] w = new double[2][n];
        double[][] wOn = new double[2][n];
        for (int k = 0; k < n; k++) {
            d[k] = LocalDate.of(2000, 1, 3).plusDays(k);
            off[k] = 100 * Math.exp(rnd.nextGaussian() * 0.01 * Math.sqrt(k + 1));
            onV[k] = k == 17 ? Double.NaN : off[k] * (1 + 1e-3 * rnd.nextDouble());
            w[0][k] = rnd.nextDouble();
            w[1][k] = 1 - w[0][k];
            wOn[0][k] = -0.0;
            wOn[1][k] = Double.MIN_VALUE;
        }
        return new StoredPaths(d, off, on ? onV : null, new int[] {0, 1}, w, on ? wOn : null);
    }

    private static void assertSame(StoredPaths a, StoredPaths b) {
        assertThat(b.dates()).containsExactly(a.dates());
        assertThat(b.heldOrdinals()).containsExactly(a.heldOrdinals());
        assertThat(bits(b.off())).containsExactly(bits(a.off()));
        assertThat(b.hasOn()).isEqualTo(a.hasOn());
        if (a.hasOn()) {
            assertThat(bits(b.on())).containsExactly(bits(a.on()));
            for (int j = 0; j < a.onWeights().length; j++) {
                assertThat(bits(b.onWeights()[j])).containsExactly(bits(a.onWeights()[j]));
            }
        }
        for (int j = 0; j < a.offWeights().length; j++) {
            assertThat(bits(b.offWeights()[j])).containsExactly(bits(a.offWeights()[j]));
        }
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]); // NaN, −0.0 and subnormals exactly
        }
        return out;
    }

    @Test
    void roundTripsBitForBit() {
        for (boolean on : new boolean[] {true, false}) {
            StoredPaths p = sample(on);
            assertSame(p, StoredPaths.decode(p.encode()));
        }
    }

    @Test
    void readsBlobsWrittenDoubleByDoubleAsVersionOneDid() throws Exception {
        // the v0.1 encoder fed the deflater eight bytes at a time; the stream format is the same
        StoredPaths p = sample(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(1);
            out.writeInt(p.dates().length);
            out.writeInt(2);
            out.writeInt(0);
            out.writeInt(1);
            out.writeBoolean(true);
            for (LocalDate d : p.dates()) {
                out.writeInt((int) d.toEpochDay());
            }
            for (double[] series : new double[][] {p.off(), p.offWeights()[0], p.offWeights()[1], p.on(), p.onWeights()[0],
                    p.onWeights()[1]}) {
                for (double v : series) {
                    out.writeDouble(v);
                }
            }
        }
        assertSame(p, StoredPaths.decode(bytes.toByteArray()));
    }
}
