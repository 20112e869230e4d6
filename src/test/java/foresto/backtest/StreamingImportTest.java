package foresto.backtest;

import foresto.csv.CsvValidationException;
import foresto.csv.MarketCsvReader;
import foresto.db.MarketDataRepository;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.model.Imported;
import foresto.model.Replace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An import is stored row by row as the file is read, in one transaction: what is stored (fingerprint included)
 * is what reading the whole file gives, and a problem anywhere, even after many batches went in, stores nothing.
 */
class StreamingImportTest {
    static ServiceFixture fx;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    /** {@code rows} daily rows of three columns, a few values missing; {@code tail} is appended as is. */
    private static Path csv(String name, int rows, boolean prices, String tail) throws IOException {
        StringBuilder b = new StringBuilder("date,EQUITY,BOND,GOLD\n");
        LocalDate d = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < rows; i++) {
            double a = prices ? 100 + (i % 97) * 0.37 : ((i * 7919) % 2001 - 1000) / 1e5;
            double g = prices ? 50 + (i % 13) * 1.1 : ((i * 104729) % 3001 - 1500) / 3e5;
            b.append(d.plusDays(i)).append(',').append(a).append(',')
                    .append(i % 11 == 3 ? "" : String.format(Locale.ROOT, "%.6f", g / 2)).append(',').append(g).append('\n');
        }
        b.append(tail);
        Path f = dir.resolve(name);
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertInvalid(Runnable importing, String problem) {
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, importing::run);
        assertThat(e).as("expected the file refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CSV);
        assertThat(e.getMessage()).isEqualTo(problem);
    }

    @Test
    void whatIsStoredIsWhatReadingTheWholeFileGivesBitForBit() throws IOException {
        ImportService svc = new ImportService(fx.db.dataSource());
        MarketDataRepository repo = new MarketDataRepository(fx.db.dataSource());
        for (MarketCsvReader.Kind kind : MarketCsvReader.Kind.values()) {
            Path f = csv("whole-" + kind + ".csv", 12_345, kind == MarketCsvReader.Kind.PRICES, "");
            MarketData whole = new MarketCsvReader(Map.of(), kind).read(f);
            ImportService.Described d = svc.importDescribed(f, "streamed " + kind, Map.of(), kind, Replace.NO);
            Imported imported = d.imported();
            assertThat(imported.dataset().fingerprint()).as(kind.name()).isEqualTo(whole.fingerprint());
            assertThat(repo.load(imported.dataset().datasetId()).fingerprint()).isEqualTo(whole.fingerprint());
            assertThat(imported.dataset().rowCount()).isEqualTo(12_345);
            assertThat(imported.dataset().firstDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(imported.dataset().lastDate()).isEqualTo(LocalDate.of(1990, 1, 1).plusDays(12_344));
            assertThat(imported.dataset().description()).isEqualTo("Imported 12345 rows, 1990-01-01.."
                    + LocalDate.of(1990, 1, 1).plusDays(12_344) + ", columns [EQUITY, BOND, GOLD]");
            assertThat(d.detected()).isEqualTo("daily, 12,344 returns");
        }
    }

    @Test
    void aProblemAfterManyBatchesStoresNothingAndIsReportedWithItsLine() throws IOException {
        ImportService svc = new ImportService(fx.db.dataSource());
        long datasets = fx.count("market_dataset");
        long returns = fx.count("market_return");
        // 20,000 rows × 3 columns went to the database in batches before line 20,002 is read
        Path f = csv("late-problem.csv", 20_000, false, "2050-01-01,0.01,x,0\n");
        assertInvalid(() -> svc.importFile(f, "late problem", Map.of(), MarketCsvReader.Kind.RETURNS,
                Replace.NO), f + ":20002:3: not a number: 'x'");
        assertThat(fx.count("market_dataset")).isEqualTo(datasets);
        assertThat(fx.count("market_return")).isEqualTo(returns);
    }

    @Test
    void aBadFileUnderANameInUseIsReportedAsABadFileAndLeavesTheOldDataset() throws IOException {
        ImportService svc = new ImportService(fx.db.dataSource());
        Path good = csv("good.csv", 30, false, "");
        Imported first = svc.importFile(good, "in use", Map.of(), MarketCsvReader.Kind.RETURNS, Replace.NO);
        Path bad = csv("bad.csv", 30, false, "1990-01-05,0,0,0\n");
        assertInvalid(() -> svc.importFile(bad, "in use", Map.of(), MarketCsvReader.Kind.RETURNS,
                Replace.NO), bad + ":32:1: duplicate date 1990-01-05 (first on line 6)");
        assertThat(ServiceFixture.codeOf(() -> svc.importFile(good, "in use", Map.of(), MarketCsvReader.Kind.RETURNS,
                Replace.NO))).isEqualTo(ErrorCode.DATASET_EXISTS);
        assertInvalid(() -> svc.importFile(bad, "in use", Map.of(), MarketCsvReader.Kind.RETURNS,
                Replace.FORCE), bad + ":32:1: duplicate date 1990-01-05 (first on line 6)");
        assertThat(new MarketDataRepository(fx.db.dataSource()).findByName("in use")).get()
                .isEqualTo(first.dataset());
    }
}
