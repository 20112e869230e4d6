package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.InlineRule;
import foresto.backtest.ResultJson;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.SideFlows;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * A flow schedule on the command line (SEMANTICS §13.5): {@code --contribution A | --withdrawal A |
 * --withdrawal-rate ρ} with {@code --flow-frequency} and its optional shape, and ON's {@code --flow-allocation};
 * plus the JSON keys a side gets when a schedule was given.
 */
final class CashFlowOptions {
    @Option(names = "--contribution", paramLabel = "A", description = "pay A (> 0) in at every flow date")
    Double contribution;
    @Option(names = "--withdrawal", paramLabel = "A", description = "take A (> 0) out at every flow date")
    Double withdrawal;
    @Option(names = "--withdrawal-rate", paramLabel = "RATE", description = "take RATE (0 < RATE < 1) of the value "
            + "after the day's returns out at every flow date")
    Double withdrawalRate;
    @Option(names = "--flow-frequency", paramLabel = "monthly|quarterly|semiannual|annual",
            description = "the flow dates' calendar, as a calendar rule's (needed with a flow)")
    String frequency;
    @Option(names = "--flow-base-day", paramLabel = "first|last", description = "first or last trading day of each "
            + "period (default first)")
    String baseDay;
    @Option(names = "--flow-phase", paramLabel = "P", description = "start the flow periods P months later (default 0)")
    Integer phase;
    @Option(names = "--flow-day-offset", paramLabel = "K", description = "the (K+1)-th first or last trading day "
            + "(0 ≤ K ≤ 20; default 0)")
    Integer dayOffset;
    @Option(names = "--flow-growth", paramLabel = "G", description = "an amount grows by G a year (-0.5 < G < 1; "
            + "default 0); not with --withdrawal-rate")
    Double growth;
    @Option(names = "--flows-from", paramLabel = "YYYY-MM-DD", description = "no flow before this date")
    String from;
    @Option(names = "--flows-until", paramLabel = "YYYY-MM-DD", description = "no flow after this date")
    String until;
    @Option(names = "--flow-allocation", paramLabel = "pro-rata|toward-target", description = "how the ON path spreads "
            + "a flow (default toward-target; OFF is always pro rata); needs --rule")
    String allocation;

    /** The schedule, or null when no flow option was given; INVALID_REQUEST for a contradictory or incomplete set. */
    CashFlowSchedule schedule() {
        int kinds = (contribution != null ? 1 : 0) + (withdrawal != null ? 1 : 0) + (withdrawalRate != null ? 1 : 0);
        String shape = frequency != null ? "--flow-frequency" : baseDay != null ? "--flow-base-day"
                : phase != null ? "--flow-phase" : dayOffset != null ? "--flow-day-offset"
                : growth != null ? "--flow-growth" : from != null ? "--flows-from" : until != null ? "--flows-until"
                : allocation != null ? "--flow-allocation" : null;
        if (kinds == 0) {
            if (shape != null) {
                throw invalid(shape + " needs --contribution, --withdrawal or --withdrawal-rate");
            }
            return null;
        }
        if (kinds > 1) {
            throw invalid("give one of --contribution, --withdrawal and --withdrawal-rate (an amount or a rate, not both)");
        }
        if (frequency == null) {
            throw invalid("a flow needs --flow-frequency monthly|quarterly|semiannual|annual");
        }
        Double amount = null;
        if (contribution != null || withdrawal != null) {
            double a = contribution != null ? contribution : withdrawal;
            if (!(a > 0)) {
                throw invalid((contribution != null ? "--contribution" : "--withdrawal") + " must be > 0, got " + a);
            }
            amount = contribution != null ? a : -a;
        }
        if (withdrawalRate != null && growth != null) {
            throw invalid("--flow-growth applies to an amount; --withdrawal-rate takes none");
        }
        return new CashFlowSchedule(amount, withdrawalRate, frequency(frequency), InlineRule.baseDay(baseDay),
                phase == null ? 0 : phase, dayOffset == null ? 0 : dayOffset, growth == null ? 0 : growth,
                from == null ? null : SimulateCommand.parseDate("--flows-from", from),
                until == null ? null : SimulateCommand.parseDate("--flows-until", until), allocation(allocation));
    }

    private static Frequency frequency(String text) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw invalid("--flow-frequency must be monthly, quarterly, semiannual or annual, got '" + text + "'");
    }

    private static FlowAllocation allocation(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pro-rata" -> FlowAllocation.PRO_RATA;
            case "toward-target" -> FlowAllocation.TOWARD_TARGET;
            default -> throw invalid("--flow-allocation must be pro-rata or toward-target, got '" + text + "'");
        };
    }

    /** A side's flow keys, as every face writes them ({@link ResultJson#putCashFlows}). */
    static void put(ObjectNode side, CashFlowResult cf) {
        ResultJson.putCashFlows(side, SideFlows.of(cf));
    }

    private static ForestoException invalid(String message) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, message);
    }
}
