package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.CashFlowInput;
import foresto.backtest.ResultJson;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.model.SideFlows;
import picocli.CommandLine.Option;

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
        return new CashFlowInput(contribution, withdrawal, withdrawalRate, frequency, baseDay, phase, dayOffset, growth,
                from, until, allocation).schedule(CashFlowInput.OPTIONS);
    }

    /** A side's flow keys, as every face writes them ({@link ResultJson#putCashFlows}). */
    static void put(ObjectNode side, CashFlowResult cf) {
        ResultJson.putCashFlows(side, SideFlows.of(cf));
    }
}
