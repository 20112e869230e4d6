package foresto.backtest;

import foresto.db.RunRecord;
import foresto.db.StoredPaths;
import foresto.engine.RebalancingEvent;

import java.util.List;

/** Everything needed to show a stored run: its record, paths and events (ordered by date). */
public record RunView(RunRecord run, StoredPaths paths, List<RebalancingEvent> events) {
}
