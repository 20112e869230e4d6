package foresto.backtest;

import foresto.engine.CashFlowSchedule;
import foresto.engine.PathResult;
import foresto.engine.RebalancingEvent;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.model.RunRecord;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;

import java.util.List;

/**
 * A run with a flow schedule (SEMANTICS §13) as a face shows it: the view (run id 0, not stored) and the engine's
 * result, whose paths carry the flows, their totals, the time-weighted index and XIRR. It is checked like any run
 * ({@link RunPipeline#check}) and computed by the engine's one entry point for flows.
 *
 * <p>Not stored: until runs keep their schedule (hash and flows table), a run with flows is computed for the
 * screen only, so it can never be mistaken for, or reused as, the stored run without flows of the same request.
 */
public record FlowRun(RunView view, SimulationResult result) {

    static FlowRun compute(RunPipeline pipeline, BacktestRequest req, CashFlowSchedule flows, Cancellation cancellation) {
        RunPipeline.Plan plan = pipeline.check(req);
        cancellation.checkpoint();
        long t0 = System.nanoTime();
        SimulationResult r = ScenarioSimulation.run(plan.data(), plan.scenario(), plan.rule(), flows, true);
        double computeMs = (System.nanoTime() - t0) / 1e6;
        cancellation.checkpoint();
        PathResult off = r.off();
        PathResult on = r.on().orElse(null);
        RunSummary summary = new RunSummary(off.metrics(), on == null ? null : on.metrics(),
                off.periodsPerYear().value());
        StoredPaths paths = new StoredPaths(off.dates(), off.values(), on == null ? null : on.values(),
                off.heldOrdinals(), off.closeWeights(), on == null ? null : on.closeWeights());
        List<RebalancingEvent> events = on == null ? List.of() : on.events();
        RunRecord record = new RunRecord(0, plan.hash().hex(), plan.hash().canonicalJson(), plan.info(), summary,
                computeMs, null);
        return new FlowRun(RunView.of(record, paths, events), r);
    }
}
