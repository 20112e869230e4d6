package foresto.cli;

import foresto.csv.MarketCsvReader;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Scenario;
import foresto.engine.Weights;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;

/** The DB-free scenario of {@code simulate} and {@code sweep}: a returns file, weights, window, value, policy. */
final class FileScenarioOptions {
    @Option(names = "--returns", required = true, paramLabel = "FILE.csv",
            description = "daily returns: header date,<col>,...; one row per date ascending; empty cell = missing")
    Path returns;

    @Option(names = "--weights", required = true, paramLabel = "CODE=W,...",
            description = "target weights, e.g. EQUITY=0.6,BOND=0.3,SHORT_TERM=0.1 (sum 1)")
    String weights;

    @Option(names = "--columns", paramLabel = "SRC=CODE,...", description = "map CSV headers to asset classes (SRC=- ignores a column)")
    String columns;

    @Option(names = "--missing", paramLabel = "skip|zero", defaultValue = "skip", description = "missing-data policy (default skip)")
    String missing;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "first date (default: the file's first)")
    String start;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "last date (default: the file's last)")
    String end;

    @Option(names = "--initial-value", defaultValue = "1", paramLabel = "V", description = "initial value (default 1)")
    double initialValue;

    /** The market data and the scenario on it; every input error has its code. */
    Loaded load() {
        Weights w = SimulateCommand.parseWeights(weights);
        MissingDataPolicy policy = MissingDataPolicy.parse(missing);
        MarketData data = new MarketCsvReader(MarketCsvReader.parseMapping(columns), MarketCsvReader.Kind.RETURNS).read(returns);
        LocalDate s = start == null ? data.firstDate() : SimulateCommand.parseDate("--start", start);
        LocalDate e = end == null ? data.lastDate() : SimulateCommand.parseDate("--end", end);
        return new Loaded(data, new Scenario(w, s, e, initialValue, policy));
    }

    record Loaded(MarketData data, Scenario scenario) {
    }
}
