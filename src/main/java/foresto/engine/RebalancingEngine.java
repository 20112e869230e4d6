package foresto.engine;

import java.util.Optional;

/**
 * The pure rebalancing step: given the positions after a close's returns, the targets, the
 * calendar context and the rule, decide whether the rule fires (SEMANTICS §3, §10) and, if it does, trade
 * under the fixed cost model (§4). No I/O, no state: the same input gives the same output. The path loop
 * uses the same pieces ({@link Trigger}, {@link FixedCost}) with the trigger built once per run.
 */
public final class RebalancingEngine {
    private RebalancingEngine() {
    }

    /**
     * @param positions value held per asset class, indexed by {@link AssetClass#ordinal()} (not modified)
     * @return the new positions (same indexing) and the event, or empty when the rule does not fire
     */
    public static Optional<Rebalance> step(double[] positions, Weights targets, StepContext ctx, RebalancingRule rule) {
        int[] held = targets.heldOrdinals();
        double[] p = new double[held.length];
        double[] w = new double[held.length];
        double v = 0;
        for (int j = 0; j < held.length; j++) {
            p[j] = positions[held[j]];
            w[j] = targets.get(AssetClass.of(held[j]));
            v += p[j];
        }
        CalendarTrigger calendar = rule.calendar();
        boolean calendarDay = calendar != null && calendar.isDay(ctx.date(), ctx.previousDate(), ctx.nextDate());
        Trigger.Fire fire = rule.trigger(w, held).check(p, v, calendarDay);
        if (fire == null) {
            return Optional.empty();
        }
        RebalancingEvent event = FixedCost.trade(p, w, held, CodeWeights.ofHeld(held, w), ctx.date(), rule, v, fire);
        double[] out = new double[AssetClass.COUNT];
        for (int j = 0; j < held.length; j++) {
            out[held[j]] = p[j];
        }
        return Optional.of(new Rebalance(out, event));
    }
}
