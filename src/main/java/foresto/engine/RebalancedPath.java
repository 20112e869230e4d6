package foresto.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ON path: the buy-and-hold close (shared arithmetic) followed by the rebalancing step at every close. */
final class RebalancedPath {
    private RebalancedPath() {
    }

    static PathResult run(ScenarioCalendar cal, Scenario scenario, RebalancingRule rule, boolean trackWeights) {
        int[] held = cal.held();
        int h = held.length;
        int n = cal.length();
        double[] r = cal.zeroFilledRows();
        double v0 = scenario.initialValue();
        double[] w = new double[h];
        double[] p = new double[h];
        for (int j = 0; j < h; j++) {
            w[j] = scenario.targets().get(AssetClass.of(held[j]));
            p[j] = w[j] * v0;
        }
        LocalDate[] dates = cal.dates();
        double[] values = new double[n];
        values[0] = v0;
        double[][] cw = trackWeights ? new double[h][n] : null;
        if (cw != null) {
            for (int j = 0; j < h; j++) {
                cw[j][0] = w[j];
            }
        }
        List<RebalancingEvent> events = new ArrayList<>();
        CodeWeights targetCodes = CodeWeights.ofHeld(held, w); // every event's after-weights: built once
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            if (cw != null) {
                for (int j = 0; j < h; j++) {
                    cw[j][k] = p[j] / v;
                }
            }
            Optional<RebalancingEvent> e = RebalancingEngine.stepHeld(p, w, held, targetCodes, dates[k], dates[k - 1],
                    k + 1 < n ? dates[k + 1] : cal.nextDate(k), rule, v);
            if (e.isPresent()) {
                events.add(e.get());
                v = e.get().valueAfter();
            }
            values[k] = v;
        }
        return new PathResult(dates, values, events, Metrics.of(dates, values, v0, events), held.clone(), cw);
    }
}
