package foresto.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.csv.MarketCsvReader;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Phase 1 (rebalancing OFF) golden cases. The inputs and expected outputs under
 * src/test/resources/golden were written ONCE, before any rebalancing code existed (today's writer:
 * {@link GoldenWriter}, run only by {@code mvn -Pgolden-write process-test-classes}; the tests only read them).
 * Never regenerate them to make a test pass: a difference means the OFF path changed.
 */
final class GoldenCases {
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Case(String name, String market, Map<AssetClass, Double> weights, LocalDate start, LocalDate end,
                double initialValue, MissingDataPolicy policy) {
        Scenario scenario() {
            return new Scenario(Weights.of(weights), start, end, initialValue, policy);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("off_60_30_10_skip", "market_a.csv",
                    Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.3, AssetClass.SHORT_TERM, 0.1),
                    LocalDate.of(2019, 12, 2), LocalDate.of(2021, 6, 30), 1.0, MissingDataPolicy.SKIP),
            new Case("off_five_classes_zero", "market_a.csv",
                    Map.of(AssetClass.EQUITY, 0.35, AssetClass.BOND, 0.25, AssetClass.SHORT_TERM, 0.1,
                            AssetClass.GOLD, 0.2, AssetClass.OTHER, 0.1),
                    LocalDate.of(2020, 1, 1), LocalDate.of(2021, 3, 31), 1_000_000.0, MissingDataPolicy.ZERO),
            new Case("off_equity_gold_skip_short", "market_a.csv",
                    Map.of(AssetClass.EQUITY, 0.5, AssetClass.GOLD, 0.5),
                    LocalDate.of(2020, 2, 15), LocalDate.of(2020, 5, 15), 10_000.0, MissingDataPolicy.SKIP));

    private GoldenCases() {
    }

    static MarketData market(String file) throws IOException {
        try (Reader r = new InputStreamReader(
                GoldenCases.class.getResourceAsStream("/golden/" + file), StandardCharsets.UTF_8)) {
            return new MarketCsvReader(Map.of(), MarketCsvReader.Kind.RETURNS).read(file, r);
        }
    }

    static JsonNode expected(Case c) throws IOException {
        try (var in = GoldenCases.class.getResourceAsStream("/golden/" + c.name() + ".json")) {
            return MAPPER.readTree(in);
        }
    }

    /**
     * Writes the expected OFF outputs into {@code dir} (by {@link GoldenWriter} only), computed on the recorded input
     * market of the test class path. That market ({@code market_a.csv}) is an input, recorded once with the Phase 1
     * {@code SyntheticMarket} (2019-12-02..2021-06-30, seed 20260116, 8 decimals, holes in GOLD on day i % 37 == 5
     * and in BOND on day i % 53 == 11); today's generator draws other numbers (StrictMath since the sample data
     * became bit-reproducible), so the market is kept as recorded and never written again.
     */
    static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Case c : CASES) {
            PathResult off = ScenarioSimulation.off(market(c.market()), c.scenario(), false).off();
            Files.writeString(dir.resolve(c.name() + ".json"),
                    MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(off)));
        }
    }

    static ObjectNode toJson(PathResult p) {
        ObjectNode o = MAPPER.createObjectNode();
        Metrics m = p.metrics();
        o.put("final_value", Double.toString(m.finalValue()));
        o.put("total_return", Double.toString(m.totalReturn()));
        o.put("cagr", Double.toString(m.cagr()));
        o.put("volatility", Double.toString(m.volatility()));
        o.put("max_drawdown", Double.toString(m.maxDrawdown()));
        ArrayNode path = o.putArray("path");
        for (int k = 0; k < p.values().length; k++) {
            path.addArray().add(p.dates()[k].toString()).add(Double.toString(p.values()[k]));
        }
        return o;
    }
}
