package foresto.engine;

import java.util.List;

/**
 * The Phase 1 path: buy at targets at the first close, then only apply returns. Rebalancing OFF is
 * exactly this; it never touches the rebalancing code. Its output is pinned by golden files.
 */
public final class BuyAndHold {
    private BuyAndHold() {
    }

    public static PathResult run(ScenarioCalendar cal, Scenario scenario, boolean trackWeights) {
        int[] held = cal.held();
        int h = held.length;
        int n = cal.length();
        double[] r = cal.zeroFilledRows();
        double[] w = scenario.targets().toArray();
        double v0 = scenario.initialValue();

        double[] p = new double[h];
        for (int j = 0; j < h; j++) {
            p[j] = w[held[j]] * v0;
        }
        double[] values = new double[n];
        values[0] = v0;
        double[][] cw = trackWeights ? new double[h][n] : null;
        if (cw != null) {
            for (int j = 0; j < h; j++) {
                cw[j][0] = w[held[j]];
            }
        }
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            if (cw != null) {
                for (int j = 0; j < h; j++) {
                    cw[j][k] = p[j] / v;
                }
            }
            values[k] = v;
        }
        java.time.LocalDate[] dates = cal.dates();
        return new PathResult(dates, values, List.of(), Metrics.of(dates, values, v0, List.of()), held.clone(), cw);
    }
}
