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
        // the period returns r_k = (V_k − F_k) / V_{k−1} − 1 (F_k = 0 without flows: the value path's own returns) and
        // their sum, computed close by close in path order; with flows the time-weighted index I_k (§13.4) and its
        // drawdown are taken from them after the loop, in the pass that sums the squared deviations (see TimeWeighted)
        double[] returns = new double[n - 1];
        double sum = 0;
        FlowBook book = flows != null ? new FlowBook(flows, cal, dates, w, rule == null ? FlowAllocation.PRO_RATA
                : flows.onAllocation()) : null;
        int nextFlow = book != null ? book.nextClose() : n;
        double previous = v0; // V_{k−1}: kept in a register, not read back from the array
        int depleted = n;
        for (int k = 1; k < n; k++) {
            double v = PathArithmetic.applyReturns(p, held, r, cal.rowOffset(k));
            double flow = 0;
            if (k == nextFlow) {
                v = book.book(p, v);
                flow = book.lastFlow();
                nextFlow = book.nextClose();
                if (book.depleted()) { // everything is paid out, the path stays 0 (values are 0 already)
                    double rk = (0 - flow) / previous - 1; // V_k = 0, F_k = −V
                    returns[k - 1] = rk;
                    sum += rk;
                    depleted = k;
                    break;
                }
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
            // V_{k−1} > 0 here: returns are > −1 (MarketData), a flow that would take everything depletes the path and
            // ends the loop, so no guard for V_{k−1} = 0 is needed inside it
            double rk = (v - flow) / previous - 1;
            returns[k - 1] = rk;
            sum += rk;
            previous = v;
        }
        PeriodsPerYear f = cal.periodsPerYear();
        if (flows == null) {
            return new PathResult(dates, values, events, Metrics.ofReturns(dates, values, returns, sum, v0, events, f.value()),
                    held.clone(), cw, f);
        }
        // after a depletion V_{k−1} = 0: r_k = 0 (the zeros the returns were allocated with), the index stays
        LocalDate depletedOn = depleted < n ? dates[depleted] : null;
        Metrics.TimeWeighted index = Metrics.TimeWeighted.of(returns, sum, f.value());
        Metrics metrics = Metrics.withFlows(dates, values, index, events);
        CashFlowResult cashFlows = book.result(dates, values, v0, held.clone(), depletedOn, returns, index.level());
        return new PathResult(dates, values, events, metrics, held.clone(), cw, f, cashFlows);
    }
}
