package foresto.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One flow as the path booked it (SEMANTICS §13.3): its date, the amount F (signed: &gt; 0 a contribution, &lt; 0 a
 * withdrawal; at a depletion the whole value left) and the amount bought (&gt; 0) or sold (&lt; 0) of each held class,
 * keyed by asset-class code in code order. No cost is charged on a flow.
 */
public record CashFlow(LocalDate date, double amount, Map<String, Double> trades) {
    public CashFlow {
        Objects.requireNonNull(date, "date");
        trades = CodeWeights.copyOf(trades);
    }
}
