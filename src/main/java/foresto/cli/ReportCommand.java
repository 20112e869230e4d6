package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Backend;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.ResultJson;
import foresto.csv.EventTable;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.ui.HeadlessReport;
import foresto.ui.main.RunModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The headless report: value and drift charts as PNG, the events CSV and a summary JSON, no display needed. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run (or reuse) a backtest and write value.png, drift.png, events.csv and summary.json, without a display.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--portfolio", required = true, paramLabel = "NAME_OR_ID")
    String portfolio;
    @Option(names = "--rule", paramLabel = "NAME_OR_ID")
    String rule;
    @Option(names = "--start", paramLabel = "YYYY-MM-DD")
    String start;
    @Option(names = "--end", paramLabel = "YYYY-MM-DD")
    String end;
    @Option(names = "--dataset", paramLabel = "NAME_OR_ID")
    String dataset;
    @Option(names = "--initial-value", paramLabel = "V", defaultValue = "1")
    double initialValue;
    @Option(names = "--missing", paramLabel = "skip|zero", defaultValue = "skip")
    String missing;
    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws Exception {
        HeadlessReport.useHeadlessPlatform();
        if (rule != null) {
            FeatureFlags.from(main.config()).requireRebalancingAllowed("--rule");
        }
        MissingDataPolicy policy = MissingDataPolicy.parse(missing);
        java.time.LocalDate s = start == null ? null : SimulateCommand.parseDate("--start", start);
        java.time.LocalDate e = end == null ? null : SimulateCommand.parseDate("--end", end);
        try (Backend backend = Backend.start(main.config(), msg -> spec.commandLine().getErr().println("… " + msg))) {
            BacktestService svc = backend.backtests();
            Long ruleId = rule == null ? null : Lookup.rule(backend.rules().all(), rule);
            Long datasetId = dataset == null ? null : Lookup.dataset(svc, dataset);
            BacktestResult r = svc.run(new BacktestRequest(Lookup.portfolio(svc, portfolio), datasetId, s, e, initialValue,
                    policy, ruleId));
            RunModel model = RunModel.of(svc.open(r.runId()), r.reused());
            try {
                Files.createDirectories(out);
            } catch (java.io.IOException io) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "cannot create " + out + ": " + io.getMessage());
            }
            EventTable.export(out.resolve("events.csv"), model.events());
            ObjectNode summary = ResultJson.backtest(r);
            Files.writeString(out.resolve("summary.json"), Json.writePretty(summary) + "\n");
            HeadlessReport.render(model, out.resolve("value.png"), out.resolve("drift.png"));
            spec.commandLine().getOut().printf("run #%d (%s): wrote value.png, drift.png, events.csv (%d events), summary.json to %s%n",
                    r.runId(), r.reused() ? "reused" : "new", model.events().size(), out);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
