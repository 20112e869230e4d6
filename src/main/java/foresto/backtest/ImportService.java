package foresto.backtest;

import foresto.csv.MarketCsvReader;
import foresto.db.MarketDataRepository;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.Imported;
import foresto.model.Replace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Importing market data: validate the whole file first (every problem with its line and column), then
 * store all of it in one transaction, or nothing.
 */
public final class ImportService {
    private final MarketDataRepository repo;

    public ImportService(DataSource ds) {
        this.repo = new MarketDataRepository(ds);
    }

    public Imported importFile(Path file, String datasetName, Map<String, String> columns,
                                                    MarketCsvReader.Kind kind, Replace replace) {
        if (datasetName == null || datasetName.isBlank() || datasetName.length() > 100) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "the dataset name must be 1 to 100 characters");
        }
        MarketData data = new MarketCsvReader(columns, kind).read(file);
        String source = "imported from " + file.getFileName() + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
        return repo.insert(datasetName.trim(), "Imported " + data.size() + " rows, " + data.firstDate() + ".."
                + data.lastDate() + ", columns " + data.columns(), source, false, data, replace);
    }
}
