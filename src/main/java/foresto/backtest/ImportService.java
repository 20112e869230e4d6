package foresto.backtest;

import foresto.csv.MarketCsvReader;
import foresto.db.MarketDataRepository;
import foresto.engine.MarketData;
import foresto.engine.PeriodsPerYear;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.Imported;
import foresto.model.Replace;

import java.nio.file.Path;
import java.time.LocalDate;
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

    /**
     * An import and what was detected in it: the data's frequency (SEMANTICS §5, from all its dates) and its number of
     * returns, the rows after the first (the first row is the purchase date, whose return is never applied).
     */
    public record Described(Imported imported, PeriodsPerYear frequency, int returns) {
        /** "monthly, 1,008 returns". */
        public String detected() {
            return detected(frequency, returns);
        }

        public static String detected(PeriodsPerYear frequency, int returns) {
            return String.format(Locale.ROOT, "%s, %,d return%s", frequency.frequency(), returns, returns == 1 ? "" : "s");
        }
    }

    public Imported importFile(Path file, String datasetName, Map<String, String> columns,
                                                    MarketCsvReader.Kind kind, Replace replace) {
        return importDescribed(file, datasetName, columns, kind, replace).imported();
    }

    /** As {@link #importFile}, with the frequency and the number of returns it detected. */
    public Described importDescribed(Path file, String datasetName, Map<String, String> columns,
                                     MarketCsvReader.Kind kind, Replace replace) {
        if (datasetName == null || datasetName.isBlank() || datasetName.length() > 100) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "the dataset name must be 1 to 100 characters");
        }
        if (!Names.isSingleLinePrintable(datasetName)) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST,
                    "the dataset name must be one printable line (no newline or other control character)");
        }
        MarketData data = new MarketCsvReader(columns, kind).read(file);
        String source = "imported from " + file.getFileName() + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
        Imported imported = repo.insert(datasetName.trim(), "Imported " + data.size() + " rows, " + data.firstDate() + ".."
                + data.lastDate() + ", columns " + data.columns(), source, false, data, replace);
        LocalDate[] dates = new LocalDate[data.size()];
        for (int k = 0; k < dates.length; k++) {
            dates[k] = data.date(k);
        }
        return new Described(imported, PeriodsPerYear.of(dates), data.size() - 1);
    }
}
