package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Backend;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.ResultJson;
import foresto.engine.MissingDataPolicy;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Runs a backtest through BacktestService (stored, reused by hash) and prints one JSON object. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a stored backtest on the database (reuses an identical earlier run).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--portfolio", required = true, paramLabel = "NAME_OR_ID")
    String portfolio;
    @Option(names = "--rule", paramLabel = "NAME_OR_ID", description = "rebalancing rule (needs USE_REBALANCING=1)")
    String rule;
    @Option(names = "--start", paramLabel = "YYYY-MM-DD")
    String start;
    @Option(names = "--end", paramLabel = "YYYY-MM-DD")
    String end;
    @Option(names = "--initial-value", paramLabel = "V", defaultValue = "1")
    double initialValue;
    @Option(names = "--missing", paramLabel = "skip|zero", defaultValue = "skip")
    String missing;
    @Option(names = "--dataset", paramLabel = "NAME_OR_ID", description = "market dataset (default: the sample dataset)")
    String dataset;
    @Option(names = "--events", description = "include the ON path's events")
    boolean withEvents;

    @Override
    public Integer call() {
        if (rule != null) {
            foresto.backtest.FeatureFlags.from(main.config()).requireRebalancingAllowed("--rule");
        }
        MissingDataPolicy policy = MissingDataPolicy.parse(missing);
        java.time.LocalDate s = start == null ? null : SimulateCommand.parseDate("--start", start);
        java.time.LocalDate e = end == null ? null : SimulateCommand.parseDate("--end", end);
        try (Backend backend = Backend.start(main.config(), msg -> spec.commandLine().getErr().println("… " + msg))) {
            BacktestService svc = backend.backtests();
            Long ruleId = rule == null ? null : Lookup.rule(backend.rules().all(), rule);
            Long datasetId = dataset == null ? null : Lookup.dataset(svc, dataset);
            BacktestResult r = svc.run(new BacktestRequest(Lookup.portfolio(svc, portfolio), datasetId, s, e,
                    initialValue, policy, ruleId));
            ObjectNode out = ResultJson.backtest(r);
            if (withEvents) {
                out.set("events", ResultJson.events(svc.events(r.runId())));
            }
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
