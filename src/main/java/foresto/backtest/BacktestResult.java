package foresto.backtest;

import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;

/** The answer to a backtest request: the stored run it maps to and whether it was reused. */
public record BacktestResult(long runId, String requestHash, boolean reused, RunRequestInfo request,
                             RunSummary summary) {
    public int eventCount() {
        return summary.on() == null ? 0 : summary.on().eventCount();
    }
}
