package foresto.engine;

import java.time.LocalDate;

/**
 * The fixed cost model (SEMANTICS §4, §10): a trade from the before weights b to the after weights n costs
 * cost_rate · Σ|n − b| · V, taken from the value; positions after are n · (V − cost).
 */
final class FixedCost {
    private FixedCost() {
    }

    /** Trades {@code p} (overwritten with the positions after) and returns the event that records it. */
    static RebalancingEvent trade(double[] p, double[] w, int[] held, CodeWeights targets, LocalDate date,
                                  RebalancingRule rule, double v, Trigger.Fire fire) {
        double[] n = fire.afterWeights(); // null: exactly the targets
        double[] before = new double[p.length];
        double turnover = 0;
        for (int j = 0; j < p.length; j++) {
            before[j] = p[j] / v;
            turnover += Math.abs((n == null ? w[j] : n[j]) - before[j]);
        }
        double cost = rule.costRate() * turnover * v;
        double vAfter = v - cost;
        for (int j = 0; j < p.length; j++) {
            p[j] = (n == null ? w[j] : n[j]) * vAfter;
        }
        return new RebalancingEvent(date, rule.type(), fire.detail(), CodeWeights.ofHeld(held, before),
                n == null ? targets : CodeWeights.ofHeld(held, n), turnover, rule.costRate(), cost, v, vAfter);
    }
}
