package foresto.ui.chart;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tick positions and labels, checked against the calendar and against round numbers written out by hand. */
class AxisTicksTest {
    private static double day(int y, int m, int d) {
        return LocalDate.of(y, m, d).toEpochDay();
    }

    private static List<String> labels(List<AxisTicks.Tick> ticks) {
        return ticks.stream().map(AxisTicks.Tick::label).toList();
    }

    @Test
    void thirtyYearsGetYearTicksOnFirstJanuaryOfYearsDivisibleByTheStep() {
        // 1987-01-02 .. 2015-12-31 with room for at most 8 ticks: 29 years / 8 → a 5-year step
        List<AxisTicks.Tick> t = AxisTicks.dates(day(1987, 1, 2), day(2015, 12, 31), 8);
        assertThat(labels(t)).containsExactly("1990", "1995", "2000", "2005", "2010", "2015");
        assertThat(t.get(0).value()).isEqualTo(day(1990, 1, 1));
        // room for 15: every 2 years, even years only
        assertThat(labels(AxisTicks.dates(day(1987, 1, 2), day(2015, 12, 31), 15)))
                .containsExactly("1988", "1990", "1992", "1994", "1996", "1998", "2000", "2002", "2004", "2006", "2008",
                        "2010", "2012", "2014");
    }

    @Test
    void aYearGetsQuarterOrMonthTicksLabelledByMonthWithJanuaryAsTheYear() {
        List<AxisTicks.Tick> q = AxisTicks.dates(day(2015, 1, 1), day(2015, 12, 31), 5);
        assertThat(labels(q)).containsExactly("2015", "2015-04", "2015-07", "2015-10");
        List<AxisTicks.Tick> m = AxisTicks.dates(day(2015, 2, 10), day(2015, 7, 20), 12);
        assertThat(labels(m)).containsExactly("2015-03", "2015-04", "2015-05", "2015-06", "2015-07");
        assertThat(m).allSatisfy(tick -> assertThat(LocalDate.ofEpochDay((long) tick.value()).getDayOfMonth()).isEqualTo(1));
    }

    @Test
    void aFewWeeksGetDayTicks() {
        List<AxisTicks.Tick> d = AxisTicks.dates(day(2015, 3, 2), day(2015, 3, 20), 4);
        assertThat(labels(d)).containsExactly("2015-03-02", "2015-03-09", "2015-03-16");
    }

    @Test
    void linearTicksSitOnRoundStepsWithOneFormat() {
        // 8,103 .. 22,026 with room for 6: span 13,923 / 6 = 2,320 → step 5,000
        assertThat(labels(AxisTicks.linear(8103, 22026, 6, 1, true))).containsExactly("10,000", "15,000", "20,000");
        // room for 12: step 2,000
        assertThat(labels(AxisTicks.linear(8103, 22026, 12, 1, true)))
                .containsExactly("10,000", "12,000", "14,000", "16,000", "18,000", "20,000", "22,000");
        // fractions as percent: 0 .. 0.083 with room for 5 → step 0.02 → "0", "2", … (scale 100)
        assertThat(labels(AxisTicks.linear(0, 0.083, 5, 100, false))).containsExactly("0", "2", "4", "6", "8");
        // small values keep the decimals the step needs, on every label
        assertThat(labels(AxisTicks.linear(0.95, 1.32, 4, 1, true))).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(labels(AxisTicks.linear(-0.30, 0.0, 4, 100, false))).containsExactly("-30", "-20", "-10", "0");
    }

    @Test
    void logTicksSitOnRoundValuesNeverOnPowersOfE() {
        // e^9 .. e^10 (8,103 .. 22,026): inside 1..9 × 10^k → 9,000, 10,000, 20,000
        assertThat(labels(AxisTicks.log(Math.exp(9), Math.exp(10), 8, true))).containsExactly("9,000", "10,000", "20,000");
        // three decades: 1-2-5 when 1..9 would be too many
        assertThat(labels(AxisTicks.log(0.9, 1100, 10, true)))
                .containsExactly("1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000");
        // five decades with room for 6: powers of ten
        assertThat(labels(AxisTicks.log(1, 100_000, 6, true))).containsExactly("1", "10", "100", "1,000", "10,000", "100,000");
        // a narrow range inside one decade falls back to round linear steps
        assertThat(labels(AxisTicks.log(1.05, 1.45, 5, true))).containsExactly("1.1", "1.2", "1.3", "1.4");
    }

    @Test
    void decimalsFollowTheStep() {
        assertThat(AxisTicks.decimalsFor(5000)).isZero();
        assertThat(AxisTicks.decimalsFor(1)).isZero();
        assertThat(AxisTicks.decimalsFor(0.5)).isEqualTo(1);
        assertThat(AxisTicks.decimalsFor(0.25)).isEqualTo(2);
        assertThat(AxisTicks.decimalsFor(0.02)).isEqualTo(2);
        assertThat(AxisTicks.format(-0.0, 0, true)).isEqualTo("0");
    }

    @Test
    void ticksOnTheRangesOwnEndsAreKept() {
        // a range from 1 January to 1 January: both ends are ticks
        assertThat(labels(AxisTicks.dates(day(2000, 1, 1), day(2010, 1, 1), 6)))
                .containsExactly("2000", "2002", "2004", "2006", "2008", "2010");
        // months: from the 1st to the 1st
        assertThat(labels(AxisTicks.dates(day(2015, 3, 1), day(2015, 6, 1), 4)))
                .containsExactly("2015-03", "2015-04", "2015-05", "2015-06");
        // days: the last day is a tick when the span is a multiple of the step (14 days, weekly)
        assertThat(labels(AxisTicks.dates(day(2015, 3, 2), day(2015, 3, 16), 2)))
                .containsExactly("2015-03-02", "2015-03-09", "2015-03-16");
        // one day past a tick, and the tick is out
        assertThat(labels(AxisTicks.dates(day(2000, 1, 2), day(2009, 12, 31), 6)))
                .containsExactly("2002", "2004", "2006", "2008");
        // 46 days (1.51 months of 30.44 days) is months, 45 days (1.48 months) is days
        assertThat(AxisTicks.dates(day(2015, 3, 1), day(2015, 4, 16), 8)).isNotEmpty().allSatisfy(t -> assertThat(t.label()).hasSize(7));
        assertThat(AxisTicks.dates(day(2015, 3, 1), day(2015, 4, 15), 8)).isNotEmpty().allSatisfy(t -> assertThat(t.label()).hasSize(10));
        // an empty or inverted range has no ticks; so has room for none
        assertThat(AxisTicks.dates(day(2015, 3, 2), day(2015, 3, 1), 5)).isEmpty();
        assertThat(AxisTicks.dates(day(2015, 3, 1), day(2015, 3, 9), 0)).isEmpty();
        // quarters counted from January even when the range starts in February
        assertThat(labels(AxisTicks.dates(day(2015, 2, 10), day(2016, 1, 31), 5)))
                .containsExactly("2015-04", "2015-07", "2015-10", "2016");
        // room for one tick: one tick (a 20-year step over ten years)
        assertThat(labels(AxisTicks.dates(day(2001, 6, 1), day(2011, 6, 1), 1))).containsExactly("2010");
        // a single day is its own tick
        assertThat(labels(AxisTicks.dates(day(2015, 3, 4), day(2015, 3, 4), 5))).containsExactly("2015-03-04");
    }

    @Test
    void logTicksUseTheDensestSetThatFits() {
        // 1..9 per decade fits exactly: 1..9 is nine ticks, room for nine
        assertThat(AxisTicks.log(1, 9, 9, false)).hasSize(9);
        // room for eight: 1-2-5 (1, 2, 5), three ticks
        assertThat(labels(AxisTicks.log(1, 9, 8, false))).containsExactly("1", "2", "5");
        // exactly three 1-2-5 values with room for three
        assertThat(labels(AxisTicks.log(1, 5, 3, false))).containsExactly("1", "2", "5");
        // values on the range's own ends are kept
        assertThat(labels(AxisTicks.log(10, 1000, 3, false))).containsExactly("10", "100", "1000");
        // ten decades with room for four: every third power of ten, never a linear axis on a log scale
        assertThat(labels(AxisTicks.log(1, 1e10, 4, true))).containsExactly("1", "1,000", "1,000,000", "1,000,000,000");
        // two powers of ten are enough when nothing denser fits
        assertThat(labels(AxisTicks.log(1, 10, 2, false))).containsExactly("1", "10");
        // below 1: the decimals the smallest value needs
        assertThat(labels(AxisTicks.log(0.01, 1, 3, false))).containsExactly("0.01", "0.10", "1.00");
        // twelve decades with room for four: every third power, the last one exactly on the end of the list
        assertThat(labels(AxisTicks.log(1, 1e11, 4, false))).containsExactly("1", "1000", "1000000", "1000000000");
        // a range from 0 has no log ticks: round linear steps
        assertThat(labels(AxisTicks.log(0, 10, 3, false))).containsExactly("0", "5", "10");
        // not positive, or no width: linear
        assertThat(labels(AxisTicks.log(-1, 1, 3, false))).containsExactly("-1", "0", "1");
        assertThat(labels(AxisTicks.log(2, 2, 3, false))).containsExactly("2");
    }

    @Test
    void aZeroWidthRangeHasOneTick() {
        assertThat(labels(AxisTicks.linear(5, 5, 4, 1, false))).containsExactly("5");
        assertThat(labels(AxisTicks.linear(0.0123, 0.0123, 4, 1, false))).containsExactly("0.01230");
        assertThat(labels(AxisTicks.linear(0.05, 0.05, 4, 100, false))).containsExactly("5"); // percent of a flat 5 %
        assertThat(AxisTicks.niceStep(1, 1, 5)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(0, 10, 5)).isEqualTo(2);
        assertThat(AxisTicks.niceStep(0, 10, 0)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(0, 9.5, 1)).isEqualTo(10);
    }
}
