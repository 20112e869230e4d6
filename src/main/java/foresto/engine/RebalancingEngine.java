package foresto.engine;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pure rebalancing step (P2-B2): given the positions after a close's returns, the targets, the
 * calendar context and the rule, decide whether the rule fires (SEMANTICS §3) and, if it does, trade back
 * to the targets under the fixed cost model (§4). No I/O, no state: the same input gives the same output.
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
        for (int j = 0; j < held.length; j++) {
            p[j] = positions[held[j]];
            w[j] = targets.get(AssetClass.of(held[j]));
        }
        Optional<RebalancingEvent> event = stepHeld(p, w, held, ctx, rule, sum(p));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        double[] out = new double[AssetClass.COUNT];
        for (int j = 0; j < held.length; j++) {
            out[held[j]] = p[j];
        }
        return Optional.of(new Rebalance(out, event.get()));
    }

    /**
     * The step on the held classes only ({@code p}, {@code w} and {@code held} aligned, {@code v} = Σ p in
     * that order). When the rule fires, {@code p} is overwritten with the positions after the trade.
     */
    static Optional<RebalancingEvent> stepHeld(double[] p, double[] w, int[] held, StepContext ctx,
                                               RebalancingRule rule, double v) {
        TriggerDetail detail;
        if (rule instanceof RebalancingRule.Periodic periodic) {
            if (!periodFires(periodic, ctx)) {
                return Optional.empty();
            }
            detail = new TriggerDetail.Periodic(periodic.frequency(), periodic.baseDayPolicy());
        } else {
            RebalancingRule.Drift drift = (RebalancingRule.Drift) rule;
            int worst = -1;
            double maxDrift = 0;
            for (int j = 0; j < p.length; j++) {
                double d = Math.abs(p[j] / v - w[j]);
                if (d > maxDrift || worst < 0) {
                    maxDrift = d;
                    worst = j;
                }
            }
            if (!(maxDrift >= drift.threshold())) {
                return Optional.empty();
            }
            SortedMap<String, Double> drifts = new TreeMap<>();
            for (int j = 0; j < p.length; j++) {
                drifts.put(AssetClass.of(held[j]).name(), p[j] / v - w[j]);
            }
            detail = new TriggerDetail.Drift(drift.threshold(), maxDrift, AssetClass.of(held[worst]), drifts);
        }
        return Optional.of(rebalance(p, w, held, ctx, rule, v, detail));
    }

    /** Monthly and quarterly through one period function; first or last trading day of the period. */
    static boolean periodFires(RebalancingRule.Periodic rule, StepContext ctx) {
        Frequency f = rule.frequency();
        if (rule.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY) {
            return ctx.previousDate() != null && f.periodOf(ctx.date()) != f.periodOf(ctx.previousDate());
        }
        return ctx.previousDate() != null && ctx.nextDate() != null
                && f.periodOf(ctx.nextDate()) != f.periodOf(ctx.date());
    }

    private static RebalancingEvent rebalance(double[] p, double[] w, int[] held, StepContext ctx,
                                              RebalancingRule rule, double v, TriggerDetail detail) {
        SortedMap<String, Double> before = new TreeMap<>();
        SortedMap<String, Double> after = new TreeMap<>();
        double turnover = 0;
        for (int j = 0; j < p.length; j++) {
            double b = p[j] / v;
            turnover += Math.abs(w[j] - b);
            before.put(AssetClass.of(held[j]).name(), b);
            after.put(AssetClass.of(held[j]).name(), w[j]);
        }
        double cost = rule.costRate() * turnover * v;
        double vAfter = v - cost;
        for (int j = 0; j < p.length; j++) {
            p[j] = w[j] * vAfter;
        }
        return new RebalancingEvent(ctx.date(), rule.type(), detail, before, after, turnover, rule.costRate(), cost,
                v, vAfter);
    }

    private static double sum(double[] p) {
        double v = 0;
        for (double x : p) {
            v += x;
        }
        return v;
    }
}
