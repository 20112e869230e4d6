package foresto.backtest;

import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
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
        return Math.floorDiv(month, months(f));
    }

    private static int months(Frequency f) {
        return switch (f) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case SEMIANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }

    private static String periodName(Frequency f) {
        return switch (f) {
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case SEMIANNUAL -> "half-year";
            case ANNUAL -> "year";
        };
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
            if (base == BaseDayPolicy.FIRST_TRADING_DAY && (d.getMonthValue() - 1) % months(f) != 0) {
                problems.add(d + " is not in the first month of a " + periodName(f));
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
        String what = "one event per " + periodName(f) + ", each on the "
                + (base == BaseDayPolicy.FIRST_TRADING_DAY ? "first" : "last") + " trading day";
        return new Check(rule + ": " + what, problems.isEmpty(), problems.isEmpty() ? actual.size() + " events"
                : String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }

    /**
     * Every DRIFT event: some held class was at or beyond its band before trading, the band computed here from
     * the rule's kind, θ and ρ and the targets (SEMANTICS §10), independently of the engine's band code.
     */
    public static Check drift(String rule, RebalancingRule.Drift r, Weights targets, List<RebalancingEvent> events) {
        List<String> problems = new ArrayList<>();
        for (RebalancingEvent e : events) {
            boolean breached = false;
            for (var w : e.beforeWeights().entrySet()) {
                double target = targets.byCode().getOrDefault(w.getKey(), 0.0);
                double band = switch (r.band()) {
                    case ABSOLUTE -> r.threshold();
                    case RELATIVE -> r.rho() * target;
                    case HYBRID -> Math.min(r.threshold(), r.rho() * target);
                };
                breached |= Math.abs(w.getValue() - target) >= band;
            }
            if (!breached) {
                problems.add(e.eventDate() + ": no class at or beyond its band");
            }
        }
        return new Check(rule + ": every DRIFT event has a class at or beyond its " + r.band() + " band", problems.isEmpty(),
                problems.isEmpty() ? events.size() + " events" : String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
}
