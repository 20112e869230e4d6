package foresto.engine.robust;

import foresto.engine.BaseDayPolicy;
import foresto.engine.EngineException;

import java.time.LocalDate;

/**
 * Calendar phase and day offset (SEMANTICS §12.1) as a pure function of a calendar; not wired into the engine.
 * The period of a date is {@code floor((12·year + month − 1 − p) / m)} (m months per period: 1, 3, 6 or 12;
 * phase 0 ≤ p &lt; m). With base day FIRST the rule fires at the (k+1)-th date of each period except the
 * calendar's first period; with LAST at the (k+1)-th last date of each period the calendar shows complete (it
 * holds a date of a later period); a period with ≤ k dates has no day; index 0 never fires. With p = 0 and k = 0
 * these are the engine's first / last trading days of §3 and §10.
 */
public final class PeriodPhase {
    /** The largest day offset k. */
    public static final int MAX_DAY_OFFSET = 20;

    private PeriodPhase() {
    }

    /** The period number of {@code d} for m months per period and phase p. */
    public static int period(LocalDate d, int monthsPerPeriod, int phase) {
        requireMonths(monthsPerPeriod);
        requirePhase(phase, monthsPerPeriod);
        return Math.floorDiv(12 * d.getYear() + d.getMonthValue() - 1 - phase, monthsPerPeriod);
    }

    /** Throws INVALID_RULE unless 0 ≤ p &lt; m. */
    public static void requirePhase(int phase, int monthsPerPeriod) {
        requireMonths(monthsPerPeriod);
        if (phase < 0 || phase >= monthsPerPeriod) {
            throw invalid("phase must be between 0 and " + (monthsPerPeriod - 1) + " for a period of "
                    + monthsPerPeriod + (monthsPerPeriod == 1 ? " month" : " months") + ", got " + phase);
        }
    }

    /** Throws INVALID_RULE unless 0 ≤ k ≤ 20. */
    public static void requireDayOffset(int dayOffset) {
        if (dayOffset < 0 || dayOffset > MAX_DAY_OFFSET) {
            throw invalid("day_offset must be between 0 and " + MAX_DAY_OFFSET + ", got " + dayOffset);
        }
    }

    /**
     * Whether each date of {@code calendar} (the dataset's calendar in use, strictly ascending) is a day of the
     * rule. The purchase date of a run that does not start at index 0 is the caller's to exclude.
     */
    public static boolean[] days(LocalDate[] calendar, int monthsPerPeriod, int phase, BaseDayPolicy baseDay,
                                 int dayOffset) {
        requirePhase(phase, monthsPerPeriod);
        requireDayOffset(dayOffset);
        if (baseDay == null) {
            throw invalid("base_day_policy is required (FIRST_TRADING_DAY or LAST_TRADING_DAY)");
        }
        int n = calendar.length;
        for (int i = 1; i < n; i++) {
            if (!calendar[i].isAfter(calendar[i - 1])) {
                throw new EngineException(EngineException.Kind.INVALID_DATA,
                        "dates must be strictly ascending: " + calendar[i - 1] + " then " + calendar[i]);
            }
        }
        boolean[] day = new boolean[n];
        int from = 0;
        while (from < n) {
            int p = period(calendar[from], monthsPerPeriod, phase);
            int to = from; // the period's dates are from … to
            while (to + 1 < n && period(calendar[to + 1], monthsPerPeriod, phase) == p) {
                to++;
            }
            int size = to - from + 1;
            if (size > dayOffset) {
                if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
                    if (from > 0) { // not the calendar's first period
                        day[from + dayOffset] = true;
                    }
                } else if (to + 1 < n) { // complete: a date of a later period follows
                    day[to - dayOffset] = true;
                }
            }
            from = to + 1;
        }
        if (n > 0) {
            day[0] = false;
        }
        return day;
    }

    /** The indices of {@link #days}, ascending. */
    public static int[] dayIndices(LocalDate[] calendar, int monthsPerPeriod, int phase, BaseDayPolicy baseDay,
                                   int dayOffset) {
        boolean[] day = days(calendar, monthsPerPeriod, phase, baseDay, dayOffset);
        int count = 0;
        for (boolean b : day) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < day.length; i++) {
            if (day[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static void requireMonths(int m) {
        if (m != 1 && m != 3 && m != 6 && m != 12) {
            throw invalid("months per period must be 1, 3, 6 or 12, got " + m);
        }
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_RULE, message);
    }
}
