package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static foresto.engine.BaseDayPolicy.FIRST_TRADING_DAY;
import static foresto.engine.BaseDayPolicy.LAST_TRADING_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodPhaseTest {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    /**
     * idx: 0 Jan 30, 1 Jan 31 | 2 Feb 1, 3 Feb 2, 4 Feb 5, 5 Feb 28, 6 Feb 29 | 7 Mar 1, 8 Mar 4 | 9 Apr 1, 10 Apr 2
     * (2024; April is the last, incomplete month).
     */
    private static final LocalDate[] CAL = {d(2024, 1, 30), d(2024, 1, 31), d(2024, 2, 1), d(2024, 2, 2),
            d(2024, 2, 5), d(2024, 2, 28), d(2024, 2, 29), d(2024, 3, 1), d(2024, 3, 4), d(2024, 4, 1), d(2024, 4, 2)};

    @Test
    void periodFunctionByHand() {
        // 12·2024 + 0 = 24288 for January 2024
        assertThat(PeriodPhase.period(d(2024, 1, 15), 1, 0)).isEqualTo(24288);
        assertThat(PeriodPhase.period(d(2024, 1, 15), 3, 0)).isEqualTo(8096);  // 24288 / 3
        assertThat(PeriodPhase.period(d(2024, 1, 15), 3, 1)).isEqualTo(8095);  // 24287 / 3 = 8095.67 → 8095
        assertThat(PeriodPhase.period(d(2024, 2, 1), 3, 1)).isEqualTo(8096);   // Feb, Mar, Apr share a period
        assertThat(PeriodPhase.period(d(2024, 4, 30), 3, 1)).isEqualTo(8096);
        assertThat(PeriodPhase.period(d(2024, 5, 1), 3, 1)).isEqualTo(8097);
        // ANNUAL p = 5: June 2024 … May 2025 is one period; May 2024 belongs to the one before
        assertThat(PeriodPhase.period(d(2024, 6, 3), 12, 5)).isEqualTo(2024);   // (24288 + 5 − 5) / 12
        assertThat(PeriodPhase.period(d(2025, 5, 30), 12, 5)).isEqualTo(2024);  // (24300 + 4 − 5) / 12 = 2024.9 → 2024
        assertThat(PeriodPhase.period(d(2024, 5, 31), 12, 5)).isEqualTo(2023);  // 24287 / 12 = 2023.9 → 2023
        // floor, not truncation, below zero: year 0, January, p = 1: (0 + 0 − 1) / 3 → −1
        assertThat(PeriodPhase.period(d(0, 1, 1), 3, 1)).isEqualTo(-1);
        assertThat(PeriodPhase.period(d(0, 2, 1), 3, 1)).isZero();
        assertThat(PeriodPhase.period(d(-1, 12, 1), 1, 0)).isEqualTo(-1);
    }

    @Test
    void firstTradingDayWithOffsets() {
        // monthly periods: Jan {0,1} (the calendar's first: no FIRST event), Feb {2..6}, Mar {7,8}, Apr {9,10}
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 0)).containsExactly(2, 7, 9);
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 1)).containsExactly(3, 8, 10);
        // k = 2: March and April have only 2 dates (≤ k): no event
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 2)).containsExactly(4);
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 4)).containsExactly(6); // Feb's 5th date
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 5)).isEmpty();
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, FIRST_TRADING_DAY, 20)).isEmpty();
    }

    @Test
    void lastTradingDayOnlyInCompletePeriodsAndNeverAtIndexZero() {
        // April {9,10} is the last period: the calendar does not show it complete, so it has no LAST event
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, LAST_TRADING_DAY, 0)).containsExactly(1, 6, 8);
        // k = 1: January's 2nd last date is index 0, which never fires
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, LAST_TRADING_DAY, 1)).containsExactly(5, 7);
        // k = 2: January and March have ≤ 2 dates
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, LAST_TRADING_DAY, 2)).containsExactly(4);
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, LAST_TRADING_DAY, 4)).containsExactly(2); // Feb's 5th last
        assertThat(PeriodPhase.dayIndices(CAL, 1, 0, LAST_TRADING_DAY, 5)).isEmpty();
        boolean[] days = PeriodPhase.days(CAL, 1, 0, LAST_TRADING_DAY, 0);
        assertThat(days).containsExactly(false, true, false, false, false, false, true, false, true, false, false);
    }

    @Test
    void quarterlyPhases() {
        // p = 0: Q1 {0..8}, Q2 {9,10}
        assertThat(PeriodPhase.dayIndices(CAL, 3, 0, FIRST_TRADING_DAY, 0)).containsExactly(9);
        assertThat(PeriodPhase.dayIndices(CAL, 3, 0, LAST_TRADING_DAY, 0)).containsExactly(8);
        // p = 1: Nov–Jan {0,1}, Feb–Apr {2..10} (incomplete)
        assertThat(PeriodPhase.dayIndices(CAL, 3, 1, FIRST_TRADING_DAY, 0)).containsExactly(2);
        assertThat(PeriodPhase.dayIndices(CAL, 3, 1, FIRST_TRADING_DAY, 8)).containsExactly(10); // its 9th date
        assertThat(PeriodPhase.dayIndices(CAL, 3, 1, FIRST_TRADING_DAY, 9)).isEmpty();
        assertThat(PeriodPhase.dayIndices(CAL, 3, 1, LAST_TRADING_DAY, 0)).containsExactly(1);
        // p = 2: Dec–Feb {0..6}, Mar–May {7..10} (incomplete)
        assertThat(PeriodPhase.dayIndices(CAL, 3, 2, FIRST_TRADING_DAY, 0)).containsExactly(7);
        assertThat(PeriodPhase.dayIndices(CAL, 3, 2, LAST_TRADING_DAY, 0)).containsExactly(6);
        assertThat(PeriodPhase.dayIndices(CAL, 3, 2, LAST_TRADING_DAY, 6)).isEmpty(); // 7 dates: index 0 never fires
        assertThat(PeriodPhase.dayIndices(CAL, 3, 2, LAST_TRADING_DAY, 5)).containsExactly(1);
    }

    @Test
    void annualPhaseFiveIsJuneFirstOrEndOfMay() {
        // one date a month, the 1st weekday, from 2022-03 to 2024-08
        List<LocalDate> cal = new ArrayList<>();
        for (LocalDate m = d(2022, 3, 1); m.isBefore(d(2024, 9, 1)); m = m.plusMonths(1)) {
            LocalDate x = m;
            while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
                x = x.plusDays(1);
            }
            cal.add(x);
        }
        LocalDate[] c = cal.toArray(new LocalDate[0]);
        assertThat(dates(c, PeriodPhase.dayIndices(c, 12, 5, FIRST_TRADING_DAY, 0)))
                .containsExactly(d(2022, 6, 1), d(2023, 6, 1), d(2024, 6, 3));
        assertThat(dates(c, PeriodPhase.dayIndices(c, 12, 5, LAST_TRADING_DAY, 0)))
                .containsExactly(d(2022, 5, 2), d(2023, 5, 1), d(2024, 5, 1));
        // k = 1: the 2nd date of each year-from-June is July; the 2nd last, April
        assertThat(dates(c, PeriodPhase.dayIndices(c, 12, 5, FIRST_TRADING_DAY, 1)))
                .containsExactly(d(2022, 7, 1), d(2023, 7, 3), d(2024, 7, 1));
        assertThat(dates(c, PeriodPhase.dayIndices(c, 12, 5, LAST_TRADING_DAY, 1)))
                .containsExactly(d(2022, 4, 1), d(2023, 4, 3), d(2024, 4, 1));
    }

    @Test
    void emptyAndOneDateCalendarsHaveNoDays() {
        assertThat(PeriodPhase.days(new LocalDate[0], 1, 0, FIRST_TRADING_DAY, 0)).isEmpty();
        assertThat(PeriodPhase.days(new LocalDate[]{d(2024, 1, 2)}, 1, 0, LAST_TRADING_DAY, 0)).containsExactly(false);
    }

    @Test
    void refusesPhasesOffsetsAndPeriodsOutOfRange() {
        assertInvalidRule(() -> PeriodPhase.period(d(2024, 1, 1), 1, 1));
        assertInvalidRule(() -> PeriodPhase.period(d(2024, 1, 1), 3, 3));
        assertInvalidRule(() -> PeriodPhase.period(d(2024, 1, 1), 12, -1));
        assertInvalidRule(() -> PeriodPhase.period(d(2024, 1, 1), 4, 0));
        assertInvalidRule(() -> PeriodPhase.days(CAL, 1, 0, FIRST_TRADING_DAY, 21));
        assertInvalidRule(() -> PeriodPhase.days(CAL, 1, 0, FIRST_TRADING_DAY, -1));
        assertInvalidRule(() -> PeriodPhase.days(CAL, 1, 0, null, 0));
        PeriodPhase.requirePhase(11, 12);
        PeriodPhase.requireDayOffset(20);
        assertThatThrownBy(() -> PeriodPhase.days(new LocalDate[]{d(2024, 1, 3), d(2024, 1, 2)}, 1, 0,
                FIRST_TRADING_DAY, 0)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_DATA));
    }

    // --- p = 0, k = 0 agrees with today's engine -------------------------------------------------------------

    private static final Set<LocalDate> HOLIDAYS = Set.of(d(2023, 1, 2), d(2023, 1, 16), d(2023, 4, 7),
            d(2023, 5, 29), d(2023, 7, 4), d(2023, 9, 4), d(2023, 11, 23), d(2023, 12, 25), d(2024, 1, 1),
            d(2024, 1, 15), d(2024, 3, 29), d(2024, 7, 4));
    /** A month-end on which the equity return is missing: SKIP drops it, so June 2023 ends on the 29th. */
    private static final LocalDate GAP = d(2023, 6, 30);


    private static List<LocalDate> dates(LocalDate[] cal, int[] idx) {
        List<LocalDate> out = new ArrayList<>();
        for (int i : idx) {
            out.add(cal[i]);
        }
        return out;
    }

    private static List<LocalDate> engineEventDates(MarketData data, LocalDate start, LocalDate end, Frequency f,
                                                   BaseDayPolicy base) {
        Weights w = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
        Scenario s = new Scenario(w, start, end, 10_000, MissingDataPolicy.SKIP);
        List<LocalDate> out = new ArrayList<>();
        for (RebalancingEvent e : ScenarioSimulation.run(data, s, Optional.of(new RebalancingRule.Periodic(f, base, 0.0)),
                false).on().orElseThrow().events()) {
            out.add(e.eventDate());
        }
        return out;
    }

    @Test
    void phaseZeroOffsetZeroAgreesWithTodaysEngineOnAHolidayCalendar() {
        LocalDate[] all = TradingCalendars.weekdays(d(2022, 12, 19), d(2024, 7, 19), HOLIDAYS); // ends mid-month: July is incomplete
        double[] eq = new double[all.length];
        double[] bd = new double[all.length];
        List<LocalDate> inUse = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            eq[i] = all[i].equals(GAP) ? Double.NaN : 0.0004 * ((i % 7) - 3);
            bd[i] = 0.0001 * ((i % 5) - 2);
            if (!all[i].equals(GAP)) {
                inUse.add(all[i]);
            }
        }
        double[][] returns = new double[AssetClass.COUNT][];
        returns[AssetClass.EQUITY.ordinal()] = eq;
        returns[AssetClass.BOND.ordinal()] = bd;
        MarketData data = MarketData.of(all, returns);
        LocalDate[] cal = inUse.toArray(new LocalDate[0]); // the calendar in use after SKIP

        // hand check of the holiday handling: January 2023 starts on the 3rd, June 2023 ends on the 29th
        List<LocalDate> monthlyFirst = dates(cal, PeriodPhase.dayIndices(cal, 1, 0, FIRST_TRADING_DAY, 0));
        List<LocalDate> monthlyLast = dates(cal, PeriodPhase.dayIndices(cal, 1, 0, LAST_TRADING_DAY, 0));
        assertThat(monthlyFirst).contains(d(2023, 1, 3), d(2024, 1, 2), d(2024, 7, 1)).doesNotContain(d(2022, 12, 19));
        assertThat(monthlyLast).contains(d(2022, 12, 30), d(2023, 6, 29), d(2024, 3, 28), d(2024, 6, 28))
                .doesNotContain(GAP, d(2024, 7, 19));

        for (Frequency f : Frequency.values()) {
            for (BaseDayPolicy base : BaseDayPolicy.values()) {
                List<LocalDate> ours = dates(cal, PeriodPhase.dayIndices(cal, f.monthsPerPeriod(), 0, base, 0));
                // the whole dataset as the run window
                assertThat(engineEventDates(data, cal[0], cal[cal.length - 1], f, base)).as("%s %s", f, base)
                        .isEqualTo(ours);
                // a window bought on 1 March 2023 (a first trading day: the purchase close is never an event),
                // ending on 30 April 2024 (LAST looks at the date after the window)
                LocalDate from = d(2023, 3, 1);
                LocalDate to = d(2024, 4, 30);
                List<LocalDate> inWindow = new ArrayList<>();
                for (LocalDate x : ours) {
                    if (x.isAfter(from) && !x.isAfter(to)) {
                        inWindow.add(x);
                    }
                }
                assertThat(engineEventDates(data, from, to, f, base)).as("window %s %s", f, base).isEqualTo(inWindow);
            }
        }
        // and the period numbers themselves: p = 0 is Frequency.periodOf
        for (LocalDate x = d(1999, 11, 1); x.isBefore(d(2026, 3, 1)); x = x.plusDays(13)) {
            for (Frequency f : Frequency.values()) {
                assertThat(PeriodPhase.period(x, f.monthsPerPeriod(), 0)).isEqualTo(f.periodOf(x));
            }
        }
    }

    private static void assertInvalidRule(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE));
    }
}
