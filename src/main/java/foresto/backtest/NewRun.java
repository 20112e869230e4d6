package foresto.backtest;

import foresto.engine.RebalancingEvent;
import foresto.model.RunFlows;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;

import java.util.List;

/**
 * A computed run as it is stored: what {@link Stores.Writer} writes in the run's transaction.
 *
 * @param withRule whether the run had a rebalancing rule (then its events are written, with {@code ruleId}:
 *                 the stored rule's id, null for an inline rule)
 * @param events   the ON path's events (empty without a rule); the list is not copied: it is the engine's result
 * @param flows    the cash flows of a run with a flow schedule (SEMANTICS §13), null without one
 */
public record NewRun(String requestHash, String canonicalRequest, RunRequestInfo info, RunSummary summary,
                     StoredPaths paths, double computeMs, boolean withRule, Long ruleId, List<RebalancingEvent> events,
                     RunFlows flows) {
    /** A run without a flow schedule. */
    public NewRun(String requestHash, String canonicalRequest, RunRequestInfo info, RunSummary summary,
                  StoredPaths paths, double computeMs, boolean withRule, Long ruleId, List<RebalancingEvent> events) {
        this(requestHash, canonicalRequest, info, summary, paths, computeMs, withRule, ruleId, events, null);
    }
}
