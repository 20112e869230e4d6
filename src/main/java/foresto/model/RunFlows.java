package foresto.model;

import foresto.engine.PathResult;
import foresto.engine.SimulationResult;

/** The cash flows of a run with a flow schedule, per side; {@code on} is null for an OFF-only run. */
public record RunFlows(SideFlows off, SideFlows on) {

    /** A computed run's flows, or null when it had no schedule. */
    public static RunFlows of(SimulationResult r) {
        if (!r.off().hasCashFlows()) {
            return null;
        }
        return new RunFlows(SideFlows.of(r.off().cashFlows()),
                r.on().map(PathResult::cashFlows).map(SideFlows::of).orElse(null));
    }
}
