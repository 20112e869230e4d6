package foresto.ui.main;

import foresto.engine.FlowAllocation;
import foresto.engine.Metrics;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;

/**
 * What allocating contributions toward the targets saved against allocating the same flows pro rata (SEMANTICS
 * §13.3), both ON paths of one request: rebalancing trades, turnover and cost, each as pro rata − toward target
 * (positive: toward target traded less). {@code shown} is the allocation whose run is on screen.
 */
public record FlowComparison(int savedTrades, double savedTurnover, double savedCost, FlowAllocation shown) {

    /** The savings of {@code towardTarget} over {@code proRata}, the ON metrics of the two runs. */
    public static FlowComparison of(Metrics towardTarget, Metrics proRata, FlowAllocation shown) {
        return new FlowComparison(proRata.eventCount() - towardTarget.eventCount(),
                proRata.totalTurnover() - towardTarget.totalTurnover(),
                proRata.totalCost() - towardTarget.totalCost(), shown);
    }

    /** The Summary's line: the three savings, and which of the two runs is shown. */
    public String text() {
        return Messages.tr("cashFlows.saved", LocaleFormat.integer(savedTrades), LocaleFormat.percent(savedTurnover, 2),
                LocaleFormat.money(savedCost), Messages.tr("cashFlows.allocation." + shown.name()));
    }
}
