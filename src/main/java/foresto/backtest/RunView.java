package foresto.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;

import java.util.List;

/**
 * Everything a face needs to show a run: its record, paths and events (ordered by date), and what the drift
 * panel compares — each held class's target weight and its band — read here from the run's canonical request,
 * so no face parses stored JSON.
 *
 * @param targets   target weight per held class, aligned with {@code paths.heldOrdinals()}
 * @param threshold the drift panel's line: θ for one band for every class, 1 for per-class bands (the drift is
 *                  then shown divided by each class's band), NaN without a drift rule
 * @param bands     per held class β when the bands differ by class (RELATIVE/HYBRID), else null
 */
public record RunView(RunRecord run, StoredPaths paths, List<RebalancingEvent> events, double[] targets,
                      double threshold, double[] bands) {
    public RunView {
        events = List.copyOf(events);
    }

    /** Reads the targets and bands from the run's canonical request. */
    public static RunView of(RunRecord run, StoredPaths paths, List<RebalancingEvent> events) {
        JsonNode canonical;
        try {
            canonical = Json.mapper().readTree(run.canonicalRequest());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored canonical request of run " + run.runId() + " is not JSON", e);
        }
        JsonNode w = canonical.path("portfolio").path("weights");
        int[] held = paths.heldOrdinals();
        double[] targets = new double[held.length];
        for (int j = 0; j < held.length; j++) {
            targets[j] = w.path(AssetClass.of(held[j]).name()).asDouble(Double.NaN);
        }
        JsonNode rule = canonical.path("rebalancing");
        JsonNode t = rule.path("drift_threshold");
        BandKind kind = rule.path("drift_band").isTextual() ? BandKind.valueOf(rule.path("drift_band").asText()) : BandKind.ABSOLUTE;
        if (kind == BandKind.ABSOLUTE || !"DRIFT".equals(rule.path("rule_type").asText())) {
            return new RunView(run, paths, events, targets, t.isNumber() ? t.asDouble() : Double.NaN, null);
        }
        double rho = rule.path("band_rho").asDouble();
        double[] bands = new double[held.length];
        for (int j = 0; j < held.length; j++) {
            bands[j] = kind == BandKind.RELATIVE ? rho * targets[j] : Math.min(t.asDouble(), rho * targets[j]);
        }
        return new RunView(run, paths, events, targets, 1.0, bands);
    }
}
