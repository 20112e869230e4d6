package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.Backend;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.ResultJson;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    RunOptions options;
    @Option(names = "--events", description = "include the ON path's events")
    boolean withEvents;

    @Override
    public Integer call() {
        options.validate(main.config());
        try (Backend backend = main.startBackend(spec)) {
            // the run as shown: a new run's paths as just stored, a reused run's as stored (its window, not recomputed)
            BacktestService.Shown shown = backend.backtests().runAndShow(options.request(backend), new Cancellation());
            BacktestResult r = shown.result();
            ObjectNode out = ResultJson.backtest(r, shown.view().paths().dates());
            if (withEvents) {
                out.set("events", ResultJson.events(backend.backtests().events(r.runId())));
            }
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
