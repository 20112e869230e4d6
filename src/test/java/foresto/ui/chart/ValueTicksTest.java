package foresto.ui.chart;

import foresto.ui.chart.TimeSeriesChart.Units;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A low plot still reads at four round values, unless that would put them closer than 22 px. */
class ValueTicksTest {

    private static List<String> labels(List<AxisTicks.Tick> ticks) {
        return ticks.stream().map(AxisTicks.Tick::label).toList();
    }

    @Test
    void aLowValuePlotGetsFourTicksInsteadOfTwo() {
        // a value plot 166 px high from 9,300 to 21,600: one tick per 42 px gives three, 5,000 apart
        assertThat(labels(ChartScale.valueTicks(166, 9300, 21600, false, Units.MONEY, 1, 0)))
                .containsExactly("10,000", "15,000", "20,000");
        // at least four: 2,000 apart (27 px)
        assertThat(labels(ChartScale.valueTicks(166, 9300, 21600, false, Units.MONEY, 1, 4)))
                .containsExactly("10,000", "12,000", "14,000", "16,000", "18,000", "20,000");
    }

    @Test
    void theLogScaleGetsFourTicksToo() {
        assertThat(ChartScale.valueTicks(220, 9300, 21600, true, Units.MONEY, 1, 4)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void ticksNeverCloserThan22Px() {
        // 101 px from 9,300 to 21,600: 2,000 apart would be 16 px, so three ticks 5,000 apart stay
        assertThat(labels(ChartScale.valueTicks(101, 9300, 21600, false, Units.MONEY, 1, 4)))
                .containsExactly("10,000", "15,000", "20,000");
    }
}
