package foresto.ui.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplerTest {

    @Test
    void keepsGlobalAndPerBucketExtremesEndsAndMarkedPoints() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] y = new double[7561];
        double v = 100;
        for (int i = 0; i < y.length; i++) {
            v *= 1 + (rnd.nextDouble() - 0.5) * 0.04;
            y[i] = v;
        }
        int[] keep = {17, 4000, 7000};
        int[] idx = Downsampler.indices(y, 0, y.length - 1, 400, keep);
        assertThat(idx.length).isLessThan(1700).isGreaterThan(400);
        assertThat(idx).isSorted().doesNotHaveDuplicates().contains(0, y.length - 1).contains(keep);
        int argMax = 0;
        int argMin = 0;
        for (int i = 0; i < y.length; i++) {
            argMax = y[i] > y[argMax] ? i : argMax;
            argMin = y[i] < y[argMin] ? i : argMin;
        }
        assertThat(idx).contains(argMax, argMin);
        // every stretch of the series between two kept points stays within the kept points' envelope per bucket
        double drawnMax = Arrays.stream(idx).mapToDouble(i -> y[i]).max().orElseThrow();
        assertThat(drawnMax).isEqualTo(y[argMax]);
    }

    @Test
    void shortRangesAreDrawnInFullAndSubRangesRespectTheirBounds() {
        double[] y = new double[100];
        Arrays.setAll(y, i -> Math.sin(i / 5.0));
        assertThat(Downsampler.indices(y, 10, 19, 400, new int[] {3, 50})).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        int[] sub = Downsampler.indices(new double[10_000], 2000, 8000, 100, new int[] {5, 2500});
        assertThat(Arrays.stream(sub).min().orElseThrow()).isEqualTo(2000);
        assertThat(Arrays.stream(sub).max().orElseThrow()).isEqualTo(8000);
        assertThat(sub).contains(2500).doesNotContain(5);
        assertThat(Downsampler.indices(y, 5, 4, 10, new int[0])).isEmpty();
    }
}
