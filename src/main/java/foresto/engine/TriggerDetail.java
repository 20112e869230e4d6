package foresto.engine;

import java.util.Map;

/** The "why" of an event, stored as JSON in {@code rebalancing_event.trigger_detail}. */
public sealed interface TriggerDetail {

    /** A calendar rule fired: which period boundary and on which base day. */
    record Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy) implements TriggerDetail {
    }

    /**
     * A drift rule fired: the threshold, the largest |cw − w| and the class that had it (first in
     * standard order on a tie), plus every held class's signed drift cw − w at that close.
     */
    record Drift(double threshold, double maxDrift, AssetClass breachedAssetClass,
                 Map<String, Double> drifts) implements TriggerDetail {
        public Drift {
            drifts = CodeWeights.copyOf(drifts);
        }
    }
}
