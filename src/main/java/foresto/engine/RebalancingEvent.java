package foresto.engine;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One rebalance at the close of {@code eventDate} (SEMANTICS §4). Weights are keyed by asset-class code,
 * sorted, every held class present; {@code afterWeights} are exactly the targets.
 */
public record RebalancingEvent(LocalDate eventDate, TriggerType triggerType, TriggerDetail triggerDetail,
                               SortedMap<String, Double> beforeWeights, SortedMap<String, Double> afterWeights,
                               double turnover, double costRate, double costAmount,
                               double valueBefore, double valueAfter) {
    public RebalancingEvent {
        Objects.requireNonNull(eventDate);
        Objects.requireNonNull(triggerType);
        Objects.requireNonNull(triggerDetail);
        beforeWeights = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(beforeWeights));
        afterWeights = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(afterWeights));
    }
}
