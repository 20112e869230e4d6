package foresto.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ON paths of the v1 rules (the seed's calendar and absolute-drift rules), recorded with the v1 engine
 * on 2026-12-01 before rule model v2 touched it (today's writer: {@link GoldenWriter}, run only by
 * {@code mvn -Pgolden-write process-test-classes}). Rule model v2 must give these bit for bit with every new
 * parameter at its default (SEMANTICS §10). Never regenerate to make a test pass.
 */
class GoldenOnPathTest {
    static final String FILE = "on_v1_rules.json";

    static Map<String, RebalancingRule> rules() {
        Map<String, RebalancingRule> m = new LinkedHashMap<>();
        for (Frequency f : new Frequency[] {Frequency.MONTHLY, Frequency.QUARTERLY}) {
            for (BaseDayPolicy b : BaseDayPolicy.values()) {
                m.put(f + "_" + b, new RebalancingRule.Periodic(f, b, 0.001));
            }
        }
        m.put("DRIFT_0.02", new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY, 0.001));
        m.put("DRIFT_0.05_free", new RebalancingRule.Drift(0.05, BaseDayPolicy.LAST_TRADING_DAY, 0.0));
        return m;
    }

    static ObjectNode record() throws Exception {
        ObjectNode all = GoldenCases.MAPPER.createObjectNode();
        for (GoldenCases.Case c : GoldenCases.CASES) {
            MarketData data = GoldenCases.market(c.market());
            for (Map.Entry<String, RebalancingRule> r : rules().entrySet()) {
                PathResult on = ScenarioSimulation.run(data, c.scenario(), Optional.of(r.getValue()), false).on().orElseThrow();
                ObjectNode o = GoldenCases.toJson(on);
                ArrayNode events = o.putArray("events");
                for (RebalancingEvent e : on.events()) {
                    ObjectNode x = events.addObject();
                    x.put("date", e.eventDate().toString());
                    x.put("type", e.triggerType().name());
                    x.put("turnover", Double.toString(e.turnover()));
                    x.put("cost", Double.toString(e.costAmount()));
                    x.put("before", Double.toString(e.valueBefore()));
                    x.put("after", Double.toString(e.valueAfter()));
                    x.put("before_weights", e.beforeWeights().toString());
                    x.put("after_weights", e.afterWeights().toString());
                    if (e.triggerDetail() instanceof TriggerDetail.Drift d) {
                        x.put("breached", d.breachedAssetClass().name());
                        x.put("max_drift", Double.toString(d.maxDrift()));
                    }
                }
                all.set(c.name() + "/" + r.getKey(), o);
            }
        }
        return all;
    }

    @Test
    void v1RulesGiveTheRecordedOnPathsBitForBit() throws Exception {
        JsonNode expected;
        try (var in = GoldenOnPathTest.class.getResourceAsStream("/golden/" + FILE)) {
            expected = GoldenCases.MAPPER.readTree(in);
        }
        ObjectNode actual = record();
        assertThat(actual.size()).isEqualTo(18);
        actual.fieldNames().forEachRemaining(k -> assertThat(actual.get(k)).as(k).isEqualTo(expected.get(k)));
        assertThat(expected.size()).isEqualTo(actual.size());
    }
}
