package foresto.cli;

import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.RobustnessJson;
import foresto.csv.CsvWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.CashFlowSchedule;
import foresto.engine.Metrics;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.TimingGrid;
import foresto.engine.robust.TimingStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.ui.HeadlessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code foresto robustness timing}: the timing study of SEMANTICS §12.2 on a returns CSV. Every variant (phase p,
 * day offset k) is exactly what {@code simulate --phase p --day-offset k} gives for the rule.
 */
@Command(name = "timing", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rebalance timing luck: the rule run with every calendar phase and day offset (SEMANTICS §12.2).")
final class RobustnessTimingCommand implements Callable<Integer> {
    /** The keys of a variant (JSON) and the columns of its CSV row, in order. */
    static final List<String> VARIANT_COLUMNS = RobustnessJson.VARIANT_KEYS;

    @ParentCommand
    RobustnessCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    FileScenarioOptions scenarioOptions;

    @Option(names = "--rule", required = true, paramLabel = "SPEC", description = "a calendar rule (monthly, quarterly, "
            + "semiannual, annual) or a drift rule with --check monthly|quarterly|semiannual|annual (needs USE_REBALANCING=1)")
    String rule;
    @Mixin
    RuleShapeOptions shape;
    @Option(names = "--cost-rate", paramLabel = "RATE", description = "fixed cost rate per unit of turnover (default 0.001)")
    Double costRate;
    @Option(names = "--phases", paramLabel = "A..B|P,…", description = "the phases P to run (default: 0..m−1, m the "
            + "months per period; monthly: 0)")
    String phases;
    @Option(names = "--offsets", paramLabel = "A..B|K,…", description = "the day offsets K to run (default: the rule's "
            + "--day-offset; monthly: 0..9)")
    String offsets;
    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write the variants as CSV (the shared Excel-safe writer)")
    Path csv;
    @Option(names = "--png", paramLabel = "DIR", description = "also render the charts as PNG into DIR (no display needed)")
    Path png;

    @Mixin
    CashFlowOptions cashFlows;

    @Override
    public Integer call() {
        FeatureFlags.from(parent.main.config()).requireRebalancingAllowed("--rule");
        RebalancingRule parsed = InlineRule.of(rule.trim(), shape.baseDay(), costRate, shape.check(), shape.rebalanceTo,
                shape.phase, shape.dayOffset);
        int[] p = phases == null ? null : parseSet("--phases", phases);
        int[] k = offsets == null ? null : parseSet("--offsets", offsets);
        TimingStudy.grid(parsed, p, k); // bad sets are refused before the data is read
        CashFlowSchedule schedule = cashFlows.schedule(); // likewise a bad schedule
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        TimingStudy.Result result = TimingStudy.run(in.data(), in.scenario(), parsed, schedule, p, k,
                TimingStudy.Progress.NONE, () -> false);
        if (csv != null) {
            writeCsv(csv, result);
        }
        if (png != null) {
            HeadlessReport.renderTiming(result, parsed, rule.trim(), in.scenario(), png);
        }
        spec.commandLine().getOut().println(Json.write(RobustnessJson.timing(result)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * One row per variant, {@link #VARIANT_COLUMNS} (and on a flow schedule {@link RobustnessJson#FLOW_KEYS} after
     * them, as the JSON writes them), through the shared CSV writer.
     */
    static void writeCsv(Path file, TimingStudy.Result r) {
        boolean flows = r.off().hasCashFlows();
        List<List<String>> rows = new ArrayList<>();
        for (TimingStudy.Variant v : r.variants()) {
            Metrics m = v.metrics();
            List<String> row = new ArrayList<>(List.of(Integer.toString(v.phase()), Integer.toString(v.dayOffset()),
                    Double.toString(m.finalValue()), Double.toString(m.totalReturn()), Double.toString(m.cagr()),
                    Double.toString(m.volatility()), Double.toString(m.maxDrawdown()), Integer.toString(m.eventCount()),
                    Double.toString(m.totalTurnover()), Double.toString(m.totalCost())));
            if (flows) {
                ObjectNode o = Json.mapper().createObjectNode();
                RobustnessJson.putFlows(o, v.cashFlows());
                for (String key : RobustnessJson.FLOW_KEYS) {
                    row.add(o.get(key).isNull() ? "" : o.get(key).asText());
                }
            }
            rows.add(row);
        }
        List<String> columns = flows ? Stream.concat(VARIANT_COLUMNS.stream(), RobustnessJson.FLOW_KEYS.stream()).toList()
                : VARIANT_COLUMNS;
        try {
            CsvWriter.write(file, columns, rows);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * A set of small integers: {@code A..B} (A ≤ B, both included) or a comma-separated list; the range checks
     * (0 … m−1, 0 … 20) are the study's.
     */
    static int[] parseSet(String option, String text) {
        String s = text.trim();
        return TimingGrid.parseSet(s, why -> switch (why) {
            case BACKWARDS -> new ForestoException(ErrorCode.INVALID_REQUEST, option + " " + s
                    + ": the range ends before it starts");
            case TOO_MANY -> new ForestoException(ErrorCode.INVALID_RULE, option + " " + s + ": too many values");
            case MALFORMED -> new ForestoException(ErrorCode.INVALID_REQUEST, option
                    + " takes A..B or a list of integers P,Q,…; got '" + text + "'");
        });
    }
}
