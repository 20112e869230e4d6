package foresto.engine;

import java.time.LocalDate;

/**
 * A path's flow schedule as the path loop books it (SEMANTICS §13.2): the flow closes resolved once into ascending
 * indices, the amounts of an amount schedule computed before the loop (a rate's as they fall), the record of every
 * flow sized from the schedule's dates, the water level's scratch allocated once. The loop asks {@link #nextClose}
 * and, on that close, {@link #book}s the flow after the day's returns and before the rule.
 *
 * <p>The loop keeps one reference and the next flow close instead of a dozen locals: its closes without a flow, ~95 % of
 * a daily run, carry only that.
 */
final class FlowBook {
    private final int[] closes;
    private final double[] amounts;
    private final double[] trades;
    private final int[] order;
    private final double[] key;
    private final double[] w;
    private final FlowAllocation allocation;
    private final boolean byRate;
    private final double rate;
    private final int n;
    private int m;
    private boolean depleted;

    FlowBook(CashFlowSchedule flows, ScenarioCalendar cal, LocalDate[] dates, double[] w, FlowAllocation allocation) {
        this.closes = flows.flowCloses(cal);
        this.amounts = flows.amounts(dates, closes);
        this.byRate = flows.rate() != null;
        this.rate = byRate ? flows.rate() : 0;
        this.w = w;
        this.allocation = allocation;
        this.n = cal.length();
        int h = w.length;
        this.trades = new double[closes.length * h];
        this.order = new int[h];
        this.key = new double[h];
    }

    /** The next flow close, n (the closes' count) when every flow is booked. */
    int nextClose() {
        return m < closes.length ? closes[m] : n;
    }

    /**
     * Books the next flow into the positions {@code p} worth {@code v} after the day's returns and returns the value
     * after it, Σ p in held order. The flow booked, F_k ({@link #lastFlow}), is the schedule's amount (−ρ·v for a
     * rate), or −v when a withdrawal takes the whole value: that depletes the path (every position 0, value 0,
     * {@link #depleted()} from then on).
     */
    double book(double[] p, double v) {
        int h = p.length;
        double flow = byRate ? -rate * v : amounts[m];
        if (flow < 0 && -flow >= v) {
            for (int j = 0; j < h; j++) {
                trades[m * h + j] = -p[j];
                p[j] = 0;
            }
            amounts[m++] = -v;
            depleted = true;
            return 0;
        }
        double after = WaterLevel.apply(allocation, p, w, v, flow, trades, m * h, order, key);
        amounts[m++] = flow;
        return after;
    }

    /** F_k of the last flow booked. */
    double lastFlow() {
        return amounts[m - 1];
    }

    boolean depleted() {
        return depleted;
    }

    /** What the path adds to its metrics: the flows booked so far, with the path's values and index. */
    CashFlowResult result(LocalDate[] dates, double[] values, double initialValue, int[] held, LocalDate depletedOn,
                          double[] twrReturns, double twrFinal) {
        return CashFlowResult.of(dates, values, initialValue, held, m, closes, amounts, trades, depletedOn, twrReturns,
                twrFinal);
    }
}
