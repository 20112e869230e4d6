package foresto.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * One value path: the value at each close of the run's calendar (the first is the initial value, the
 * purchase close), its events and metrics. {@code closeWeights}, when tracked, holds for each held class
 * j the weight at each close after that day's returns and before any rebalancing
 * ({@code closeWeights[j][k]}; the purchase close holds the targets): what a trigger sees. {@code periodsPerYear}
 * is f of the dataset's calendar in use, which its annualised figures used (SEMANTICS §5).
 *
 * <p>The arrays are the path loop's own, handed over without a copy (a sweep makes thousands of paths); they are
 * read-only from then on.
 *
 * <p>{@code cashFlows} is null without a flow schedule; with one it holds the flows, their totals, the time-weighted
 * index and XIRR (SEMANTICS §13.4), and {@code metrics} are those of the time-weighted index. With flows,
 * {@code closeWeights} are the weights after the close's flow (what the rule sees), 0 after a depletion.
 */
public record PathResult(LocalDate[] dates, double[] values, List<RebalancingEvent> events, Metrics metrics,
                         int[] heldOrdinals, double[][] closeWeights, PeriodsPerYear periodsPerYear,
                         CashFlowResult cashFlows) {
    public PathResult {
        events = List.copyOf(events);
    }

    /** A path without a flow schedule. */
    public PathResult(LocalDate[] dates, double[] values, List<RebalancingEvent> events, Metrics metrics,
                      int[] heldOrdinals, double[][] closeWeights, PeriodsPerYear periodsPerYear) {
        this(dates, values, events, metrics, heldOrdinals, closeWeights, periodsPerYear, null);
    }

    public boolean hasCashFlows() {
        return cashFlows != null;
    }

    public boolean tracksWeights() {
        return closeWeights != null;
    }

    /** max_a |cw[a] − w[a]| at close k, from the tracked weights. */
    public double maxDrift(int k, Weights targets) {
        double max = 0;
        for (int j = 0; j < heldOrdinals.length; j++) {
            double d = Math.abs(closeWeights[j][k] - targets.get(AssetClass.of(heldOrdinals[j])));
            if (d > max) {
                max = d;
            }
        }
        return max;
    }
}
