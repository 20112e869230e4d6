package foresto.engine;

/**
 * The Phase 1 path: buy at targets at the first close, then only apply returns. Rebalancing OFF is
 * exactly this; it never touches the rebalancing code. Its output is pinned by golden files.
 */
public final class BuyAndHold {
    private BuyAndHold() {
    }

    public static PathResult run(ScenarioCalendar cal, Scenario scenario, boolean trackWeights) {
        return PathLoop.run(cal, scenario, null, trackWeights);
    }
}
