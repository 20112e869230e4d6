package foresto.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioCalendar;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.DatasetRecord;
import foresto.model.RuleRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations smoke check: an OFF smoke case and an ON case for every usable rule on a dataset, with checks. Computes
 * directly with the engine on the stored data (nothing is written), so it verifies, never reuses.
 */
public final class QualityReport {
    /** The smoke portfolio: 60/30/10, the seed's canonical balanced mix. */
    public static final Weights SMOKE_WEIGHTS = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.3,
            AssetClass.SHORT_TERM, 0.1));
    public static final String REFERENCE_RESOURCE = "/foresto/reference/sample_off_reference.json";

    public record Row(String caseName, String rule, int eventCount, Double finalOn, double finalOff) {
    }

    public record Result(String dataset, long datasetId, String window, List<Row> rows, List<QualityChecks.Check> checks) {
        /** No check failed (skipped ones are reported as skipped, not as passed). */
        public boolean passed() {
            return checks.stream().noneMatch(QualityChecks.Check::failed);
        }
    }

    /**
     * The recorded OFF reference for the sample data: which data it is for, the final value and a digest of the
     * whole path. It was recorded with this engine (not before rebalancing existed, unlike the Phase 1 reference
     * files of the test suite), so it pins the OFF path against later changes, it does not prove Phase 1.
     */
    public record Reference(String datasetFingerprint, String finalValue, String pathSha256, int days) {
        public static Reference load(InputStream in) throws IOException {
            JsonNode j = Json.mapper().readTree(in);
            return new Reference(j.get("dataset_fingerprint").asText(), j.get("final_value").asText(),
                    j.get("path_sha256").asText(), j.get("days").asInt());
        }

        public static Reference bundled() {
            try (InputStream in = QualityReport.class.getResourceAsStream(REFERENCE_RESOURCE)) {
                return load(in);
            } catch (IOException | NullPointerException e) {
                throw new ForestoException(ErrorCode.INTERNAL_ERROR, "the bundled OFF reference file is missing");
            }
        }

        public static Reference of(MarketData data, PathResult off) {
            return new Reference(data.fingerprint(), Double.toString(off.metrics().finalValue()), QualityReport.pathSha256(off.values()),
                    off.values().length);
        }
    }

    private QualityReport() {
    }

    public static PathResult smokeOff(MarketData data) {
        return ScenarioSimulation.off(data, smokeScenario(data), false).off();
    }

    static Scenario smokeScenario(MarketData data) {
        return new Scenario(SMOKE_WEIGHTS, data.firstDate(), data.lastDate(), 1.0, MissingDataPolicy.SKIP);
    }

    public static Result run(BacktestService service, DatasetRecord dataset, Reference reference) {
        MarketData data = service.market(dataset);
        Scenario scenario = smokeScenario(data);
        List<Row> rows = new ArrayList<>();
        List<QualityChecks.Check> checks = new ArrayList<>();

        PathResult off = ScenarioSimulation.off(data, scenario, false).off();
        rows.add(new Row("OFF smoke (buy-and-hold)", "-", 0, null, off.metrics().finalValue()));
        if (reference.datasetFingerprint().equals(data.fingerprint())) {
            Reference now = Reference.of(data, off);
            boolean same = now.finalValue().equals(reference.finalValue()) && now.pathSha256().equals(reference.pathSha256())
                    && now.days() == reference.days();
            checks.add(new QualityChecks.Check("OFF equals the recorded sample reference", same, same
                    ? "final " + now.finalValue() + ", " + now.days() + " days, path sha256 " + now.pathSha256().substring(0, 12)
                    : "expected final " + reference.finalValue() + " / path " + reference.pathSha256().substring(0, 12)
                    + ", got " + now.finalValue() + " / " + now.pathSha256().substring(0, 12)));
        } else {
            checks.add(QualityChecks.Check.skipped("OFF equals the recorded sample reference",
                    "the reference result belongs to another dataset (fingerprint " + reference.datasetFingerprint().substring(0, 12)
                            + ", this one " + data.fingerprint().substring(0, 12) + ")"));
        }

        LocalDate[] dates = off.dates();
        ScenarioCalendar cal = ScenarioCalendar.prepare(data, scenario);
        if (!service.flags().useRebalancing()) {
            checks.add(QualityChecks.Check.skipped("ON cases", "USE_REBALANCING is off, so the rebalancing "
                    + "engine is not invoked (" + FeatureFlags.HOW_TO_ENABLE + ")"));
            return new Result(dataset.label(), dataset.datasetId(), data.firstDate() + ".." + data.lastDate(), rows, checks);
        }
        for (RuleRecord r : service.usableRules()) {
            RebalancingRule rule = r.toEngineRule();
            SimulationResult res = ScenarioSimulation.run(data, scenario, Optional.of(rule), false);
            PathResult on = res.on().orElseThrow();
            rows.add(new Row("ON", r.ruleName(), on.events().size(), on.metrics().finalValue(), res.off().metrics().finalValue()));
            checks.add(rule.match(
                    p -> p.phase() != 0 || p.dayOffset() != 0
                            ? QualityChecks.Check.skipped(r.ruleName() + ": calendar days", "a phase or day offset "
                                    + "(SEMANTICS §12.1) is checked against its reference by the engine's tests, not here")
                            : QualityChecks.periodic(r.ruleName(), dates, cal.nextDate(dates.length - 1), p.frequency(),
                            p.baseDayPolicy(), on.events()),
                    d -> QualityChecks.drift(r.ruleName(), d, SMOKE_WEIGHTS, on.events())));
            boolean sameOff = Arrays.equals(res.off().values(), off.values());
            checks.add(new QualityChecks.Check(r.ruleName() + ": OFF path unchanged by the rule", sameOff, sameOff ? "identical" : "differs"));
        }
        return new Result(dataset.label(), dataset.datasetId(), data.firstDate() + ".." + data.lastDate(), rows, checks);
    }

    private static String pathSha256(double[] values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8);
            for (double v : values) {
                b.clear();
                b.putDouble(v);
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
