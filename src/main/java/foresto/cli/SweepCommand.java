package foresto.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepSpec;
import foresto.csv.CsvWriter;
import foresto.engine.EngineException;
import foresto.engine.RebalancingRule;
import foresto.engine.Sweep;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Many rules × cost rates on a returns file, no database: one JSON object with the OFF reference and a cell per
 * (rule, cost rate), each exactly what {@code simulate} gives for that rule and cost, plus cost drag and the
 * break-even cost rate per rule. Cells run on all cores; their order and numbers do not depend on it.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweep rules × cost rates on a returns CSV (no database): which rule, which band, at what cost.")
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FileScenarioOptions scenarioOptions;

    @Option(names = "--rules", required = true, paramLabel = "SPEC[,SPEC...]", description = "rules as in simulate --rule; "
            + "ranges A..B/STEP: drift:0.01..0.10/0.01, drift-rel:0.1..0.5/0.1, drift-hybrid:0.01..0.05/0.01/0.25")
    String rules;
    @Option(names = "--cost-rates", required = true, paramLabel = "C[,C...]", description = "cost rates, or ranges A..B/STEP")
    String costRates;
    @Option(names = "--base-day", paramLabel = "first|last", description = "base day of calendars (default first)")
    String baseDay;
    @Option(names = "--check", paramLabel = "FREQ", description = "check calendar of the drift rules (default daily)")
    String check;
    @Option(names = "--rebalance-to", paramLabel = "G", description = "how far the drift rules trade back (default 0)")
    Double rebalanceTo;
    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write the grid as CSV (the shared Excel-safe writer)")
    Path csv;

    static final List<String> COLUMNS = List.of("rule", "cost_rate", "check", "rebalance_to", "final_value", "total_return",
            "cagr", "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost", "turnover_per_year",
            "tracking_error", "cost_drag", "break_even_cost_rate");

    @Override
    public Integer call() throws IOException {
        FeatureFlags.from(main.config()).requireRebalancingAllowed("--rules");
        List<String> specs = SweepSpec.rules(rules);
        List<Double> costs = SweepSpec.costRates(costRates);
        if ((long) specs.size() * costs.size() > SweepSpec.MAX_CELLS) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "a sweep takes at most " + SweepSpec.MAX_CELLS + " cells, this one "
                    + (long) specs.size() * costs.size());
        }
        List<RebalancingRule> free = new ArrayList<>(); // each rule at cost 0: cost drag and break-even
        for (String s : specs) {
            try {
                free.add(InlineRule.of(s.trim(), baseDay, 0.0, check, rebalanceTo));
            } catch (ForestoException | EngineException e) {
                throw new ForestoException(ErrorCode.INVALID_RULE, "bad sweep rule '" + s + "': " + e.getMessage());
            }
        }
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        Sweep sweep = Sweep.prepare(in.data(), in.scenario());

        int r = free.size();
        int c = costs.size();
        Sweep.Cell[] freeCells = IntStream.range(0, r).parallel().mapToObj(i -> sweep.cell(free.get(i))).toArray(Sweep.Cell[]::new);
        Sweep.Cell[] cells = IntStream.range(0, r * c).parallel()
                .mapToObj(i -> costs.get(i % c) == 0 ? freeCells[i / c] : sweep.cell(free.get(i / c).withCostRate(costs.get(i % c))))
                .toArray(Sweep.Cell[]::new);
        double[] breakEven = IntStream.range(0, r).parallel().mapToDouble(i -> sweep.breakEvenCostRate(freeCells[i])).toArray();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            rows.add(row(cells[i], freeCells[i / c], breakEven[i / c]));
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("off", Json.mapper().valueToTree(sweep.off().metrics()));
        ArrayNode list = out.putArray("cells");
        rows.forEach(m -> list.add(Json.mapper().valueToTree(m)));
        if (csv != null) {
            writeCsv(rows);
        }
        spec.commandLine().getOut().println(Json.write(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Map<String, Object> row(Sweep.Cell cell, Sweep.Cell free, double breakEven) {
        RebalancingRule rule = cell.rule();
        var m = cell.metrics();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rule", RebalancingRule.spec(rule));
        o.put("cost_rate", rule.costRate());
        boolean drift = rule instanceof RebalancingRule.Drift;
        o.put("check", drift ? ((RebalancingRule.Drift) rule).check().name().toLowerCase(java.util.Locale.ROOT) : null);
        o.put("rebalance_to", drift ? ((RebalancingRule.Drift) rule).rebalanceTo() : null);
        o.put("final_value", m.finalValue());
        o.put("total_return", m.totalReturn());
        o.put("cagr", m.cagr());
        o.put("volatility", m.volatility());
        o.put("max_drawdown", m.maxDrawdown());
        o.put("event_count", m.eventCount());
        o.put("total_turnover", m.totalTurnover());
        o.put("total_cost", m.totalCost());
        o.put("turnover_per_year", cell.turnoverPerYear());
        o.put("tracking_error", cell.trackingError());
        o.put("cost_drag", free.metrics().finalValue() - m.finalValue());
        o.put("break_even_cost_rate", Double.isNaN(breakEven) ? null : breakEven);
        return o;
    }

    private void writeCsv(List<Map<String, Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> m : rows) {
            cells.add(COLUMNS.stream().map(k -> m.get(k) == null ? "" : m.get(k).toString()).toList());
        }
        try {
            CsvWriter.write(csv, COLUMNS, cells);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + csv + ": " + e.getMessage());
        }
    }
}
