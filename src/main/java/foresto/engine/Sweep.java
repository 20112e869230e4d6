package foresto.engine;

import java.util.List;

/**
 * Many rules and cost rates on one portfolio and window: the calendar and the OFF path are prepared once,
 * then every cell is the same ON path loop a single run uses ({@link PathLoop}), so a cell's numbers are
 * exactly those of a single simulation with that rule and cost rate. Thread-safe after preparation; the
 * engine owns no threads (the caller runs cells in parallel if it wants). With a flow schedule (SEMANTICS §13) OFF
 * and every cell run on the same schedule, each exactly as a single simulation with it.
 */
public final class Sweep {
    private final ScenarioCalendar cal;
    private final Scenario scenario;
    private final PathResult off;
    private final double[] targetReturns; // the daily return of the portfolio held exactly at its targets
    private final double years;
    private final CashFlowSchedule flows;

    private Sweep(ScenarioCalendar cal, Scenario scenario, CashFlowSchedule flows, PathResult off,
                  double[] targetReturns, double years) {
        this.cal = cal;
        this.scenario = scenario;
        this.flows = flows;
        this.off = off;
        this.targetReturns = targetReturns;
        this.years = years;
    }

    public static Sweep prepare(MarketData data, Scenario scenario) {
        return prepare(data, scenario, null, false);
    }

    /**
     * A sweep whose OFF path and cells all run on the flow schedule {@code flows} (null: none, exactly
     * {@link #prepare(MarketData, Scenario)}); {@code withRules}: whether the cells have rules (a schedule's flow
     * allocation needs them). INVALID_REQUEST when the schedule has no flow date in the window.
     */
    public static Sweep prepare(MarketData data, Scenario scenario, CashFlowSchedule flows, boolean withRules) {
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        if (flows != null) {
            flows.requireRuleFor(withRules);
        }
        PathResult off = flows == null ? BuyAndHold.run(cal, scenario, false)
                : PathLoop.run(cal, scenario, null, flows, false);
        int[] held = cal.held();
        double[] rows = cal.zeroFilledRows();
        double[] target = new double[cal.length()];
        for (int k = 1; k < target.length; k++) {
            int offset = cal.rowOffset(k);
            double r = 0;
            for (int c : held) {
                r += scenario.targets().get(AssetClass.of(c)) * rows[offset + c];
            }
            target[k] = r;
        }
        return new Sweep(cal, scenario, flows, off, target, Metrics.years(cal.date(0), cal.date(cal.length() - 1)));
    }

    /** The buy-and-hold path every cell is compared with. */
    public PathResult off() {
        return off;
    }

    /**
     * One cell: the ON path of {@code rule} (its cost rate included), its turnover per year and its tracking
     * error: √f · the sample standard deviation of the period-by-period difference between the ON path's return and the
     * return of the portfolio held exactly at its targets at no cost (how far the rule lets it wander). With flows the
     * ON path's returns are those of its time-weighted index (a flow is no return).
     */
    public Cell cell(RebalancingRule rule) {
        PathResult on = flows == null ? PathLoop.run(cal, scenario, rule, false)
                : PathLoop.run(cal, scenario, rule, flows, false);
        double[] v = flows == null ? on.values() : on.cashFlows().twrIndex();
        int n = v.length;
        double trackingError = 0;
        if (n >= 3) {
            double[] diff = new double[n - 1];
            double mean = 0;
            for (int k = 1; k < n; k++) {
                diff[k - 1] = (v[k] / v[k - 1] - 1) - targetReturns[k];
                mean += diff[k - 1];
            }
            mean /= n - 1;
            double ss = 0;
            for (double d : diff) {
                ss += (d - mean) * (d - mean);
            }
            trackingError = Math.sqrt((double) cal.periodsPerYear().value()) * Math.sqrt(ss / (n - 2));
        }
        return new Cell(rule, on, on.metrics().turnoverPerYear(years), trackingError);
    }

    /** A cell's results. */
    public record Cell(RebalancingRule rule, PathResult on, double turnoverPerYear, double trackingError) {
        public Metrics metrics() {
            return on.metrics();
        }
    }

    /** Absolute tolerance of {@link #breakEvenCostRate} on the cost rate. */
    public static final double BREAK_EVEN_TOLERANCE = 1e-12;

    /**
     * The cost rate at which ON's final value equals OFF's, or NaN when ON does not beat OFF at zero cost (or
     * still beats it at every admissible cost). Under the fixed cost model the rule's trade days and
     * turnovers T_i do not depend on the cost rate (weights after a trade are the same whatever it cost), so
     * ON's final value at cost c is G · Π (1 − c·T_i), G its final value at cost 0; the rate is found by
     * bisection on c to {@link #BREAK_EVEN_TOLERANCE}.
     *
     * With a flow schedule the final value is no such product (flows come in between the trades): NaN.
     *
     * @param free the cell of the rule at cost rate 0
     */
    public double breakEvenCostRate(Cell free) {
        if (flows != null) {
            return Double.NaN;
        }
        double target = off.metrics().finalValue();
        double g = free.metrics().finalValue();
        List<RebalancingEvent> events = free.on().events();
        double[] t = new double[events.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = events.get(i).turnover();
        }
        double lo = 0;
        double hi = RebalancingRule.MAX_COST_RATE;
        if (!(valueAt(g, t, lo) > target) || valueAt(g, t, Math.nextDown(hi)) > target) {
            return Double.NaN;
        }
        while (hi - lo > BREAK_EVEN_TOLERANCE) {
            double mid = (lo + hi) / 2;
            if (valueAt(g, t, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double valueAt(double g, double[] turnovers, double c) {
        double v = g;
        for (double t : turnovers) {
            v *= 1 - c * t;
        }
        return v;
    }

    /** Periods per year f of the dataset's calendar in use (SEMANTICS §5). */
    public PeriodsPerYear periodsPerYear() {
        return cal.periodsPerYear();
    }

    public double years() {
        return years;
    }
}
