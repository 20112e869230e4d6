package foresto.cli;

import foresto.backtest.Backend;
import foresto.csv.ReturnsTable;
import foresto.model.DatasetRecord;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes a stored dataset as a returns CSV (e.g. the sample data, for {@code simulate} and {@code sweep}). */
@Command(name = "export-returns", mixinStandardHelpOptions = true,
        description = "Export a stored dataset as a returns CSV that simulate, sweep and import-returns read back exactly.")
final class ExportReturnsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME_OR_ID", description = "the dataset (default: the sample dataset)")
    String dataset;
    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Override
    public Integer call() {
        try (Backend backend = main.startBackend(spec)) {
            var svc = backend.backtests();
            long id = dataset == null ? svc.datasets().stream().findFirst().map(DatasetRecord::datasetId)
                    .orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, "there is no dataset"))
                    : Lookup.dataset(svc, dataset);
            DatasetRecord d = svc.datasets().stream().filter(x -> x.datasetId() == id).findFirst()
                    .orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, "no dataset with id " + id));
            MarketData data = svc.marketData(d);
            ReturnsTable.write(out, data);
            spec.commandLine().getOut().printf("wrote dataset '%s' (%s): %,d rows %s..%s, columns %s to %s%n", d.name(),
                    d.synthetic() ? "SYNTHETIC" : "imported", data.size(), data.firstDate(), data.lastDate(), data.columns(), out);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
