package foresto.engine.robust;

import foresto.engine.EngineException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-date study's windows and summary (SEMANTICS §12.3). Window i = 0, 1, …: s_i = start + i·s months,
 * e_i = start + (i·s + L) months − 1 day ({@link LocalDate#plusMonths}: the day of month kept, clamped to the
 * target month's length), always from {@code start}, never chained; included iff e_i ≤ end.
 */
public final class RollingWindows {
    private RollingWindows() {
    }

    /** Window i's requested dates (the run's first and last calendar dates may differ). */
    public record Window(int index, LocalDate start, LocalDate end) {
    }

    /**
     * The summary over the windows' premiums (CAGR_ON − CAGR_OFF): count, min, type-7 p5 … p95, max, the share
     * of premiums &gt; 0, and the number of non-overlapping windows ⌊M / L⌋ (the windows overlap: say so next to
     * the count).
     */
    public record Summary(int count, double min, double p5, double p25, double median, double p75, double p95,
                          double max, double sharePositive, long nonOverlapping) {
    }

    /**
     * The windows of length {@code lengthMonths} (L ≥ 1) every {@code stepMonths} (s ≥ 1) in [start, end];
     * throws INVALID_REQUEST when L or s is below 1, start is after end, or not even window 0 fits.
     */
    public static List<Window> windows(LocalDate start, LocalDate end, int lengthMonths, int stepMonths) {
        requireRange(start, end, lengthMonths);
        if (stepMonths < 1) {
            throw invalid("the step must be at least 1 month, got " + stepMonths);
        }
        List<Window> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            long offset = (long) i * stepMonths;
            LocalDate e = start.plusMonths(offset + lengthMonths).minusDays(1);
            if (e.isAfter(end)) {
                break;
            }
            out.add(new Window(i, start.plusMonths(offset), e));
        }
        if (out.isEmpty()) {
            throw invalid("a window of " + lengthMonths + " months does not fit in " + start + ".." + end
                    + " (the first would end on " + start.plusMonths(lengthMonths).minusDays(1) + ")");
        }
        return out;
    }

    /**
     * ⌊M / L⌋ with M = ChronoUnit.MONTHS.between(start, end.plusDays(1)), start and end the study's requested
     * dates. Taken literally: java.time counts 31 Jan → 29 Feb as 0 whole months, though 31 Jan + 1 month
     * = 29 Feb (so this can be below the count of disjoint windows after a month-end start).
     */
    public static long nonOverlapping(LocalDate start, LocalDate end, int lengthMonths) {
        requireRange(start, end, lengthMonths);
        return ChronoUnit.MONTHS.between(start, end.plusDays(1)) / lengthMonths;
    }

    /** The premium of a window: CAGR_ON − CAGR_OFF. */
    public static double premium(double cagrOn, double cagrOff) {
        return cagrOn - cagrOff;
    }

    /** The summary of the premiums (in window order; at least one), with the study's non-overlapping count. */
    public static Summary summarize(double[] premiums, LocalDate start, LocalDate end, int lengthMonths) {
        return summarize(premiums, nonOverlapping(start, end, lengthMonths));
    }

    /** As above, with the non-overlapping count given. */
    public static Summary summarize(double[] premiums, long nonOverlapping) {
        double[] x = Percentiles.sorted(premiums);
        int positive = 0;
        for (double p : premiums) {
            if (p > 0) {
                positive++;
            }
        }
        int n = x.length;
        return new Summary(n, x[0], Percentiles.ofSorted(x, 0.05), Percentiles.ofSorted(x, 0.25),
                Percentiles.ofSorted(x, 0.5), Percentiles.ofSorted(x, 0.75), Percentiles.ofSorted(x, 0.95), x[n - 1],
                (double) positive / n, nonOverlapping);
    }

    private static void requireRange(LocalDate start, LocalDate end, int lengthMonths) {
        if (start == null || end == null) {
            throw invalid("a start-date study needs a start and an end date");
        }
        if (start.isAfter(end)) {
            throw invalid("start date " + start + " is after end date " + end);
        }
        if (lengthMonths < 1) {
            throw invalid("the window length must be at least 1 month, got " + lengthMonths);
        }
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_REQUEST, message);
    }
}
