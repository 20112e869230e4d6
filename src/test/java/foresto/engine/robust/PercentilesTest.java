package foresto.engine.robust;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

    @Test
    void typeSevenByHand() {
        // sorted 1, 2, 4, 8, 16 (n = 5, given unsorted)
        double[] v = {8, 1, 16, 4, 2};
        // p = 0.25: h = 1 → x_1 = 2; p = 0.5: h = 2 → 4; p = 0.1: h = 0.4 → 1 + 0.4·(2 − 1) = 1.4
        // p = 0.05: h = 0.2 → 1.2; p = 0.95: h = 3.8 → 8 + 0.8·8 = 14.4; p = 0.75: h = 3 → 8
        double[] q = Percentiles.of(v, 0.25, 0.5, 0.1, 0.05, 0.95, 0.75, 0, 1);
        assertThat(q[0]).isEqualTo(2.0);
        assertThat(q[1]).isEqualTo(4.0);
        assertThat(q[2]).isCloseTo(1.4, within(1e-15));
        assertThat(q[3]).isCloseTo(1.2, within(1e-15));
        assertThat(q[4]).isCloseTo(14.4, within(1e-14));
        assertThat(q[5]).isEqualTo(8.0);
        assertThat(q[6]).isEqualTo(1.0);
        assertThat(q[7]).isEqualTo(16.0);
    }

    @Test
    void evenCountMedianInterpolatesAndNegativeValuesSort() {
        // sorted −3, −1, 2, 10: median h = 1.5 → −1 + 0.5·3 = 0.5; p25 h = 0.75 → −3 + 0.75·2 = −1.5;
        // p75 h = 2.25 → 2 + 0.25·8 = 4
        double[] q = Percentiles.of(new double[]{10, -1, 2, -3}, 0.5, 0.25, 0.75);
        assertThat(q).containsExactly(0.5, -1.5, 4.0);
    }

    @Test
    void oneValueIsEveryPercentileAndPOneIsTheMaximum() {
        assertThat(Percentiles.of(new double[]{0.07}, 0, 0.05, 0.5, 0.95, 1)).containsExactly(0.07, 0.07, 0.07, 0.07, 0.07);
        // p = 1 with n = 3: h = 2 = n − 1 → x_2 exactly (no x_3 read)
        assertThat(Percentiles.ofSorted(new double[]{1, 2, 3}, 1)).isEqualTo(3.0);
        // ties: 5, 5, 5, 9 → p = 0.5: h = 1.5 → 5 + 0.5·0 = 5
        assertThat(Percentiles.of(new double[]{5, 9, 5, 5}, 0.5)).containsExactly(5.0);
    }

    @Test
    void theInterpolationIsTheContractsExpression() {
        // 1000 values 0, 0.001, …: p5 → h = 49.95 → x_49 + 0.95·(x_50 − x_49), computed in that order
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.001;
        }
        double h = 999 * 0.05;
        assertThat(h).isCloseTo(49.95, within(1e-12));
        double expected = v[49] + (h - 49) * (v[50] - v[49]);
        assertThat(Percentiles.ofSorted(v, 0.05)).isEqualTo(expected);
        assertThat(Percentiles.ofSorted(v, 0.05)).isCloseTo(0.04995, within(1e-15));
    }

    @Test
    void refusesEmptyNanAndPOutsideZeroOne() {
        assertThatThrownBy(() -> Percentiles.of(new double[0], 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[]{1, Double.NaN}, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[]{1, 2}, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[]{1, 2}, -0.01)).isInstanceOf(IllegalArgumentException.class);
    }
}
