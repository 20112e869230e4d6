package foresto.cli;

import foresto.backtest.Backend;
import foresto.csv.MarketCsvReader;
import foresto.model.DatasetRecord;
import foresto.model.Replace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Imports a market-data CSV as a dataset: validated first, then all rows in one transaction or none. */
@Command(name = "import-returns", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Import daily returns (or prices) from a CSV file into a named dataset.")
final class ImportReturnsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;
    @Option(names = "--dataset", required = true, paramLabel = "NAME")
    String dataset;
    @Option(names = "--columns", paramLabel = "SRC=CODE,...", description = "map CSV headers to asset classes (SRC=- ignores a column)")
    String columns;
    @Option(names = "--kind", paramLabel = "returns|prices", defaultValue = "returns")
    String kind;
    @Option(names = "--replace", description = "replace an existing dataset of that name (refused when runs use it, unless --force)")
    boolean replace;
    @Option(names = "--force", description = "with --replace: also delete the stored runs of the replaced dataset")
    boolean force;

    @Override
    public Integer call() {
        MarketCsvReader.Kind k = MarketCsvReader.Kind.parse(kind);
        var mapping = MarketCsvReader.parseMapping(columns);
        try (Backend backend = main.startBackend(spec)) {
            long t0 = System.nanoTime(); // the import itself: read, validate, store
            var described = backend.imports().importDescribed(file, dataset, mapping, k, !replace ? Replace.NO
                    : force ? Replace.FORCE : Replace.UNLESS_RUNS);
            var imported = described.imported();
            DatasetRecord d = imported.dataset();
            spec.commandLine().getOut().printf("imported dataset '%s' (id %d): %,d rows %s..%s (%s), fingerprint %s, %.0f ms%s%n",
                    d.name(), d.datasetId(), d.rowCount(), d.firstDate(), d.lastDate(), described.detected(),
                    d.fingerprint().substring(0, 12),
                    (System.nanoTime() - t0) / 1e6, imported.deletedRuns() == 0 ? ""
                            : "; deleted " + imported.deletedRuns() + " stored runs of the replaced data");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
