package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Periods per year f (SEMANTICS §5): how many of a calendar's periods make a year, the factor every annualised
 * figure uses (√f for volatility and tracking error; f for the per-period risk-free rate and √f for Sharpe and
 * Sortino). Computed once from the whole dataset's calendar in use (after the missing-data policy, not the run
 * window): the median gap g in calendar days between consecutive dates, the lower median for an even count, gives
 * f = 252 if g ≤ 4, 52 if g ≤ 10, 12 if g ≤ 45, 4 if g ≤ 120, else 1. A calendar with fewer than two dates has no
 * gap and counts as daily (252, the value every run had before f existed).
 *
 * @param value     f
 * @param frequency the word for it: "daily", "weekly", "monthly", "quarterly" or "annual"
 */
public record PeriodsPerYear(int value, String frequency) {
    public static final PeriodsPerYear DAILY = new PeriodsPerYear(252, "daily");
    public static final PeriodsPerYear WEEKLY = new PeriodsPerYear(52, "weekly");
    public static final PeriodsPerYear MONTHLY = new PeriodsPerYear(12, "monthly");
    public static final PeriodsPerYear QUARTERLY = new PeriodsPerYear(4, "quarterly");
    public static final PeriodsPerYear ANNUAL = new PeriodsPerYear(1, "annual");

    /** The classes in order with the largest median gap (calendar days) each admits; ANNUAL takes the rest. */
    private static final PeriodsPerYear[] BY_GAP = {DAILY, WEEKLY, MONTHLY, QUARTERLY};
    private static final long[] MAX_GAP = {4, 10, 45, 120};

    /** f of the dates (ascending), all of them. */
    public static PeriodsPerYear of(LocalDate[] dates) {
        return of(dates, dates.length);
    }

    /** f of the first {@code n} dates (ascending). */
    public static PeriodsPerYear of(LocalDate[] dates, int n) {
        int gaps = n - 1;
        if (gaps < 1) {
            return DAILY;
        }
        // the lower median is the ((gaps − 1) / 2)-th smallest gap (0-based): it is ≤ t exactly when more than
        // (gaps − 1) / 2 gaps are ≤ t, so counting per class replaces sorting
        int need = (gaps - 1) / 2 + 1;
        int[] atMost = new int[MAX_GAP.length];
        for (int k = 1; k < n; k++) {
            long g = ChronoUnit.DAYS.between(dates[k - 1], dates[k]);
            for (int c = 0; c < MAX_GAP.length; c++) {
                if (g <= MAX_GAP[c]) {
                    atMost[c]++;
                }
            }
        }
        for (int c = 0; c < MAX_GAP.length; c++) {
            if (atMost[c] >= need) {
                return BY_GAP[c];
            }
        }
        return ANNUAL;
    }

    /** f for a stored run: its stored value, or 252 for a run stored before f existed (all were computed with √252). */
    public static PeriodsPerYear ofStored(Integer value) {
        if (value == null) {
            return DAILY;
        }
        for (PeriodsPerYear p : new PeriodsPerYear[] {DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL}) {
            if (p.value == value) {
                return p;
            }
        }
        return new PeriodsPerYear(value, value + " periods per year");
    }

    /** "monthly data (f = 12)". */
    public String label() {
        return frequency + " data (f = " + value + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
