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

    /**
     * Both paths: OFF always (buy-and-hold, untouched by rebalancing) and ON when {@code rule} is present.
     * With an empty rule this is exactly {@link #off}.
     */
    public static SimulationResult run(MarketData data, Scenario scenario, Optional<RebalancingRule> rule,
                                       boolean trackWeights) {
        if (rule.isEmpty()) {
            return off(data, scenario, trackWeights);
        }
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        return new SimulationResult(BuyAndHold.run(cal, scenario, trackWeights),
                Optional.of(PathLoop.run(cal, scenario, rule.get(), trackWeights)));
    }
}
