package foresto.cli;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import picocli.CommandLine.Option;

/**
 * The words that shape a rule given on the command line, shared by {@code simulate}, {@code run --rule-spec}
 * and {@code sweep}: its base day, check calendar and how far it trades back (SEMANTICS §10), and the calendar's
 * phase and day offset (§12.1; not swept).
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
    @Option(names = "--phase", paramLabel = "P", description = "start the calendar's periods P months later "
            + "(0 ≤ P < months per period: quarterly 0–2, semiannual 0–5, annual 0–11; e.g. annual --phase 5 = June; "
            + "default 0). For a calendar rule or a drift rule's --check calendar; simulate and run only")
    Integer phase;
    @Option(names = "--day-offset", paramLabel = "K", description = "rebalance on the (K+1)-th first (or, with --base-day "
            + "last, last) trading day of each period (0 ≤ K ≤ 20; default 0); simulate and run only")
    Integer dayOffset;

    /** The first of these options given, for messages ("--check goes with …"), or null. */
    String firstGiven() {
        return baseDay != null ? "--base-day" : check != null ? "--check" : rebalanceTo != null ? "--rebalance-to"
                : phase != null ? "--phase" : dayOffset != null ? "--day-offset" : null;
    }

    /** Refuses --phase and --day-offset where they are not supported yet (a sweep varies rules, not their calendars). */
    void requireNoCalendarShift(String command) {
        String given = phase != null ? "--phase" : dayOffset != null ? "--day-offset" : null;
        if (given != null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, given + " is not supported by " + command
                    + "; use simulate or run --rule-spec for a rule with a shifted calendar");
        }
    }

    String baseDay() {
        return baseDay == null ? null : baseDay.trim();
    }

    String check() {
        return check == null ? null : check.trim();
    }
}
