package foresto.backtest;

import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.engine.Weights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quality report's checks, written independently of the engine's trigger code (calendar arithmetic
 * on the run's own dates), so a bug in one is caught by the other.
 */
public final class QualityChecks {
    private QualityChecks() {
    }

    /** What became of a check: it held, it failed, or it could not run here (never counted as passed). */
    public enum Status { PASS, FAIL, SKIPPED }

    /** A named check and its outcome. */
    public record Check(String name, Status status, String detail) {
        public Check(String name, boolean passed, String detail) {
            this(name, passed ? Status.PASS : Status.FAIL, detail);
        }

        public static Check skipped(String name, String why) {
            return new Check(name, Status.SKIPPED, why);
        }

        public boolean passed() {
            return status == Status.PASS;
        }

        public boolean failed() {
            return status == Status.FAIL;
        }
    }

    private static int period(LocalDate d, Frequency f) {
        int month = d.getYear() * 12 + d.getMonthValue() - 1;
        return f == Frequency.MONTHLY ? month : Math.floorDiv(month, 3);
    }

    /** The dates a periodic rule must fire on, from the calendar alone ({@code next}: the date after the last). */
    public static Set<LocalDate> expectedPeriodicDates(LocalDate[] dates, LocalDate next, Frequency f, BaseDayPolicy base) {
        Set<LocalDate> expected = new TreeSet<>();
        for (int k = 1; k < dates.length; k++) {
            if (base == BaseDayPolicy.FIRST_TRADING_DAY) {
                if (period(dates[k], f) != period(dates[k - 1], f)) {
                    expected.add(dates[k]);
                }
            } else {
                LocalDate after = k + 1 < dates.length ? dates[k + 1] : next;
                if (after != null && period(after, f) != period(dates[k], f)) {
                    expected.add(dates[k]);
                }
            }
        }
        return expected;
    }

    public static Check periodic(String rule, LocalDate[] dates, LocalDate next, Frequency f, BaseDayPolicy base,
                                 List<RebalancingEvent> events) {
        Set<LocalDate> expected = expectedPeriodicDates(dates, next, f, base);
        List<LocalDate> actual = events.stream().map(RebalancingEvent::eventDate).toList();
        List<String> problems = new ArrayList<>();
        Set<Integer> periods = new TreeSet<>();
        for (LocalDate d : actual) {
            if (!periods.add(period(d, f))) {
                problems.add("two events in the period of " + d);
            }
            if (f == Frequency.QUARTERLY && base == BaseDayPolicy.FIRST_TRADING_DAY && (d.getMonthValue() - 1) % 3 != 0) {
                problems.add(d + " is not in January, April, July or October");
            }
            if (!expected.contains(d)) {
                problems.add(d + " is not the " + (base == BaseDayPolicy.FIRST_TRADING_DAY ? "first" : "last")
                        + " trading day of its period");
            }
        }
        for (LocalDate d : expected) {
            if (!actual.contains(d)) {
                problems.add("no event on " + d);
            }
        }
        String what = (f == Frequency.MONTHLY ? "one event per month" : "one event per quarter") + ", each on the "
                + (base == BaseDayPolicy.FIRST_TRADING_DAY ? "first" : "last") + " trading day";
        return new Check(rule + ": " + what, problems.isEmpty(), problems.isEmpty() ? actual.size() + " events"
                : String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }

    public static Check drift(String rule, double threshold, Weights targets, List<RebalancingEvent> events) {
        List<String> problems = new ArrayList<>();
        for (RebalancingEvent e : events) {
            double max = 0;
            for (var w : e.beforeWeights().entrySet()) {
                max = Math.max(max, Math.abs(w.getValue() - targets.byCode().getOrDefault(w.getKey(), 0.0)));
            }
            double reported = e.triggerDetail() instanceof TriggerDetail.Drift d ? d.maxDrift() : Double.NaN;
            if (!(max >= threshold) || !(reported >= threshold)) {
                problems.add(e.eventDate() + " max drift " + max + " < " + threshold);
            }
        }
        return new Check(rule + ": every DRIFT event has max drift ≥ " + threshold, problems.isEmpty(),
                problems.isEmpty() ? events.size() + " events" : String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
}
