package foresto.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import foresto.rule.RuleCodec;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Everything a face needs to show a run: its record, paths and events (ordered by date), and what the drift
 * panel compares — each held class's target weight and its band — read here from the run's canonical request,
 * so no face parses stored JSON.
 *
 * @param targets   target weight per held class, aligned with {@code paths.heldOrdinals()}
 * @param threshold the drift panel's line: θ for one band for every class, 1 for per-class bands (the drift is
 *                  then shown divided by each class's band), NaN without a drift rule
 * @param bands     per held class β when the bands differ by class (RELATIVE/HYBRID), else null
 *
 * <p>The arrays (here and in {@code paths}) are shared, not copied: made once when the run is read or computed,
 * read-only from then on.
 */
public record RunView(RunRecord run, StoredPaths paths, List<RebalancingEvent> events, double[] targets,
                      double threshold, double[] bands) {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };

    public RunView {
        events = List.copyOf(events);
    }

    /** Reads the targets and bands from the run's canonical request. */
    public static RunView of(RunRecord run, StoredPaths paths, List<RebalancingEvent> events) {
        JsonNode canonical;
        try {
            canonical = Json.mapper().readTree(run.canonicalRequest());
        } catch (IOException e) {
            throw new IllegalStateException("stored canonical request of run " + run.runId() + " is not JSON", e);
        }
        JsonNode w = canonical.path("portfolio").path("weights");
        int[] held = paths.heldOrdinals();
        double[] targets = new double[held.length];
        for (int j = 0; j < held.length; j++) {
            targets[j] = w.path(AssetClass.of(held[j]).name()).asDouble(Double.NaN);
        }
        JsonNode rule = canonical.path("rebalancing");
        if (!rule.isObject()) {
            return new RunView(run, paths, events, targets, Double.NaN, null);
        }
        Map<String, Object> parameters = Json.mapper().convertValue(rule, PARAMETERS);
        return RuleCodec.fromHashParameters(parameters).match(
                periodic -> new RunView(run, paths, events, targets, Double.NaN, null),
                drift -> drift.band() == BandKind.ABSOLUTE
                        ? new RunView(run, paths, events, targets, drift.threshold(), null)
                        : new RunView(run, paths, events, targets, 1.0, drift.bands(targets)));
    }
}
