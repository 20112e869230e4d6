package foresto.engine;

import java.time.LocalDate;
import java.util.Optional;

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
        Optional<RebalancingEvent> event = stepHeld(p, w, held, CodeWeights.ofHeld(held, w), ctx.date(),
                ctx.previousDate(), ctx.nextDate(), rule, sum(p));
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
     * that order), with the calendar context unpacked so the path loop allocates nothing on quiet days. When the rule fires, {@code p} is overwritten with the positions after the trade.
     */
    static Optional<RebalancingEvent> stepHeld(double[] p, double[] w, int[] held, CodeWeights targets, LocalDate date,
                                               LocalDate previousDate, LocalDate nextDate, RebalancingRule rule,
                                               double v) {
        // kept small so the path loop inlines the quiet-day checks; the event work lives in cold methods
        if (rule instanceof RebalancingRule.Periodic periodic) {
            if (!periodFires(periodic, date, previousDate, nextDate)) {
                return Optional.empty();
            }
            return Optional.of(rebalance(p, w, held, targets, date, rule, v,
                    new TriggerDetail.Periodic(periodic.frequency(), periodic.baseDayPolicy())));
        }
        RebalancingRule.Drift drift = (RebalancingRule.Drift) rule;
        if (clearlyBelow(p, w, v, drift.threshold())) {
            return Optional.empty();
        }
        return driftStep(p, w, held, targets, date, drift, v);
    }

    private static Optional<RebalancingEvent> driftStep(double[] p, double[] w, int[] held, CodeWeights targets,
                                                        LocalDate date, RebalancingRule.Drift drift, double v) {
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
        double[] drifts = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            drifts[j] = p[j] / v - w[j];
        }
        TriggerDetail detail = new TriggerDetail.Drift(drift.threshold(), maxDrift, AssetClass.of(held[worst]),
                CodeWeights.ofHeld(held, drifts));
        return Optional.of(rebalance(p, w, held, targets, date, drift, v, detail));
    }

    /**
     * A division-free pre-check: true only when every |p/v − w| is certainly below θ, with a relative margin
     * far wider than rounding, so the exact test (with divisions) decides every close that is near θ.
     */
    private static boolean clearlyBelow(double[] p, double[] w, double v, double threshold) {
        double bound = threshold * v * (1 - 1e-9);
        for (int j = 0; j < p.length; j++) {
            if (Math.abs(p[j] - w[j] * v) >= bound) {
                return false;
            }
        }
        return true;
    }

    /** Monthly and quarterly through one period function; first or last trading day of the period. */
    static boolean periodFires(RebalancingRule.Periodic rule, LocalDate date, LocalDate previousDate,
                               LocalDate nextDate) {
        Frequency f = rule.frequency();
        if (previousDate == null) {
            return false; // the purchase close is never an event
        }
        if (rule.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY) {
            return f.periodOf(date) != f.periodOf(previousDate);
        }
        return nextDate != null && f.periodOf(nextDate) != f.periodOf(date);
    }

    private static RebalancingEvent rebalance(double[] p, double[] w, int[] held, CodeWeights targets, LocalDate date,
                                              RebalancingRule rule, double v, TriggerDetail detail) {
        double[] before = new double[p.length];
        double turnover = 0;
        for (int j = 0; j < p.length; j++) {
            before[j] = p[j] / v;
            turnover += Math.abs(w[j] - before[j]);
        }
        double cost = rule.costRate() * turnover * v;
        double vAfter = v - cost;
        for (int j = 0; j < p.length; j++) {
            p[j] = w[j] * vAfter;
        }
        return new RebalancingEvent(date, rule.type(), detail, CodeWeights.ofHeld(held, before),
                targets, turnover, rule.costRate(), cost, v, vAfter);
    }

    private static double sum(double[] p) {
        double v = 0;
        for (double x : p) {
            v += x;
        }
        return v;
    }
}
