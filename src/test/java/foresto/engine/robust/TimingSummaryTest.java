package foresto.engine.robust;

import foresto.engine.robust.TimingSummary.Variant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TimingSummaryTest {
    private static final double TINY = 0x1.0p-53;

    @Test
    void threeVariantsByHand() {
        // given out of variant order: phase 2, 0, 1 (all offset 0)
        Variant p2 = new Variant(2, 0, 0.08, new double[]{100, 104, 130}, 4.5, 7);
        Variant p0 = new Variant(0, 0, 0.08, new double[]{100, 110, 121}, 1.5, 12);
        Variant p1 = new Variant(1, 0, 0.04, new double[]{100, 90, 99}, 3.0, 4);
        TimingSummary s = TimingSummary.of(List.of(p2, p0, p1));

        assertThat(s.variants()).containsExactly(p0, p1, p2);
        // mean 0.2/3; deviations 0.04/3, −0.08/3, 0.04/3; ss = 0.0096/9; /(3 − 1) → sd = 0.04/√3 = 0.0230940107…
        assertThat(s.timingLuck()).isCloseTo(0.04 / Math.sqrt(3), within(1e-15));
        assertThat(s.timingLuck()).isCloseTo(0.0230940107675850, within(1e-15));
        assertThat(s.spread()).isCloseTo(0.04, within(1e-17));
        // phases 0 and 2 tie at 0.08: the first in variant order (phase 0) is best
        assertThat(s.best()).isSameAs(p0);
        assertThat(s.worst()).isSameAs(p1);
        // tranche: (110 + 90 + 104)/3 = 304/3, (121 + 99 + 130)/3 = 350/3
        assertThat(s.tranche().values()).containsExactly(100.0, 304.0 / 3, 350.0 / 3);
        assertThat(s.tranche().totalCost()).isEqualTo(3.0); // (1.5 + 3 + 4.5)/3
        assertThat(s.tranche().eventCount()).isEqualTo(23); // 12 + 4 + 7
    }

    @Test
    void trancheSumsInVariantOrderPhasesThenOffsets() {
        // at t = 1 the values are 1, 2^−53, 2^−53 in variant order: (1 + 2^−53) + 2^−53 = 1 (each addition rounds
        // to even), so the mean is 1/3; summed in the order given ((2^−53 + 2^−53) + 1 = 1 + 2^−52) it would not be.
        Variant a = new Variant(0, 0, 0.01, new double[]{1, 1.0}, 0, 0);
        Variant b = new Variant(0, 1, 0.02, new double[]{1, TINY}, 0, 0);
        Variant c = new Variant(1, 0, 0.03, new double[]{1, TINY}, 0, 0);
        TimingSummary s = TimingSummary.of(List.of(c, b, a));
        assertThat(s.variants()).containsExactly(a, b, c);
        assertThat(s.tranche().values()[1]).isEqualTo(1.0 / 3);
        assertThat(s.tranche().values()[1]).isNotEqualTo((1 + 2 * TINY) / 3);
        assertThat(s.best()).isSameAs(c);
        assertThat(s.worst()).isSameAs(a);
    }

    @Test
    void oneVariantHasNoLuckAndIsItsOwnTranche() {
        Variant only = new Variant(0, 3, 0.061, new double[]{10_000, 10_123.45, 9_876.5}, 12.5, 9);
        TimingSummary s = TimingSummary.of(List.of(only));
        assertThat(s.timingLuck()).isZero();
        assertThat(s.spread()).isZero();
        assertThat(s.best()).isSameAs(only);
        assertThat(s.worst()).isSameAs(only);
        assertThat(s.tranche().values()).containsExactly(10_000, 10_123.45, 9_876.5);
        assertThat(s.tranche().totalCost()).isEqualTo(12.5);
        assertThat(s.tranche().eventCount()).isEqualTo(9);
    }

    @Test
    void allEqualCagrsHaveZeroLuckAndTheFirstVariantIsBestAndWorst() {
        Variant a = new Variant(0, 0, 0.05, new double[]{1}, 0, 1);
        Variant b = new Variant(0, 1, 0.05, new double[]{1}, 0, 1);
        TimingSummary s = TimingSummary.of(List.of(b, a));
        assertThat(s.timingLuck()).isZero();
        assertThat(s.best()).isSameAs(a);
        assertThat(s.worst()).isSameAs(a);
    }

    @Test
    void refusesNoVariantsDuplicatesAndPathsOfDifferentLength() {
        assertThatThrownBy(() -> TimingSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        Variant a = new Variant(0, 0, 0.05, new double[]{1, 2}, 0, 1);
        assertThatThrownBy(() -> TimingSummary.of(List.of(a, new Variant(0, 0, 0.06, new double[]{1, 2}, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimingSummary.of(List.of(a, new Variant(1, 0, 0.06, new double[]{1}, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
