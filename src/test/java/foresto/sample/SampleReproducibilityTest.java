package foresto.sample;

import foresto.db.SampleData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample data are the same bits on every JVM, whatever its math intrinsics. */
class SampleReproducibilityTest {

    /** Prints the sample data's fingerprint (run in a child JVM). */
    public static void main(String[] args) {
        System.out.println(SampleData.syntheticMarket().fingerprint());
    }

    @Test
    void aJvmWithoutLibmIntrinsicsGeneratesTheSameSample() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:-UseLibmIntrinsic", "-Xint",
                "-cp", System.getProperty("java.class.path"), SampleReproducibilityTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo(SampleData.syntheticMarket().fingerprint());
    }

    @Test
    void theGaussianIsOurOwnBoxMullerOnStrictMath() {
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        double u1 = 1.0 - b.nextDouble();
        double u2 = b.nextDouble();
        double expected = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        assertThat(Double.doubleToRawLongBits(SyntheticMarket.gaussian(a))).isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
