package foresto.engine.robust;

import foresto.engine.EngineException;
import foresto.engine.robust.RollingWindows.Summary;
import foresto.engine.robust.RollingWindows.Window;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RollingWindowsTest {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void monthEndStartClampsEachWindowFromTheStartNeverChained() {
        List<Window> w = RollingWindows.windows(d(2023, 1, 31), d(2023, 12, 31), 1, 1);
        // e_0 = 31 Jan + 1 month (→ 28 Feb) − 1 day; s_1 = 28 Feb; s_2 = 31 Jan + 2 months = 31 Mar (not 28 Mar)
        assertThat(w.get(0)).isEqualTo(new Window(0, d(2023, 1, 31), d(2023, 2, 27)));
        assertThat(w.get(1)).isEqualTo(new Window(1, d(2023, 2, 28), d(2023, 3, 30)));
        assertThat(w.get(2)).isEqualTo(new Window(2, d(2023, 3, 31), d(2023, 4, 29)));
        assertThat(w.get(3)).isEqualTo(new Window(3, d(2023, 4, 30), d(2023, 5, 30)));
        // the last: s_10 = 30 Nov, e_10 = 31 Jan + 11 months − 1 day = 30 Dec ≤ 31 Dec; e_11 = 30 Jan 2024 > end
        assertThat(w).hasSize(11);
        assertThat(w.get(10)).isEqualTo(new Window(10, d(2023, 11, 30), d(2023, 12, 30)));
        // M = months from 31 Jan 2023 to 1 Jan 2024 = 11 (12 calendar months, the day 1 < 31) → 11 / 1
        assertThat(RollingWindows.nonOverlapping(d(2023, 1, 31), d(2023, 12, 31), 1)).isEqualTo(11);
    }

    @Test
    void leapYearFebruary() {
        List<Window> w = RollingWindows.windows(d(2024, 1, 31), d(2024, 4, 30), 1, 1);
        assertThat(w).containsExactly(
                new Window(0, d(2024, 1, 31), d(2024, 2, 28)),  // 29 Feb − 1 day
                new Window(1, d(2024, 2, 29), d(2024, 3, 30)),  // 31 Mar − 1 day
                new Window(2, d(2024, 3, 31), d(2024, 4, 29))); // 30 Apr − 1 day; e_3 = 30 May > end
    }

    @Test
    void stepGreaterThanOneAndALongerLength() {
        // L = 12, s = 3 from 31 Jan 2000 to 30 Jun 2003: e_i = 31 Jan 2000 + (3i + 12) months − 1 day
        List<Window> w = RollingWindows.windows(d(2000, 1, 31), d(2003, 6, 30), 12, 3);
        assertThat(w).extracting(Window::start).containsExactly(d(2000, 1, 31), d(2000, 4, 30), d(2000, 7, 31),
                d(2000, 10, 31), d(2001, 1, 31), d(2001, 4, 30), d(2001, 7, 31), d(2001, 10, 31), d(2002, 1, 31),
                d(2002, 4, 30));
        assertThat(w).extracting(Window::end).containsExactly(d(2001, 1, 30), d(2001, 4, 29), d(2001, 7, 30),
                d(2001, 10, 30), d(2002, 1, 30), d(2002, 4, 29), d(2002, 7, 30), d(2002, 10, 30), d(2003, 1, 30),
                d(2003, 4, 29)); // i = 10 would end 30 Jul 2003 > 30 Jun 2003
        assertThat(w).extracting(Window::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // M = 41 (2000-01-31 → 2003-07-01: 42 calendar months, day 1 < 31) → ⌊41 / 12⌋ = 3
        assertThat(RollingWindows.nonOverlapping(d(2000, 1, 31), d(2003, 6, 30), 12)).isEqualTo(3);
    }

    @Test
    void aWindowEndingExactlyOnTheEndIsIncluded() {
        assertThat(RollingWindows.windows(d(2020, 3, 1), d(2021, 2, 28), 12, 1))
                .containsExactly(new Window(0, d(2020, 3, 1), d(2021, 2, 28)));
        assertThat(RollingWindows.nonOverlapping(d(2020, 3, 1), d(2021, 2, 28), 12)).isEqualTo(1);
        assertThat(RollingWindows.nonOverlapping(d(2000, 1, 1), d(2027, 12, 31), 12)).isEqualTo(28);
        assertThat(RollingWindows.nonOverlapping(d(2000, 1, 1), d(2027, 12, 31), 120)).isEqualTo(2);
    }

    @Test
    void nonOverlappingFollowsJavaTimeLiterallyAfterAMonthEndStart() {
        // 31 Jan + 1 month = 29 Feb 2024 fits one window ending 28 Feb, but MONTHS.between(31 Jan, 29 Feb) = 0
        assertThat(RollingWindows.windows(d(2024, 1, 31), d(2024, 2, 28), 1, 1)).hasSize(1);
        assertThat(RollingWindows.nonOverlapping(d(2024, 1, 31), d(2024, 2, 28), 1)).isZero();
    }

    @Test
    void aLengthThatFitsNoWindowIsAClearError() {
        assertThatThrownBy(() -> RollingWindows.windows(d(2020, 3, 1), d(2021, 2, 27), 12, 1))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("12 months").contains("does not fit").contains("2021-02-28");
                });
        assertInvalid(() -> RollingWindows.windows(d(2020, 1, 1), d(2020, 12, 31), 0, 1));
        assertInvalid(() -> RollingWindows.windows(d(2020, 1, 1), d(2020, 12, 31), 1, 0));
        assertInvalid(() -> RollingWindows.windows(d(2020, 1, 2), d(2020, 1, 1), 1, 1));
        assertInvalid(() -> RollingWindows.windows(d(2020, 1, 1), d(2020, 12, 31), Integer.MAX_VALUE, 1));
        assertInvalid(() -> RollingWindows.nonOverlapping(d(2020, 1, 1), d(2020, 12, 31), 0));
    }

    @Test
    void summaryByHand() {
        // premiums in window order; sorted −0.02, 0, 0.01, 0.03, 0.05
        double[] premiums = {0.01, -0.02, 0.03, 0.0, 0.05};
        Summary s = RollingWindows.summarize(premiums, d(2000, 1, 1), d(2004, 12, 31), 12);
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(-0.02);
        assertThat(s.max()).isEqualTo(0.05);
        assertThat(s.median()).isEqualTo(0.01);              // h = 2
        assertThat(s.p25()).isEqualTo(0.0);                  // h = 1
        assertThat(s.p75()).isEqualTo(0.03);                 // h = 3
        assertThat(s.p5()).isCloseTo(-0.016, within(1e-15)); // h = 0.2: −0.02 + 0.2·0.02
        assertThat(s.p95()).isCloseTo(0.046, within(1e-15)); // h = 3.8: 0.03 + 0.8·0.02
        assertThat(s.sharePositive()).isEqualTo(0.6);        // 0.0 is not positive
        assertThat(s.nonOverlapping()).isEqualTo(5);         // 60 months / 12
        assertThat(premiums).containsExactly(0.01, -0.02, 0.03, 0.0, 0.05); // the input is not reordered
        assertThat(RollingWindows.premium(0.07, 0.065)).isCloseTo(0.005, within(1e-17));
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_REQUEST));
    }
}
