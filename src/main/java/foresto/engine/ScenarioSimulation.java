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

    /**
     * Both paths with a flow schedule (SEMANTICS §13): OFF allocates every flow pro rata, ON by the schedule's
     * allocation. With a null schedule this is exactly {@link #run(MarketData, Scenario, Optional, boolean)}.
     * INVALID_REQUEST when the schedule gives an allocation but there is no rule, or has no flow date in the window.
     */
    public static SimulationResult run(MarketData data, Scenario scenario, Optional<RebalancingRule> rule,
                                       CashFlowSchedule flows, boolean trackWeights) {
        if (flows == null) {
            return run(data, scenario, rule, trackWeights);
        }
        flows.requireRuleFor(rule.isPresent());
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        PathResult off = PathLoop.run(cal, scenario, null, flows, trackWeights);
        return new SimulationResult(off, rule.map(r -> PathLoop.run(cal, scenario, r, flows, trackWeights)));
    }
}
