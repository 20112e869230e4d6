package foresto.engine;

/**
 * A drift rule at run time: its band, looked at on every close or only on the days of a check calendar,
 * and how far it trades back (SEMANTICS §3, §10).
 */
final class BandTrigger implements Trigger {
    private final RebalancingRule.Drift rule;
    private final Band band;
    private final boolean daily; // else only on the days of the check calendar
    private final double[] w;
    private final int[] held;

    BandTrigger(RebalancingRule.Drift rule, double[] w, int[] held) {
        this.rule = rule;
        this.band = new Band(rule.band(), rule.threshold(), rule.rho(), w);
        this.daily = rule.check() == CheckFrequency.DAILY;
        this.w = w;
        this.held = held;
    }

    @Override
    public Fire check(double[] p, double v, boolean calendarDay) {
        if (!daily && !calendarDay) {
            return null;
        }
        if (band.clearlyInside(p, w, v)) {
            return null;
        }
        int worst = band.breached(p, w, v);
        return worst < 0 ? null : fire(p, v, worst);
    }

    private Fire fire(double[] p, double v, int worst) {
        double[] drifts = new double[p.length];
        double maxDrift = 0;
        for (int j = 0; j < p.length; j++) {
            drifts[j] = p[j] / v - w[j];
            maxDrift = Math.max(maxDrift, Math.abs(drifts[j]));
        }
        TriggerDetail detail = new TriggerDetail.Drift(Double.isNaN(rule.threshold()) ? null : rule.threshold(), maxDrift,
                AssetClass.of(held[worst]), CodeWeights.ofHeld(held, drifts), rule.band(),
                Double.isNaN(rule.rho()) ? null : rule.rho(), CodeWeights.ofHeld(held, band.beta), rule.check(),
                rule.rebalanceTo());
        return new Fire(detail, TradeTo.afterWeights(p, v, w, band.beta, worst, rule.rebalanceTo()));
    }
}
