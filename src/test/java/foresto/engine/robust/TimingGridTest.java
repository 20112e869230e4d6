package foresto.engine.robust;

import foresto.engine.EngineException;
import foresto.engine.robust.TimingGrid.Cell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimingGridTest {

    @Test
    void defaultsOfTheContract() {
        // m > 1: every phase, the rule's own offset
        assertThat(TimingGrid.defaultPhases(12)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(TimingGrid.defaultPhases(3)).containsExactly(0, 1, 2);
        assertThat(TimingGrid.defaultOffsets(3, 2)).containsExactly(2);
        assertThat(TimingGrid.defaultOffsets(6, 0)).containsExactly(0);
        // MONTHLY: phase 0 only, offsets 0 … 9 (whatever the rule's k)
        assertThat(TimingGrid.defaultPhases(1)).containsExactly(0);
        assertThat(TimingGrid.defaultOffsets(1, 4)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void variantsArePhasesAscendingThenOffsetsAscending() {
        assertThat(TimingGrid.variants(new int[]{2, 0}, new int[]{4, 1}, 3)).containsExactly(
                new Cell(0, 1), new Cell(0, 4), new Cell(2, 1), new Cell(2, 4));
    }

    @Test
    void refusesOutOfRangeRepeatedAndEmptySets() {
        assertInvalid(() -> TimingGrid.variants(new int[]{0, 3}, new int[]{0}, 3));
        assertInvalid(() -> TimingGrid.variants(new int[]{1}, new int[]{0}, 1));
        assertInvalid(() -> TimingGrid.variants(new int[]{0}, new int[]{21}, 12));
        assertInvalid(() -> TimingGrid.variants(new int[]{0}, new int[]{-1}, 12));
        assertInvalid(() -> TimingGrid.variants(new int[]{0, 0}, new int[]{0}, 12));
        assertInvalid(() -> TimingGrid.variants(new int[0], new int[]{0}, 12));
        assertInvalid(() -> TimingGrid.variants(new int[]{0}, new int[0], 12));
        assertInvalid(() -> TimingGrid.defaultPhases(5));
        assertInvalid(() -> TimingGrid.defaultOffsets(3, 21));
        assertThat(TimingGrid.variants(new int[]{11}, new int[]{20}, 12)).containsExactly(new Cell(11, 20));
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE));
    }

    @Test
    void setsAreARangeOrAList() {
        assertThat(TimingGrid.parseSet("2..5", why -> new IllegalStateException(why.name()))).containsExactly(2, 3, 4, 5);
        assertThat(TimingGrid.parseSet(" 3 .. 3 ", why -> new IllegalStateException(why.name()))).containsExactly(3);
        assertThat(TimingGrid.parseSet("4, 0,7", why -> new IllegalStateException(why.name()))).containsExactly(4, 0, 7);
        assertThat(TimingGrid.parseSet("0..999", why -> new IllegalStateException(why.name()))).hasSize(1000);
    }

    @Test
    void aBadSetIsRefusedWithItsReason() {
        assertThatThrownBy(() -> TimingGrid.parseSet("5..2", why -> new IllegalStateException(why.name())))
                .hasMessage("BACKWARDS");
        assertThatThrownBy(() -> TimingGrid.parseSet("0..1000", why -> new IllegalStateException(why.name())))
                .hasMessage("TOO_MANY");
        assertThatThrownBy(() -> TimingGrid.parseSet("1..x", why -> new IllegalStateException(why.name())))
                .hasMessage("MALFORMED");
        assertThatThrownBy(() -> TimingGrid.parseSet("1,,2", why -> new IllegalStateException(why.name())))
                .hasMessage("MALFORMED");
    }
}
