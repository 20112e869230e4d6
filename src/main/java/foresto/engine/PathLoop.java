package foresto.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path loop (SEMANTICS §2): buy at the targets at the first close, then at every close apply the
 * returns, and, only when a rule is given, let its trigger decide and trade under the fixed cost model. With
 * no rule this is buy-and-hold (Phase 1), and no rebalancing code runs. With a flow schedule (§13.2), a flow
 * close books the flow after the returns and before the rule (pro rata OFF, the schedule's allocation ON),
 * and a withdrawal that takes the whole value depletes the path: it stays 0 from that close on.
 */
final class PathLoop {
    private PathLoop() {
    }

    static PathResult run(ScenarioCalendar cal, Scenario scenario, RebalancingRule rule, boolean trackWeights) {
        return run(cal, scenario, rule, null, trackWeights);
    }

    static PathResult run(ScenarioCalendar cal, Scenario scenario, RebalancingRule rule, CashFlowSchedule flows,
                          boolean trackWeights) {
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
        boolean[] flowDays = flows == null ? null : flows.flowDays(cal);
        FlowAllocation allocation = rule == null ? FlowAllocation.PRO_RATA
                : flows == null ? null : flows.onAllocation();
        double[] flowAt = flows == null ? null : new double[n];
        List<CashFlow> booked = flows == null ? null : new ArrayList<>();
        double[] trade = flows == null ? null : new double[h];
        LocalDate depletedOn = null;
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            if (flowDays != null && flowDays[k]) {
                double f = flows.flowOn(dates[0], dates[k], v);
                if (f < 0 && -f >= v) { // depleted: everything is paid out, the path stays 0 (values are 0 already)
                    for (int j = 0; j < h; j++) {
                        trade[j] = -p[j];
                        p[j] = 0;
                    }
                    flowAt[k] = -v;
                    booked.add(new CashFlow(dates[k], -v, CodeWeights.ofHeld(held, trade)));
                    depletedOn = dates[k];
                    break;
                }
                v = WaterLevel.apply(allocation, p, w, v, f, trade);
                flowAt[k] = f;
                booked.add(new CashFlow(dates[k], f, CodeWeights.ofHeld(held, trade)));
            }
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
        if (flows == null) {
            return new PathResult(dates, values, events, Metrics.of(dates, values, v0, events, f.value()), held.clone(), cw, f);
        }
        double[] twr = Metrics.twrReturns(values, flowAt);
        double[] index = Metrics.twrIndex(twr);
        Metrics metrics = Metrics.withFlows(dates, values, twr, index, events, f.value());
        CashFlowResult cashFlows = CashFlowResult.of(dates, values, v0, booked, depletedOn, index);
        return new PathResult(dates, values, events, metrics, held.clone(), cw, f, cashFlows);
    }
}
