package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Backend;
import foresto.backtest.BacktestResult;
import foresto.backtest.ResultJson;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Runs a backtest through BacktestService (stored, reused by hash) and prints one JSON object. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a stored backtest on the database (reuses an identical earlier run), optionally with "
                + "contributions or withdrawals.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;
    @Mixin
    RunOptions options;
    @Option(names = "--events", description = "include the ON path's events")
    boolean withEvents;

    @Override
    public Integer call() {
        options.validate(main.config());
        try (Backend backend = main.startBackend(spec)) {
            BacktestResult r = backend.backtests().run(options.request(backend));
            // the window it used, from its stored paths (not recomputed)
            // and, with a flow schedule, each side's flows as stored with the run
            ObjectNode out = ResultJson.backtest(r, backend.backtests().paths(r.runId()).dates(),
                    backend.backtests().cashFlows(r.runId()).orElse(null));
            if (withEvents) {
                out.set("events", ResultJson.events(backend.backtests().events(r.runId())));
            }
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
