package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CalendarTrigger#closes}, which jumps from period boundary to period boundary, and the flags
 * {@link CalendarTrigger#days} that PERIODIC rules read find the same days as a reference that visits every close
 * ({@link #everyClose}, the per-close counting the path loop used before both came from one code path): every frequency, phase and base day, day offsets from 0 to the largest, on a calendar with gaps (rows the
 * portfolio does not trade, a month without any) and windows that start and end inside periods or at the data's
 * ends, under both missing-data policies.
 */
class CalendarClosesTest {
    static final LocalDate[] DATES = Markets.weekdays(LocalDate.of(2019, 11, 15), LocalDate.of(2022, 2, 10));

    /** Equity misses every 17th row from row 3 and all of February 2021; bond every 29th from row 5. */
    static final MarketData GAPPY = Markets.of(DATES, (c, i) -> {
        LocalDate d = DATES[i];
        boolean feb2021 = d.getYear() == 2021 && d.getMonthValue() == 2;
        if (c == AssetClass.EQUITY && (i % 17 == 3 || feb2021) || c == AssetClass.BOND && i % 29 == 5) {
            return Double.NaN;
        }
        return 0.001;
    });

    static final LocalDate[][] WINDOWS = {
            {DATES[0], DATES[DATES.length - 1]},
            {LocalDate.of(2019, 12, 17), LocalDate.of(2021, 8, 13)},
            {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31)},
            {LocalDate.of(2021, 1, 28), LocalDate.of(2021, 3, 3)},
            {LocalDate.of(2020, 3, 10), LocalDate.of(2020, 3, 12)},
    };

    @Test
    void closesAreTheDaysOfTheCalendar() {
        int compared = 0;
        int withDays = 0;
        for (LocalDate[] window : WINDOWS) {
            for (MissingDataPolicy policy : MissingDataPolicy.values()) {
                Scenario s = new Scenario(Markets.SIXTY_FORTY, window[0], window[1], 1.0, policy);
                ScenarioCalendar cal = ScenarioCalendar.prepare(GAPPY, s);
                for (Frequency f : Frequency.values()) {
                    for (int phase = 0; phase < f.monthsPerPeriod(); phase++) {
                        for (BaseDayPolicy base : BaseDayPolicy.values()) {
                            for (int offset : new int[]{0, 1, 2, 3, 7, 19, RebalancingRule.MAX_DAY_OFFSET}) {
                                CalendarTrigger t = new CalendarTrigger(f, base, phase, offset);
                                boolean[] days = everyClose(t, cal);
                                int[] expected = IntStream.range(0, days.length).filter(k -> days[k]).toArray();
                                assertThat(t.closes(cal)).as("%s %s..%s %s", t, window[0], window[1], policy)
                                        .containsExactly(expected);
                                assertThat(t.days(cal)).as("%s %s..%s %s", t, window[0], window[1], policy)
                                        .containsExactly(days);
                                compared++;
                                withDays += expected.length > 0 ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(withDays).isGreaterThan(compared / 2); // most calendars have days: the comparison is not empty
    }

    @Test
    void monthlyFirstDaysOnAPlainCalendar() {
        // weekdays of Jan–Mar 2024, window from Jan 10: the first trading days of Feb and Mar are closes 16 and 37
        LocalDate[] dates = Markets.weekdays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 29));
        MarketData data = Markets.trending(dates);
        Scenario s = new Scenario(Markets.SIXTY_FORTY, LocalDate.of(2024, 1, 10), dates[dates.length - 1], 1.0,
                MissingDataPolicy.SKIP);
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, s);
        List<LocalDate> found = new ArrayList<>();
        for (int k : new CalendarTrigger(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY).closes(cal)) {
            found.add(cal.date(k));
        }
        assertThat(found).containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1));
        List<LocalDate> lasts = new ArrayList<>();
        for (int k : new CalendarTrigger(Frequency.MONTHLY, BaseDayPolicy.LAST_TRADING_DAY, 0, 1).closes(cal)) {
            lasts.add(cal.date(k));
        }
        // one close before the last weekday: Jan 30, Feb 28; Mar 28 (the data end, Mar 29, has no later period)
        assertThat(lasts).containsExactly(LocalDate.of(2024, 1, 30), LocalDate.of(2024, 2, 28));
    }

    /**
     * The reference: the days of {@code t}'s calendar flagged close by close, counting the closes since the period's
     * first (FIRST) or until its last (LAST), and the dates of the calendar in use outside the window for the window's
     * first and last periods.
     */
    static boolean[] everyClose(CalendarTrigger t, ScenarioCalendar cal) {
        int n = cal.length();
        int dayOffset = t.dayOffset();
        int[] period = cal.periods(t.frequency(), t.phase());
        boolean[] day = new boolean[n];
        if (t.baseDay() == BaseDayPolicy.FIRST_TRADING_DAY) {
            // before: dates of the calendar in use in close k's period before it; earlier: the calendar has a date of
            // an earlier period. Close 0's are counted outside the window, the others as the closes go by.
            int r0 = cal.row(0);
            int before = 0;
            int i = r0 - 1;
            for (; i >= 0 && period[i] == period[r0]; i--) {
                before += cal.inUse(i) ? 1 : 0;
            }
            while (i >= 0 && !cal.inUse(i)) {
                i--;
            }
            boolean earlier = i >= 0;
            for (int k = 1; k < n; k++) {
                if (period[cal.row(k)] != period[cal.row(k - 1)]) {
                    before = 0;
                    earlier = true;
                } else {
                    before++;
                }
                day[k] = earlier && before == dayOffset;
            }
        } else {
            // after: dates of the calendar in use in close k's period after it; later: the calendar has a date of a
            // later period (the period is complete). The last close's are counted past the window.
            int last = cal.row(n - 1);
            int rows = cal.datasetRows();
            int after = 0;
            int i = last + 1;
            for (; i < rows && period[i] == period[last]; i++) {
                after += cal.inUse(i) ? 1 : 0;
            }
            while (i < rows && !cal.inUse(i)) {
                i++;
            }
            boolean later = i < rows;
            for (int k = n - 1; k >= 1; k--) {
                if (k < n - 1) {
                    if (period[cal.row(k)] != period[cal.row(k + 1)]) {
                        after = 0;
                        later = true;
                    } else {
                        after++;
                    }
                }
                day[k] = later && after == dayOffset;
            }
        }
        return day;
    }
}
