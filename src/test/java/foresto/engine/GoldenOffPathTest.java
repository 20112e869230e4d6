package foresto.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Phase 1 regression: rebalancing OFF reproduces the golden files bit for bit (written by {@link GoldenWriter}). */
class GoldenOffPathTest {

    @Test
    void offPathMatchesPhaseOneGoldenFilesBitForBit() throws Exception {
        for (GoldenCases.Case c : GoldenCases.CASES) {
            MarketData data = GoldenCases.market(c.market());
            PathResult off = ScenarioSimulation.off(data, c.scenario(), false).off();
            JsonNode actual = GoldenCases.toJson(off);
            JsonNode expected = GoldenCases.expected(c);
            assertThat(actual.get("path").size()).as(c.name()).isEqualTo(expected.get("path").size()).isGreaterThan(40);
            assertThat(actual).as(c.name()).isEqualTo(expected);
        }
    }
}
