package foresto.ui.main;

import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.RunView;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Metrics;
import foresto.error.ForestoException;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.model.RunFlows;
import foresto.model.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What allocating contributions toward the targets saved against allocating the same flows pro rata (SEMANTICS
 * §13.3), both ON paths of one request: rebalancing trades, turnover and cost, each as pro rata − toward target
 * (positive: toward target traded less). {@code shown} is the allocation whose run is on screen (the stored run); the
 * other is computed for the comparison only, so the history holds no run the analyst did not ask for.
 */
public record FlowComparison(int savedTrades, double savedTurnover, double savedCost, FlowAllocation shown) {
    private static final Logger LOG = LoggerFactory.getLogger(FlowComparison.class);

    /** The savings of {@code towardTarget} over {@code proRata}, the ON metrics of the two runs. */
    public static FlowComparison of(Metrics towardTarget, Metrics proRata, FlowAllocation shown) {
        return new FlowComparison(proRata.eventCount() - towardTarget.eventCount(),
                proRata.totalTurnover() - towardTarget.totalTurnover(),
                proRata.totalCost() - towardTarget.totalCost(), shown);
    }

    /**
     * {@code m} with its comparison when it is a run with a rule and a contribution schedule: its own ON metrics
     * against those of the same request with the other allocation, computed beside it and not stored
     * ({@link BacktestService#withAllocation}); {@code m} itself otherwise, or when that request would no longer be
     * the same run (its data or portfolio changed since) or it could not be computed (logged). Off the UI thread.
     */
    static RunModel attach(BacktestService service, RunModel m, Cancellation cancellation) {
        RunFlows flows = m.flows();
        Metrics mine = m.run().summary().on();
        CashFlowSchedule schedule = flows == null || flows.on() == null || mine == null ? null
                : RunView.scheduleOf(m.run());
        if (schedule == null || schedule.amount() == null || !(schedule.amount() > 0)) {
            return m;
        }
        FlowAllocation shown = schedule.onAllocation();
        FlowAllocation other = shown == FlowAllocation.TOWARD_TARGET ? FlowAllocation.PRO_RATA : FlowAllocation.TOWARD_TARGET;
        Metrics theirs;
        try {
            theirs = service.withAllocation(m.run(), other, cancellation).map(RunSummary::on).orElse(null);
        } catch (ForestoException e) {
            // the run itself is stored and shown; only the line beside it is missing, and the log says why
            LOG.warn("run #{} is shown without its {} comparison: {}", m.run().runId(), other, e.getMessage());
            return m;
        }
        if (theirs == null) {
            return m;
        }
        return m.withComparison(shown == FlowAllocation.TOWARD_TARGET ? of(mine, theirs, shown) : of(theirs, mine, shown));
    }

    /** The Summary's line: the three savings, and which of the two runs is shown. */
    public String text() {
        return Messages.tr("cashFlows.saved", LocaleFormat.integer(savedTrades), LocaleFormat.percent(savedTurnover, 2),
                LocaleFormat.money(savedCost), Messages.tr("cashFlows.allocation." + shown.name()));
    }
}
