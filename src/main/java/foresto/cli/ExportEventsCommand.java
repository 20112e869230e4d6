package foresto.cli;

import foresto.backtest.Backend;
import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Writes a stored run's events with the same writer and columns as the app's "Export CSV…". */
@Command(name = "export-events", mixinStandardHelpOptions = true,
        description = "Export a stored run's rebalancing events to CSV (UTF-8 with BOM, Excel-safe).")
final class ExportEventsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-id", required = true, paramLabel = "N")
    long runId;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Override
    public Integer call() {
        try (Backend backend = main.startBackend(spec)) {
            List<RebalancingEvent> events = backend.backtests().events(runId);
            EventTable.export(out, events);
            spec.commandLine().getOut().printf("wrote %d events of run %d to %s%n", events.size(), runId, out);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
