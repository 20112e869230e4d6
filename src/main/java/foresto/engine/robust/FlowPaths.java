package foresto.engine.robust;

import foresto.engine.CashFlowSchedule;
import foresto.engine.MarketData;
import foresto.engine.Scenario;
import foresto.engine.Sweep;

/**
 * Resampled paths on a flow schedule (SEMANTICS §13.5, last sentence): path j's market is the one
 * {@link BootstrapStudy.Resampler#market} builds for the bootstrap's path j (same calendar, so the schedule's flow
 * dates are those of the real window), and OFF and every rule run on it through the single-path engine
 * ({@link Sweep}, the path loop a single {@code simulate} runs), each bit for bit the single run with that schedule
 * on that market.
 *
 * <p>Why not the batch engine: it has no flows. Routed through the single-path engine, a path with flows costs
 * the market's copy, its calendar and one path loop per rule; measured on 30 years of daily data for five classes
 * (BootstrapFlowsTimingTest, 2 cores under load 3): about 2.4 ms per path-rule with a monthly schedule against about
 * 0.5 ms per path-rule in the batch engine without one, so a study with flows takes about five times as long. The
 * numbers stay exactly the single runs' and the result does not depend on the threads (each path is computed alone
 * and stored by its index).
 */
final class FlowPaths {
    private final BootstrapStudy.Resampler resampler;
    private final Scenario scenario;
    private final CashFlowSchedule flows;

    FlowPaths(MarketData data, Scenario scenario, CashFlowSchedule flows) {
        this.resampler = new BootstrapStudy.Resampler(data, scenario);
        this.scenario = scenario;
        this.flows = flows;
        Sweep.prepare(data, scenario, flows, true); // the real window holds a flow date (INVALID_REQUEST otherwise)
    }

    BootstrapStudy.Resampler resampler() {
        return resampler;
    }

    /**
     * Path {@code idx}'s sweep: its OFF run on the schedule ({@link Sweep#off()}) and any rule's run on it
     * ({@link Sweep#cell}); each holds a whole path, so read what is needed and let it go.
     */
    Sweep path(int[] idx) {
        return Sweep.prepare(resampler.market(idx), scenario, flows, true);
    }
}
