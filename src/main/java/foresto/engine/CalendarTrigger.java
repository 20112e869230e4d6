package foresto.engine;

import java.time.LocalDate;

/**
 * A calendar: the first or the last trading day of every period of {@code frequency} (SEMANTICS §3, §10).
 * The purchase close is never one; the last trading day looks at the next date of the calendar in use,
 * which may lie past the run's end (so the dataset's last date never is one).
 */
record CalendarTrigger(Frequency frequency, BaseDayPolicy baseDay) {

    /** Fires on every day of this calendar. */
    Trigger fireOnDays() {
        Trigger.Fire fire = new Trigger.Fire(new TriggerDetail.Periodic(frequency, baseDay), null);
        return (p, v, calendarDay) -> calendarDay ? fire : null;
    }

    /** Whether {@code date} is a day of this calendar (for the single step; the path loop uses {@link #days}). */
    boolean isDay(LocalDate date, LocalDate previous, LocalDate next) {
        if (previous == null) {
            return false;
        }
        if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
            return frequency.periodOf(date) != frequency.periodOf(previous);
        }
        return next != null && frequency.periodOf(next) != frequency.periodOf(date);
    }

    /** The run's closes that are days of this calendar, from the dataset's period numbers (computed once). */
    boolean[] days(ScenarioCalendar cal) {
        int n = cal.length();
        int[] period = cal.periods(frequency);
        boolean[] day = new boolean[n];
        if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
            for (int k = 1; k < n; k++) {
                day[k] = period[cal.row(k)] != period[cal.row(k - 1)];
            }
        } else {
            for (int k = 1; k < n; k++) {
                int next = k + 1 < n ? cal.row(k + 1) : cal.rowAfterEnd();
                day[k] = next >= 0 && period[next] != period[cal.row(k)];
            }
        }
        return day;
    }
}
