package foresto.engine;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A calendar: the (k+1)-th first or last trading day of every period of {@code frequency}, its months shifted by
 * {@code phase} (SEMANTICS §3, §10, §12.1; phase 0 and day offset 0 are the seed's first / last trading days).
 * Positions are counted in the dataset's calendar in use (after the missing-data policy), not in the run window:
 * a FIRST day needs a date of an earlier period in that calendar (the calendar's first period has none), a LAST day
 * a date of a later period (which may lie past the run's end, so the dataset's last date never is one). The
 * purchase close is never one.
 */
record CalendarTrigger(Frequency frequency, BaseDayPolicy baseDay, int phase, int dayOffset) {

    /** The seed's calendars: phase 0, day offset 0. */
    CalendarTrigger(Frequency frequency, BaseDayPolicy baseDay) {
        this(frequency, baseDay, 0, 0);
    }

    /** Fires on every day of this calendar. */
    Trigger fireOnDays() {
        Trigger.Fire fire = new Trigger.Fire(new TriggerDetail.Periodic(frequency, baseDay), null);
        return (p, v, calendarDay) -> calendarDay ? fire : null;
    }

    /**
     * Whether {@code date} is a day of this calendar, knowing only its neighbours (for the single step; the path
     * loop uses {@link #days}). A day offset needs the whole calendar, so the single step takes none.
     */
    boolean isDay(LocalDate date, LocalDate previous, LocalDate next) {
        if (dayOffset != 0) {
            throw new EngineException(EngineException.Kind.INVALID_RULE, "a day offset counts the dates of the whole "
                    + "calendar: run the scenario instead of a single step");
        }
        if (previous == null) {
            return false;
        }
        if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
            return frequency.periodOf(date, phase) != frequency.periodOf(previous, phase);
        }
        return next != null && frequency.periodOf(next, phase) != frequency.periodOf(date, phase);
    }

    /**
     * The run's closes that are days of this calendar, one flag per close (the path loop reads one flag per close):
     * the closes {@link #closes} finds, so a PERIODIC rule and a flow schedule (SEMANTICS §13.1) take their days from
     * one code path.
     */
    boolean[] days(ScenarioCalendar cal) {
        boolean[] day = new boolean[cal.length()];
        for (int k : closes(cal)) {
            day[k] = true;
        }
        return day;
    }

    /**
     * The run's closes that are days of this calendar, ascending, from the dataset's period numbers (computed once
     * per dataset) and the period boundaries alone: a FIRST day is {@code dayOffset} closes after its period's first
     * close, a LAST day {@code dayOffset} closes before its period's last, and each boundary is looked for near where
     * the previous period's length puts it, so a calendar of a few hundred days does not visit every close. The
     * window's first period counts the dates of the calendar in use before the window (a FIRST day needs a date of an
     * earlier period), its last period those after it (a LAST day needs a date of a later period). Worked out once per
     * calendar and kept there ({@link ScenarioCalendar#closesOf}): the array is shared and read-only.
     */
    int[] closes(ScenarioCalendar cal) {
        return cal.closesOf(this);
    }

    /** {@link #closes}, worked out (a new array). */
    int[] computeCloses(ScenarioCalendar cal) {
        int n = cal.length();
        int[] period = cal.periods(frequency, phase);
        int[] out = new int[16];
        int count = 0;
        int a = 0;
        int length = 1;
        if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
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
            while (a < n) {
                int b = periodEnd(cal, period, a, length);
                int k = a == 0 ? dayOffset - before : a + dayOffset; // where "before" reaches the day offset
                if ((a > 0 || earlier) && k >= 1 && k < b) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, 2 * count);
                    }
                    out[count++] = k;
                }
                length = b - a;
                a = b;
            }
        } else {
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
            while (a < n) {
                int b = periodEnd(cal, period, a, length);
                int k = b == n ? n - 1 - (dayOffset - after) : b - 1 - dayOffset; // where "after" reaches it
                if ((b < n || later && dayOffset >= after) && k >= Math.max(a, 1) && k < b) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, 2 * count);
                    }
                    out[count++] = k;
                }
                length = b - a;
                a = b;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * The first close after {@code a} in another period than close {@code a} (n when none), looked for from
     * {@code a + guess}: period numbers never decrease, so the closes before it are in a's period and those from it on
     * are not.
     */
    private static int periodEnd(ScenarioCalendar cal, int[] period, int a, int guess) {
        int n = cal.length();
        int pa = period[cal.row(a)];
        int g = a + Math.max(1, guess);
        if (g >= n || period[cal.row(g)] != pa) {
            int x = Math.min(g, n) - 1;
            while (period[cal.row(x)] != pa) {
                x--;
            }
            return x + 1;
        }
        int x = g + 1;
        while (x < n && period[cal.row(x)] == pa) {
            x++;
        }
        return x;
    }
}
