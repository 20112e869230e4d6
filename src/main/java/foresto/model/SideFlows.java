package foresto.model;

import foresto.engine.CashFlow;
import foresto.engine.CashFlowResult;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One side's cash flows as a run keeps them (SEMANTICS §13.4): the flows booked (date, signed amount, per-class
 * bought/sold), the totals, the depletion date (null if never), the time-weighted total and CAGR and the
 * money-weighted return ({@code mwr}, null when XIRR has no root). The same figures whether computed just now or
 * read back from the {@code run_cash_flow} table.
 */
public record SideFlows(List<CashFlow> flows, double contributed, double withdrawn, double netFlow,
                        LocalDate depletedOn, double twrTotal, double twrCagr, Double mwr) {
    public SideFlows {
        flows = List.copyOf(flows);
    }

    /** A computed path's flows and figures (XIRR solved here, once). */
    public static SideFlows of(CashFlowResult r) {
        OptionalDouble mwr = r.mwr();
        return new SideFlows(r.flows(), r.contributed(), r.withdrawn(), r.netFlow(), r.depletedOn(), r.twrTotal(),
                r.twrCagr(), mwr.isPresent() ? mwr.getAsDouble() : null);
    }

    /** The same figures with {@code rows} as the flows (as the store reads them back). */
    public SideFlows withFlows(List<CashFlow> rows) {
        return new SideFlows(rows, contributed, withdrawn, netFlow, depletedOn, twrTotal, twrCagr, mwr);
    }
}
