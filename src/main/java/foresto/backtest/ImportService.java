package foresto.backtest;

import foresto.csv.MarketCsvReader;
import foresto.db.MarketDataRepository;
import foresto.engine.PeriodsPerYear;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.Imported;
import foresto.model.Replace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Importing market data: the file is read once, row by row, and its rows are stored in batches as they pass,
 * all in one transaction: any problem (every one reported with its line and column) stores nothing. Memory does
 * not grow with the values, so a file of any size imports in a bounded heap.
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
        MarketCsvReader reader = new MarketCsvReader(columns, kind);
        String source = "imported from " + file.getFileName() + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
        MarketCsvReader.Summary[] read = new MarketCsvReader.Summary[1];
        Imported imported = repo.insertStreamed(datasetName.trim(), replace, rows -> {
            MarketCsvReader.Summary s = reader.stream(file, (date, classes, values) -> {
                for (int k = 0; k < classes.length; k++) {
                    rows.add(date, classes[k], values[k]);
                }
            });
            read[0] = s;
            return new MarketDataRepository.Streamed("Imported " + s.rows() + " rows, " + s.firstDate() + ".."
                    + s.lastDate() + ", columns " + s.columns(), source, s.columns(), s.epochDays());
        });
        return new Described(imported, PeriodsPerYear.of(read[0].dates()), read[0].rows() - 1);
    }
}
