package foresto.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.FeatureFlags;
import foresto.backtest.Metric;
import foresto.backtest.ResultJson;
import foresto.backtest.SweepRunner;
import foresto.backtest.SweepSpec;
import foresto.engine.CashFlowSchedule;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.ui.HeadlessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Many rules × cost rates on a returns file, no database: one JSON object with the OFF reference and a cell per
 * (rule, cost rate), each exactly what {@code simulate} gives for that rule and cost, plus cost drag and the
 * break-even cost rate per rule. Cells run on all cores; their order and numbers do not depend on it. With
 * {@code --bootstrap J} a robust sweep: {@code paths}, {@code block} and {@code seed} at the top level, and per cell
 * P(beats OFF), its standard error and the CAGR difference's p5, median and p95 on the same J resampled histories.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweep rules × cost rates on a returns CSV (no database): which rule, which band, at what cost.")
final class SweepCommand implements Callable<Integer> {
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
    @Mixin
    RuleShapeOptions shape;
    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write the grid as CSV (the shared Excel-safe writer)")
    Path csv;
    @Option(names = "--png", paramLabel = "DIR", description = "also render the heatmap to DIR/heatmap.png (no display needed)")
    Path png;
    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "final_value", completionCandidates = MetricNames.class,
            description = "the heatmap's colour: ${COMPLETION-CANDIDATES}")
    String metric;
    @Option(names = "--bootstrap", paramLabel = "J", description = "a robust sweep: every cell also against OFF on the "
            + "same J resampled histories (1 … 100,000; SEMANTICS §12.4): P(beats OFF) and the CAGR difference per cell")
    Integer bootstrap;
    @Option(names = "--block", paramLabel = "B", description = "with --bootstrap: the mean block length, a real ≥ 1 "
            + "(default max(1, round(f/12)): 21 for daily data)")
    Double block;
    @Option(names = "--seed", paramLabel = "S", description = "with --bootstrap: the generator's seed, an unsigned "
            + "64-bit integer (default 1)")
    String seed;

    /** The names {@code --metric} takes, from the one list of metrics. */
    static final class MetricNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Metric.heatmap(true).stream().map(Metric::pickName).iterator();
        }
    }

    @Mixin
    CashFlowOptions cashFlows;

    @Override
    public Integer call() {
        FeatureFlags.from(main.config()).requireRebalancingAllowed("--rules");
        shape.requireNoCalendarShift("sweep");
        Metric colour = parseMetric(metric);
        SweepRunner.Bootstrap resampling = bootstrap();
        CashFlowSchedule schedule = cashFlows.schedule();
        if (colour.needsBootstrap() && resampling == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "--metric " + metric.trim() + " needs --bootstrap J");
        }
        if (png != null) {
            HeadlessReport.useHeadlessPlatform();
        }
        List<String> specs = SweepSpec.rules(rules);
        List<Double> costs = SweepSpec.costRates(costRates);
        List<RebalancingRule> free = SweepRunner.rules(specs, shape.baseDay(), shape.check(), shape.rebalanceTo);
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        SweepRunner.Result result = SweepRunner.run(in.data(), in.scenario(), free, costs, schedule, resampling,
                (done, total) -> { }, () -> false);
        List<Map<String, Object>> rows = result.rows().stream().map(SweepRunner.Row::fields).toList();
        ObjectNode out = Json.mapper().createObjectNode();
        ResultJson.putPeriodsPerYear(out, result.periodsPerYear());
        ResultJson.putWindow(out, result.dates()); // the calendar every cell ran on
        if (result.bootstrap() != null) {
            out.put("paths", result.bootstrap().paths());
            out.put("block", result.bootstrap().block());
            out.put("seed", new BigInteger(Long.toUnsignedString(result.bootstrap().seed())));
        }
        out.set("off", ResultJson.metrics(result.off()));
        if (result.offFlows() != null) {
            ResultJson.putCashFlows((ObjectNode) out.get("off"), result.offFlows());
        }
        ArrayNode list = out.putArray("cells");
        rows.forEach(m -> list.add(Json.mapper().valueToTree(m)));
        if (csv != null) {
            SweepRunner.writeCsv(csv, result);
        }
        if (png != null) {
            try {
                HeadlessReport.renderSweep(result, colour, "Sweep: " + in.scenario().targets() + ", " + in.scenario().start()
                        + ".." + in.scenario().end(), png.resolve("heatmap.png"));
            } catch (Exception e) {
                throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot render " + png.resolve("heatmap.png") + ": " + e.getMessage());
            }
        }
        spec.commandLine().getOut().println(Json.write(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The robust sweep's parameters, or null without --bootstrap (when --block and --seed are refused). */
    private SweepRunner.Bootstrap bootstrap() {
        if (bootstrap == null) {
            String stray = block != null ? "--block" : seed != null ? "--seed" : null;
            if (stray != null) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, stray + " needs --bootstrap J (a robust sweep)");
            }
            return null;
        }
        return new SweepRunner.Bootstrap(bootstrap, block,
                seed == null ? BootstrapStudy.DEFAULT_SEED : RobustnessBootstrapCommand.parseSeed(seed));
    }

    static Metric parseMetric(String name) {
        Metric m = Metric.byPickName(name);
        if (m == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "--metric must be one of "
                    + String.join(", ", new MetricNames()) + "; got '" + name + "'");
        }
        return m;
    }
}
