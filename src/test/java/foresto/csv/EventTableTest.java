package foresto.csv;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The events file: the columns scripts already read, then one column per asset class for each side's weights. */
class EventTableTest {
    @TempDir
    Path dir;

    @Test
    void theFileKeepsItsColumnsAndAddsEachClassesWeightsBeforeAndAfter() throws Exception {
        MarketData data = SyntheticMarket.generate(LocalDate.of(2015, 1, 2), LocalDate.of(2016, 12, 30), 5);
        Scenario scenario = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.3,
                AssetClass.GOLD, 0.2)), data.firstDate(), data.lastDate(), 10_000, MissingDataPolicy.SKIP);
        RebalancingRule quarterly = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        List<RebalancingEvent> events = ScenarioSimulation.run(data, scenario, Optional.of(quarterly), false)
                .on().orElseThrow().events();
        assertThat(events).hasSize(7); // 2015-04 .. 2016-10: the quarter starts after the purchase

        Path file = dir.resolve("events.csv");
        EventTable.export(file, events);
        List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).hasSize(events.size() + 1);
        List<String> header = List.of(lines.get(0).split(","));
        // the existing columns first, unchanged and in place
        assertThat(header.subList(0, 12)).containsExactly("event_date", "trigger_type", "trigger_detail", "band_kind",
                "breached_asset_class", "turnover", "cost_rate", "cost_amount", "value_before", "value_after",
                "before_weights", "after_weights");
        assertThat(header.subList(12, header.size())).containsExactly(
                "weight_before_EQUITY", "weight_before_BOND", "weight_before_SHORT_TERM", "weight_before_GOLD",
                "weight_before_OTHER",
                "weight_after_EQUITY", "weight_after_BOND", "weight_after_SHORT_TERM", "weight_after_GOLD",
                "weight_after_OTHER");

        for (int i = 0; i < events.size(); i++) {
            RebalancingEvent e = events.get(i);
            List<String> cells = csvCells(lines.get(i + 1));
            assertThat(cells).hasSize(header.size());
            for (AssetClass c : AssetClass.values()) {
                String before = cells.get(header.indexOf("weight_before_" + c.name()));
                String after = cells.get(header.indexOf("weight_after_" + c.name()));
                if (c == AssetClass.SHORT_TERM || c == AssetClass.OTHER) {
                    assertThat(before).as("not held").isEmpty();
                    assertThat(after).as("not held").isEmpty();
                } else {
                    // full precision: the file reads back as the engine's doubles exactly
                    assertThat(Double.parseDouble(before)).isEqualTo(e.beforeWeights().get(c.name()));
                    assertThat(Double.parseDouble(after)).isEqualTo(e.afterWeights().get(c.name()));
                }
            }
            // after a rebalance the weights are the targets (SEMANTICS §4)
            assertThat(Double.parseDouble(cells.get(header.indexOf("weight_after_EQUITY")))).isEqualTo(0.5);
            assertThat(Double.parseDouble(cells.get(header.indexOf("weight_after_GOLD")))).isEqualTo(0.2);
        }
    }

    /** The cells of one RFC 4180 line (quoted cells may hold commas). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
