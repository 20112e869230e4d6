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
        // flows: the closes and the records sized from the schedule's dates; the time-weighted return, its sum and
        // index computed close by close (the same operations, in the same order, as r_k and I_k are defined)
        int[] flowCloses = flows == null ? null : flows.flowCloses(cal);
        FlowAllocation allocation = rule == null ? FlowAllocation.PRO_RATA
                : flows == null ? null : flows.onAllocation();
        int m = 0;
        int nextFlow = flowCloses == null ? n : flowCloses[0];
        double[] flowAmounts = flows == null ? null : new double[flowCloses.length];
        double[] flowTrades = flows == null ? null : new double[flowCloses.length * h];
        double[] trade = flows == null ? null : new double[h];
        int[] order = flows == null ? null : new int[h]; // the water level's sorting scratch
        double[] key = flows == null ? null : new double[h];
        double[] twr = flows == null ? null : new double[n - 1];
        double[] index = flows == null ? null : new double[n];
        double twrSum = 0;
        double level = 1; // I_{k-1}, and V_{k-1} below: kept in registers, not read back from the arrays
        double previous = v0;
        int depleted = n;
        if (index != null) {
            index[0] = 1;
        }
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            double flow = 0;
            if (k == nextFlow) {
                flow = flows.flowOn(dates[0], dates[k], v);
                if (flow < 0 && -flow >= v) { // depleted: everything is paid out, the path stays 0 (values are 0 already)
                    for (int j = 0; j < h; j++) {
                        flowTrades[m * h + j] = -p[j];
                        p[j] = 0;
                    }
                    flowAmounts[m++] = -v;
                    double rk = previous == 0 ? 0 : (0 - -v) / previous - 1; // V_k = 0, F_k = −v
                    twr[k - 1] = rk;
                    twrSum += rk;
                    level = level * (1 + rk);
                    index[k] = level;
                    depleted = k;
                    break;
                }
                v = WaterLevel.apply(allocation, p, w, v, flow, trade, order, key);
                System.arraycopy(trade, 0, flowTrades, m * h, h);
                flowAmounts[m++] = flow;
                nextFlow = m < flowCloses.length ? flowCloses[m] : n;
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
            if (index != null) {
                double rk = previous == 0 ? 0 : (v - flow) / previous - 1;
                twr[k - 1] = rk;
                twrSum += rk;
                level = level * (1 + rk);
                index[k] = level;
            }
            previous = v;
        }
        PeriodsPerYear f = cal.periodsPerYear();
        if (flows == null) {
            return new PathResult(dates, values, events, Metrics.of(dates, values, v0, events, f.value()), held.clone(), cw, f);
        }
        for (int k = depleted + 1; k < n; k++) { // after a depletion V_{k-1} = 0: r_k = 0, the index stays
            twrSum += 0.0;
            level = level * (1 + 0.0);
            index[k] = level;
        }
        LocalDate depletedOn = depleted < n ? dates[depleted] : null;
        Metrics metrics = Metrics.withFlows(dates, values, twr, twrSum, index, events, f.value());
        CashFlowResult cashFlows = CashFlowResult.of(dates, values, v0, held.clone(), m, flowCloses, flowAmounts,
                flowTrades, depletedOn, index);
        return new PathResult(dates, values, events, metrics, held.clone(), cw, f, cashFlows);
    }
}
