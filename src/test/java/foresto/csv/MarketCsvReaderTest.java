package foresto.csv;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MarketCsvReaderTest {
    static final Path REAL = Path.of("../shared/data/qrmdata_returns_daily_1987_2015.csv");
    static final Map<String, String> QRM = Map.of("US_EQUITY_SP500", "EQUITY", "US_TREASURY_10Y", "BOND",
            "CASH_1Y_ACCRUAL", "SHORT_TERM", "OIL_BRENT", "OTHER");

    private static MarketData read(String csv, Map<String, String> mapping, MarketCsvReader.Kind kind) throws Exception {
        return new MarketCsvReader(mapping, kind).read("t.csv", new StringReader(csv));
    }

    private static CsvValidationException fails(String csv) {
        return catchThrowableOfType(CsvValidationException.class, () -> read(csv, Map.of(), MarketCsvReader.Kind.RETURNS));
    }

    @Test
    void readsMappedColumnsBomQuotesAndMissingCells() throws Exception {
        MarketData m = read("\uFEFF\"date\",SPX,BOND,IGNORED\r\n2024-01-02,0.01,,x\r\n2024-01-03,\"-0.02\",0.001,y\r\n",
                Map.of("SPX", "EQUITY", "IGNORED", "-"), MarketCsvReader.Kind.RETURNS);
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.columns()).containsExactly(AssetClass.EQUITY, AssetClass.BOND);
        assertThat(m.returnOf(AssetClass.EQUITY, 1)).isEqualTo(-0.02);
        assertThat(m.returnOf(AssetClass.BOND, 0)).isNaN();
    }

    @Test
    void pricesBecomeCloseToCloseReturnsAcrossGaps() throws Exception {
        MarketData m = read("date,GOLD\n2024-01-02,100\n2024-01-03,\n2024-01-04,110\n", Map.of(), MarketCsvReader.Kind.PRICES);
        assertThat(m.returnOf(AssetClass.GOLD, 0)).isNaN();
        assertThat(m.returnOf(AssetClass.GOLD, 1)).isNaN();
        assertThat(m.returnOf(AssetClass.GOLD, 2)).isEqualTo(110.0 / 100 - 1);
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() {
        CsvValidationException e = fails("date,EQUITY,BOND\n2024-01-02,abc,0\n2024-01-03,0.1\nnot-a-date,0,0\n2024-01-04,NaN,Infinity\n");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CSV);
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column())
                .containsExactly("2:2", "3:0", "4:1", "5:2", "5:3");
    }

    @Test
    void rejectsHeaderProblems() {
        assertThat(fails("day,EQUITY\n2024-01-02,0\n").problems().get(0).column()).isEqualTo(1);
        assertThat(fails("date,EQUITY,EQUITY\n2024-01-02,0,0\n").getMessage()).contains("two columns");
        assertThat(fails("").getMessage()).contains("empty");
        assertThat(fails("date,EQUITY\n").getMessage()).contains("no data rows");
        assertThat(fails("date,EQUITY\n2024-01-02,\"0.1\n").getMessage()).contains("quote");
    }

    @Test
    void stopsListingAfterTheLimit() {
        StringBuilder sb = new StringBuilder("date,EQUITY\n");
        for (int i = 0; i < 200; i++) {
            sb.append("2024-01-02,bad\n");
        }
        CsvValidationException e = fails(sb.toString());
        assertThat(e.problems()).hasSize(MarketCsvReader.MAX_PROBLEMS);
        assertThat(e.getMessage()).contains("further problems not listed");
    }

    static boolean realDataPresent() {
        return Files.isRegularFile(REAL);
    }

    @Test
    @EnabledIf("realDataPresent")
    void readsTheRealReturnsFileWhenPresent() {
        MarketData m = new MarketCsvReader(QRM, MarketCsvReader.Kind.RETURNS).read(REAL);
        assertThat(m.size()).isEqualTo(7212);
        assertThat(m.columns()).hasSize(5);
        int crash = Arrays.asList(datesOf(m)).indexOf(LocalDate.of(1987, 10, 19));
        assertThat(m.returnOf(AssetClass.EQUITY, crash)).isCloseTo(-0.2047, Assertions.within(0.0001));
    }

    private static LocalDate[] datesOf(MarketData m) {
        LocalDate[] d = new LocalDate[m.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = m.date(i);
        }
        return d;
    }
}
