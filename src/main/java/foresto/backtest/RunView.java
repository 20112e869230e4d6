package foresto.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import foresto.rule.RuleCodec;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a face needs to show a run: its record, paths and events (ordered by date), its cash flows (SEMANTICS
 * §13; null for a run without a flow schedule), and what the drift panel compares — each held class's target weight
 * and its band — read here from the run's canonical request, so no face parses stored JSON.
 *
 * @param targets   target weight per held class, aligned with {@code paths.heldOrdinals()}
 * @param threshold the drift panel's line: θ for one band for every class, 1 for per-class bands (the drift is
 *                  then shown divided by each class's band), NaN without a drift rule
 * @param bands     per held class β when the bands differ by class (RELATIVE/HYBRID), else null
 * @param flows     each side's flows and their totals, as computed and stored with the run; null without a schedule
 *
 * <p>The arrays (here and in {@code paths}) are shared, not copied: made once when the run is read or computed,
 * read-only from then on.
 */
public record RunView(RunRecord run, StoredPaths paths, List<RebalancingEvent> events, double[] targets,
                      double threshold, double[] bands, RunFlows flows) {
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };

    public RunView {
        events = List.copyOf(events);
    }

    /** A run without cash flows; the targets and bands read from the run's canonical request. */
    public static RunView of(RunRecord run, StoredPaths paths, List<RebalancingEvent> events) {
        return of(run, paths, events, null);
    }

    /** A run with its cash flows ({@code flows}, null for none); the targets and bands read from its canonical request. */
    public static RunView of(RunRecord run, StoredPaths paths, List<RebalancingEvent> events, RunFlows flows) {
        JsonNode canonical = canonical(run);
        JsonNode w = canonical.path("portfolio").path("weights");
        int[] held = paths.heldOrdinals();
        double[] targets = new double[held.length];
        for (int j = 0; j < held.length; j++) {
            targets[j] = w.path(AssetClass.of(held[j]).name()).asDouble(Double.NaN);
        }
        JsonNode rule = canonical.path("rebalancing");
        if (!rule.isObject()) {
            return new RunView(run, paths, events, targets, Double.NaN, null, flows);
        }
        Map<String, Object> parameters = Json.mapper().convertValue(rule, PARAMETERS);
        return RuleCodec.fromHashParameters(parameters).match(
                periodic -> new RunView(run, paths, events, targets, Double.NaN, null, flows),
                drift -> drift.band() == BandKind.ABSOLUTE
                        ? new RunView(run, paths, events, targets, drift.threshold(), null, flows)
                        : new RunView(run, paths, events, targets, 1.0, drift.bands(targets), flows));
    }

    /** The same run with {@code record} as its record (the stored one, once it has a run id). */
    public RunView withRecord(RunRecord record) {
        return new RunView(record, paths, events, targets, threshold, bands, flows);
    }

    /**
     * The flow schedule {@code run} was asked with, read back from its canonical request (SEMANTICS §13.5), or null
     * when it had none. Exactly the schedule that was hashed: with a rule its flow allocation is the one the ON path
     * used, without one it is not given.
     */
    public static CashFlowSchedule scheduleOf(RunRecord run) {
        return scheduleIn(canonical(run));
    }

    /** The flow schedule of a canonical run request (a run's, or a study's scenario), or null when it has none. */
    static CashFlowSchedule scheduleIn(JsonNode canonical) {
        JsonNode s = canonical.path("cash_flows");
        if (!s.isObject()) {
            return null;
        }
        boolean amount = "AMOUNT".equals(s.path("kind").asText());
        JsonNode allocation = s.path("flow_allocation");
        return new CashFlowSchedule(amount ? s.path("amount").asDouble() : null,
                amount ? null : s.path("rate").asDouble(), Frequency.valueOf(s.path("frequency").asText()),
                BaseDayPolicy.valueOf(s.path("base_day").asText()), s.path("phase").asInt(), s.path("day_offset").asInt(),
                s.path("growth").asDouble(), date(s.path("flows_from")), date(s.path("flows_until")),
                allocation.isTextual() ? FlowAllocation.valueOf(allocation.asText()) : null);
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }

    private static JsonNode canonical(RunRecord run) {
        try {
            return Json.mapper().readTree(run.canonicalRequest());
        } catch (IOException e) {
            throw new IllegalStateException("stored canonical request of run " + run.runId() + " is not JSON", e);
        }
    }
}
