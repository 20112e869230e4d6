package foresto.cli;

import picocli.CommandLine.Option;

/**
 * The words that shape a rule given on the command line, shared by {@code simulate}, {@code run --rule-spec}
 * and {@code sweep}: its base day, check calendar and how far it trades back (SEMANTICS §10).
 */
final class RuleShapeOptions {
    @Option(names = "--base-day", paramLabel = "first|last", description = "base day of calendars and check calendars (default first)")
    String baseDay;
    @Option(names = "--check", paramLabel = "daily|monthly|quarterly|semiannual|annual",
            description = "when a drift rule looks at its band (default daily)")
    String check;
    @Option(names = "--rebalance-to", paramLabel = "G", description = "a drift rule trades until the worst class sits at "
            + "G of its band (0 ≤ G < 1; default 0 = back to the targets)")
    Double rebalanceTo;

    /** The first of these options given, for messages ("--check goes with …"), or null. */
    String firstGiven() {
        return baseDay != null ? "--base-day" : check != null ? "--check" : rebalanceTo != null ? "--rebalance-to" : null;
    }

    String baseDay() {
        return baseDay == null ? null : baseDay.trim();
    }

    String check() {
        return check == null ? null : check.trim();
    }
}
