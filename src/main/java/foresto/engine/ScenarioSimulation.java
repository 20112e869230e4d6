package foresto.engine;

import java.util.Optional;

/** The path loop: prepares the calendar once and runs the OFF path and, with a rule, the ON path. */
public final class ScenarioSimulation {
    private ScenarioSimulation() {
    }

    /** Rebalancing OFF: buy-and-hold only. */
    public static SimulationResult off(MarketData data, Scenario scenario, boolean trackWeights) {
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        return new SimulationResult(BuyAndHold.run(cal, scenario, trackWeights), Optional.empty());
    }
}
