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
 * <p>Why not the batch engine: it has no flows. Routed through the single-path engine, a path with flows costs its
 * market's copy, its calendar and one path loop per rule, where the batch engine reads the window's rows through the
 * index sequence and runs 64 paths side by side. Measured 2026-12-07 on 30 years of daily data for five classes, a
 * drift rule and OFF per path, monthly contributions ({@code FlowPathsBench}; the machine under load average 22 on 2
 * cores, so only ratios mean anything): JMH 624 ± 198 µs per path in the batch engine without flows against 35.7 ±
 * 39.3 ms per path with flows; interleaved in one process (30 rounds of 64 batch paths then 8 flow paths) the median
 * ratio was 28× (quartiles 9× and 52×). A rough breakdown put the market copy and calendar at about two thirds of it
 * for one rule; a robust sweep's cells share them on each path. The numbers stay exactly the single runs' and the
 * result does not depend on the threads (each path is computed alone and stored by its index).
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
