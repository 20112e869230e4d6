package foresto.engine.robust;

import foresto.engine.robust.BootstrapSummary.Quantiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapSummaryTest {

    @Test
    void shareOfPathsWhereABeatsBByHand() {
        // path 1 ties (100 = 100): not beating; paths 0 and 3 beat → P = 2/4, SE = √(0.5·0.5/4) = 0.25
        double p = BootstrapSummary.pBeats(new double[]{110, 100, 95, 120}, new double[]{100, 100, 100, 100});
        assertThat(p).isEqualTo(0.5);
        assertThat(BootstrapSummary.standardError(p, 4)).isEqualTo(0.25);
        // P = 0.713 of 1,000: √(0.204631/1000) = 0.0143049…
        assertThat(BootstrapSummary.standardError(0.713, 1000)).isCloseTo(0.0143049, within(1e-7));
        assertThat(BootstrapSummary.standardError(1.0, 10)).isZero();
    }

    @Test
    void cagrDifferencePercentilesByHand() {
        double[] d = BootstrapSummary.differences(new double[]{0.05, 0.02, -0.01, 0.07}, new double[]{0.03, 0.03, 0.03, 0.03});
        assertThat(d[0]).isCloseTo(0.02, within(1e-17));
        // sorted −0.04, −0.01, 0.02, 0.04 (n = 4):
        Quantiles q = Quantiles.of(d);
        assertThat(q.p5()).isCloseTo(-0.0355, within(1e-15));   // h = 0.15: −0.04 + 0.15·0.03
        assertThat(q.p25()).isCloseTo(-0.0175, within(1e-15));  // h = 0.75: −0.04 + 0.75·0.03
        assertThat(q.median()).isCloseTo(0.005, within(1e-15)); // h = 1.5:  −0.01 + 0.5·0.03
        assertThat(q.p75()).isCloseTo(0.025, within(1e-15));    // h = 2.25:  0.02 + 0.25·0.02
        assertThat(q.p95()).isCloseTo(0.037, within(1e-15));    // h = 2.85:  0.02 + 0.85·0.02
    }

    @Test
    void fanBandsPerDateAcrossPaths() {
        Fan fan = new Fan(3, 2);
        fan.put(2, new double[]{100, 130});
        fan.put(0, new double[]{100, 90});
        fan.put(1, new double[]{100, 110});
        assertThat(fan.at(0)).isEqualTo(new Quantiles(100, 100, 100, 100, 100));
        // date 1: sorted 90, 110, 130; p5 h = 0.1 → 92; p25 h = 0.5 → 100; p50 → 110; p75 h = 1.5 → 120; p95 h = 1.9 → 128
        Quantiles q = fan.at(1);
        assertThat(q.p5()).isCloseTo(92, within(1e-12));
        assertThat(q.p25()).isEqualTo(100.0);
        assertThat(q.median()).isEqualTo(110.0);
        assertThat(q.p75()).isEqualTo(120.0);
        assertThat(q.p95()).isCloseTo(128, within(1e-12));
        double[][] bands = fan.bands();
        assertThat(bands[2]).containsExactly(100.0, 110.0);
        assertThat(bands[3]).containsExactly(100.0, 120.0);
    }

    @Test
    void aFanSplitIntoChunksGivesEachDateItsOwnPathsBands() {
        // 3 paths × 5 dates with at most 7 values per array: 2 dates per chunk, chunks of dates {0, 1}, {2, 3}, {4}
        Fan fan = new Fan(3, 5, 7);
        fan.put(0, new double[]{1, 10, 100, 1000, 10000});
        fan.put(2, new double[]{3, 30, 300, 3000, 30000});
        fan.put(1, new double[]{2, 20, 200, 2000, 20000});
        double scale = 1;
        for (int t = 0; t < 5; t++) { // date t holds s, 2s, 3s with s = 10^t: median 2s, p25 h = 0.5 → 1.5s
            assertThat(fan.at(t).median()).isEqualTo(2 * scale);
            assertThat(fan.at(t).p25()).isEqualTo(1.5 * scale);
            scale *= 10;
        }
        assertThat(fan.bands()[4]).containsExactly(2.9, 29.0, 290.0, 2900.0, 29000.0); // p95 h = 1.9 → 2.9s
        assertThatThrownBy(() -> fan.at(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> BootstrapSummary.pBeats(new double[]{1}, new double[]{1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapSummary.pBeats(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fan(2, 3).put(2, new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fan(2, 3).put(0, new double[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
