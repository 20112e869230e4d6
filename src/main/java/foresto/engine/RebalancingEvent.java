package foresto.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One rebalance at the close of {@code eventDate} (SEMANTICS §4). Weights are keyed by asset-class code,
 * iterating in code order, every held class present; {@code afterWeights} are exactly the targets.
 */
public record RebalancingEvent(LocalDate eventDate, TriggerType triggerType, TriggerDetail triggerDetail,
                               Map<String, Double> beforeWeights, Map<String, Double> afterWeights,
                               double turnover, double costRate, double costAmount,
                               double valueBefore, double valueAfter) {
    public RebalancingEvent {
        Objects.requireNonNull(eventDate);
        Objects.requireNonNull(triggerType);
        Objects.requireNonNull(triggerDetail);
        beforeWeights = CodeWeights.copyOf(beforeWeights);
        afterWeights = CodeWeights.copyOf(afterWeights);
    }
}
