package foresto.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path loop (SEMANTICS §2): buy at the targets at the first close, then at every close apply the
 * returns, and, only when a rule is given, let its trigger decide and trade under the fixed cost model. With
 * no rule this is buy-and-hold (Phase 1), and no rebalancing code runs.
 */
final class PathLoop {
    private PathLoop() {
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
        Trigger trigger = rule == null ? null : rule.trigger(w, held);
        CalendarTrigger calendar = rule == null ? null : rule.calendar();
        boolean[] calendarDays = calendar == null ? null : calendar.days(cal);
        CodeWeights targetCodes = rule == null ? null : CodeWeights.ofHeld(held, w); // every full trade's after-weights
        List<RebalancingEvent> events = rule == null ? List.of() : new ArrayList<>();
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            if (cw != null) {
                for (int j = 0; j < h; j++) {
                    cw[j][k] = p[j] / v;
                }
            }
            if (trigger != null) {
                Trigger.Fire fire = trigger.check(p, v, calendarDays != null && calendarDays[k]);
                if (fire != null) {
                    RebalancingEvent e = FixedCost.trade(p, w, held, targetCodes, dates[k], rule, v, fire);
                    events.add(e);
                    v = e.valueAfter();
                }
            }
            values[k] = v;
        }
        PeriodsPerYear f = cal.periodsPerYear();
        return new PathResult(dates, values, events, Metrics.of(dates, values, v0, events, f.value()), held.clone(), cw, f);
    }
}
