package foresto.cli;

import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.RobustnessJson;
import foresto.csv.CsvWriter;
import foresto.engine.CashFlowSchedule;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code foresto robustness bootstrap}: the bootstrap study (SEMANTICS §12.4) on a returns CSV. One JSON object:
 * {@code periods_per_year}, {@code frequency}, the study's parameters, P(A beats B) with its standard error, the
 * percentiles of the CAGR and max-drawdown differences, the fan of A and B, and with {@code --per-path} every path's
 * final values.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bootstrap study: rule A against rule B (default off, buy-and-hold) on J resampled histories.")
final class RobustnessBootstrapCommand implements Callable<Integer> {
    /** The --csv columns, one row per path. */
    static final List<String> CSV_COLUMNS = List.of("path", "a_final", "b_final");
    /** On a flow schedule, the columns after {@link #CSV_COLUMNS}: each rule's depletion date on the path, if any. */
    static final List<String> FLOW_COLUMNS = List.of("a_depleted_on", "b_depleted_on");

    @ParentCommand
    RobustnessCommand parent;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    FileScenarioOptions scenarioOptions;

    @Option(names = "--rule", paramLabel = "SPEC", description = "rule A (needs USE_REBALANCING=1), as in simulate --rule")
    String rule;
    @Option(names = "--versus", paramLabel = "off|SPEC", description = "rule B: off (buy-and-hold, the default) or a "
            + "rule SPEC with the same shape options and cost rate as A")
    String versus;
    @Mixin
    RuleShapeOptions shape;
    @Option(names = "--cost-rate", paramLabel = "RATE", description = "fixed cost rate per unit of turnover (default 0.001)")
    Double costRate;
    @Option(names = "--paths", paramLabel = "J", defaultValue = "1000",
            description = "number of resampled histories, 1 … 100,000 (default 1,000)")
    int paths;
    @Option(names = "--block", paramLabel = "B", description = "mean block length, a real ≥ 1 (default max(1, round(f/12)): 21 for daily data)")
    Double block;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "the generator's seed, an unsigned 64-bit integer (default 1)")
    String seed;
    @Option(names = "--per-path", description = "also list every path's final value of A and B")
    boolean perPath;
    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write one row per path as CSV (the shared writer)")
    Path csv;
    @Option(names = "--png", paramLabel = "DIR", description = "also render the charts as PNG into DIR (no display needed)")
    Path png;

    @Mixin
    CashFlowOptions cashFlows;

    @Override
    public Integer call() {
        FeatureFlags flags = FeatureFlags.from(parent.main.config());
        RebalancingRule a = parseRule(flags);
        Optional<RebalancingRule> b = parseVersus();
        long s = parseSeed(seed);
        CashFlowSchedule schedule = cashFlows.schedule();
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        BootstrapStudy.Result result = BootstrapStudy.run(in.data(), in.scenario(), a, b, schedule, paths, block, s,
                Runtime.getRuntime().availableProcessors(), BootstrapStudy.Progress.NONE, () -> false);
        if (csv != null) {
            writeCsv(csv, result);
        }
        if (png != null) {
            HeadlessReport.renderBootstrap(result, rule.trim(), b.map(x -> versus.trim()), in.scenario(), png);
        }
        spec.commandLine().getOut().println(Json.write(RobustnessJson.bootstrap(result, perPath)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RebalancingRule parseRule(FeatureFlags flags) {
        String param = rule != null ? "--rule" : versus != null ? "--versus" : costRate != null ? "--cost-rate"
                : shape.firstGiven();
        if (param != null) {
            flags.requireRebalancingAllowed(param);
        }
        if (rule == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "robustness bootstrap needs --rule (rule A)");
        }
        return InlineRule.of(rule, shape.baseDay(), costRate, shape.check(), shape.rebalanceTo, shape.phase,
                shape.dayOffset);
    }

    private Optional<RebalancingRule> parseVersus() {
        if (versus == null || versus.trim().toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.empty();
        }
        return Optional.of(InlineRule.of(versus, shape.baseDay(), costRate, shape.check(), shape.rebalanceTo,
                shape.phase, shape.dayOffset));
    }

    /** An unsigned 64-bit decimal integer. */
    static long parseSeed(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "--seed must be an unsigned 64-bit integer "
                    + "(0 … 18446744073709551615), got " + text);
        }
    }

    /** One row per path in {@link #CSV_COLUMNS}' order; numbers as Java prints a double (round-trips exactly). */
    static void writeCsv(Path file, BootstrapStudy.Result result) {
        List<List<String>> rows = new ArrayList<>(result.paths());
        for (int j = 0; j < result.paths(); j++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(j), Double.toString(result.finalA()[j]),
                    Double.toString(result.finalB()[j])));
            if (result.depletions() != null) {
                LocalDate a = result.depletions().a()[j];
                LocalDate b = result.depletions().b()[j];
                row.add(a == null ? "" : a.toString());
                row.add(b == null ? "" : b.toString());
            }
            rows.add(row);
        }
        List<String> columns = result.depletions() == null ? CSV_COLUMNS
                : Stream.concat(CSV_COLUMNS.stream(), FLOW_COLUMNS.stream()).toList();
        try {
            CsvWriter.write(file, columns, rows);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
