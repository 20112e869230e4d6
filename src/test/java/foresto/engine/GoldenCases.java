package foresto.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.csv.MarketCsvReader;
import foresto.sample.SyntheticMarket;

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
 * src/test/resources/golden were written ONCE, before any rebalancing code existed, by
 * {@code mvn test -Dtest=GoldenOffPathTest -Dgolden.write=true}. Never regenerate them to make a test pass:
 * a difference means the OFF path changed.
 */
final class GoldenCases {
    static final Path DIR = Path.of("src/test/resources/golden");
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

    /** Writes the input market and the expected OFF outputs (only with -Dgolden.write=true). */
    static void writeAll() throws IOException {
        Files.createDirectories(DIR);
        MarketData m = SyntheticMarket.generate(LocalDate.of(2019, 12, 2), LocalDate.of(2021, 6, 30), 20260116L);
        StringBuilder csv = new StringBuilder("date,EQUITY,BOND,SHORT_TERM,GOLD,OTHER\n");
        for (int i = 0; i < m.size(); i++) {
            csv.append(m.date(i));
            for (AssetClass c : AssetClass.values()) {
                boolean hole = (c == AssetClass.GOLD && i % 37 == 5) || (c == AssetClass.BOND && i % 53 == 11);
                csv.append(',').append(hole ? "" : String.format(java.util.Locale.ROOT, "%.8f", m.returnOf(c, i)));
            }
            csv.append('\n');
        }
        Files.writeString(DIR.resolve("market_a.csv"), csv.toString());
        for (Case c : CASES) {
            MarketData data = new MarketCsvReader(Map.of(), MarketCsvReader.Kind.RETURNS)
                    .read(DIR.resolve(c.market()));
            PathResult off = ScenarioSimulation.off(data, c.scenario(), false).off();
            Files.writeString(DIR.resolve(c.name() + ".json"),
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
