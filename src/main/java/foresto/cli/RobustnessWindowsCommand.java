package foresto.cli;

import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.RobustnessJson;
import foresto.csv.CsvWriter;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.Metrics;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.WindowsStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.ui.HeadlessReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 * {@code foresto robustness windows}: the start-date study (SEMANTICS §12.3) on a returns CSV. One JSON object:
 * {@code periods_per_year}, every window's ON and OFF figures and premium, and the summary over the premiums.
 */
@Command(name = "windows", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start-date study: the rule ON vs OFF on every window of L months, one starting every s months.")
final class RobustnessWindowsCommand implements Callable<Integer> {
    /** The --csv columns, one row per window. */
    static final List<String> CSV_COLUMNS = List.of("start", "end", "on_cagr", "on_volatility", "on_max_drawdown",
            "on_final_value", "off_cagr", "off_volatility", "off_max_drawdown", "off_final_value", "premium",
            "volatility_diff", "max_drawdown_diff");
    /** The columns a study on a flow schedule adds after {@link #CSV_COLUMNS}: each side's totals and depletion. */
    static final List<String> FLOW_COLUMNS = List.of("on_contributed", "on_withdrawn", "on_depleted_on",
            "off_contributed", "off_withdrawn", "off_depleted_on");

    @ParentCommand
    RobustnessCommand parent;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    FileScenarioOptions scenarioOptions;

    @Option(names = "--rule", paramLabel = "SPEC", description = "the rebalancing rule compared with buy-and-hold "
            + "(needs USE_REBALANCING=1), as in simulate --rule")
    String rule;
    @Mixin
    RuleShapeOptions shape;
    @Option(names = "--cost-rate", paramLabel = "RATE", description = "fixed cost rate per unit of turnover (default 0.001)")
    Double costRate;
    @Option(names = "--length-months", required = true, paramLabel = "L", description = "window length in months (≥ 1)")
    int lengthMonths;
    @Option(names = "--step-months", defaultValue = "1", paramLabel = "S",
            description = "months between window starts (≥ 1; default 1)")
    int stepMonths;
    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write one row per window as CSV (the shared writer)")
    Path csv;
    @Option(names = "--png", paramLabel = "DIR", description = "also render the charts as PNG into DIR (no display needed)")
    Path png;

    @Mixin
    CashFlowOptions cashFlows;

    @Override
    public Integer call() {
        RebalancingRule r = parseRule(FeatureFlags.from(parent.main.config()));
        CashFlowSchedule schedule = cashFlows.schedule();
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        WindowsStudy.Result result = WindowsStudy.run(in.data(), in.scenario(), r, schedule, lengthMonths, stepMonths,
                WindowsStudy.Progress.NONE, () -> false);
        if (csv != null) {
            writeCsv(csv, result);
        }
        if (png != null) {
            HeadlessReport.renderWindows(result, rule.trim(), in.scenario(), png);
        }
        spec.commandLine().getOut().println(Json.write(RobustnessJson.windows(result)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RebalancingRule parseRule(FeatureFlags flags) {
        String param = rule != null ? "--rule" : costRate != null ? "--cost-rate" : shape.firstGiven();
        if (param != null) {
            flags.requireRebalancingAllowed(param);
        }
        if (rule == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "robustness windows needs --rule (the rule compared "
                    + "with buy-and-hold)");
        }
        return InlineRule.of(rule, shape.baseDay(), costRate, shape.check(), shape.rebalanceTo, shape.phase,
                shape.dayOffset);
    }

    /** One row per window in {@link #CSV_COLUMNS}' order; numbers as Java prints a double (round-trips exactly). */
    static void writeCsv(Path file, WindowsStudy.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (WindowsStudy.WindowResult w : result.windows()) {
            Metrics on = w.on();
            Metrics off = w.off();
            rows.add(List.of(w.window().start().toString(), w.window().end().toString(),
                    Double.toString(on.cagr()), Double.toString(on.volatility()), Double.toString(on.maxDrawdown()),
                    Double.toString(on.finalValue()), Double.toString(off.cagr()), Double.toString(off.volatility()),
                    Double.toString(off.maxDrawdown()), Double.toString(off.finalValue()), Double.toString(w.premium()),
                    Double.toString(on.volatility() - off.volatility()),
                    Double.toString(on.maxDrawdown() - off.maxDrawdown())));
            if (result.withFlows()) {
                List<String> row = new ArrayList<>(rows.remove(rows.size() - 1));
                row.addAll(flowCells(w.onFlows()));
                row.addAll(flowCells(w.offFlows()));
                rows.add(row);
            }
        }
        List<String> columns = result.withFlows()
                ? Stream.concat(CSV_COLUMNS.stream(), FLOW_COLUMNS.stream()).toList() : CSV_COLUMNS;
        try {
            CsvWriter.write(file, columns, rows);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A side's contributed, withdrawn and depletion date; a window without a flow date moved no money. */
    private static List<String> flowCells(CashFlowResult cf) {
        if (cf == null) {
            return List.of("0.0", "0.0", "");
        }
        return List.of(Double.toString(cf.contributed()), Double.toString(cf.withdrawn()),
                cf.depletedOn() == null ? "" : cf.depletedOn().toString());
    }
}
