package foresto.engine;

import java.util.Map;
import java.util.function.Function;

/** The "why" of an event, stored as JSON in {@code rebalancing_event.trigger_detail}. */
public sealed interface TriggerDetail {

    /**
     * The one way to tell detail kinds apart: applies the function for this detail's kind. A new kind adds a
     * parameter, so every reader of details stops compiling until it handles it.
     */
    <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift);

    /** A calendar rule fired: which period boundary and on which base day. */
    record Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy) implements TriggerDetail {
        @Override
        public <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift) {
            return periodic.apply(this);
        }
    }

    /**
     * A drift rule fired: the threshold θ (null for a RELATIVE band), the largest |cw − w|, the breached class
     * (the largest |cw − w| / β; first in standard order on a tie), every held class's signed drift cw − w at
     * that close, and the rule's band: its kind, ρ (null for ABSOLUTE), each class's band β, the check
     * calendar and how far it traded (rebalance_to). Events stored before rule model v2 have no band fields.
     */
    record Drift(Double threshold, double maxDrift, AssetClass breachedAssetClass, Map<String, Double> drifts,
                 BandKind bandKind, Double rho, Map<String, Double> bands, CheckFrequency checkFrequency,
                 Double rebalanceTo) implements TriggerDetail {
        public Drift {
            drifts = CodeWeights.copyOf(drifts);
            bands = bands == null ? null : CodeWeights.copyOf(bands);
        }

        /** The band kind, ABSOLUTE for events stored before rule model v2. */
        public BandKind band() {
            return bandKind == null ? BandKind.ABSOLUTE : bandKind;
        }

        @Override
        public <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift) {
            return drift.apply(this);
        }
    }
}
