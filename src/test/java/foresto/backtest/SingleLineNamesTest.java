package foresto.backtest;

import foresto.csv.MarketCsvReader;
import foresto.error.ErrorCode;
import foresto.model.Replace;
import foresto.model.RuleRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule and dataset names are one printable line: a newline or another control character is refused, nothing stored. */
class SingleLineNamesTest {
    static ServiceFixture fx;
    @TempDir
    static Path dir;
    static Path csv;

    private static final String[] BAD = {"two\nlines", "carriage\rreturn", "tab\there", "esc\u001b[31m", "nul\u0000",
        "del\u007f", "trailing newline\n", "line\u2028separator", "para\u2029graph", "bidi\u202eoverride", "zero\u200bwidth", "lone\ud800"};

    @BeforeAll
    static void setUp() throws Exception {
        fx = new ServiceFixture();
        csv = dir.resolve("r.csv");
        Files.writeString(csv, "date,SP500\n2024-01-02,0.01\n2024-01-03,-0.01\n2024-01-04,0.002\n");
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static RuleRecord rule(String name) {
        return new RuleRecord(null, name, "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null,
                new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null);
    }

    @Test
    void ruleNamesWithControlOrSeparatorCharactersAreInvalidRuleAndNotStored() {
        long rules = fx.count("rebalancing_rule");
        RuleService svc = new RuleService(fx.db.dataSource());
        for (String name : BAD) {
            assertThat(ServiceFixture.codeOf(() -> svc.create(rule(name)))).as(name).isEqualTo(ErrorCode.INVALID_RULE);
        }
        assertThat(fx.count("rebalancing_rule")).isEqualTo(rules);
        assertThat(svc.create(rule("Monthly, 10 bp — ÉTÉ 😀")).ruleId()).isNotNull();
    }

    @Test
    void datasetNamesWithControlOrSeparatorCharactersAreInvalidRequestAndNotStored() {
        long datasets = fx.count("market_dataset");
        ImportService svc = new ImportService(fx.db.dataSource());
        for (String name : BAD) {
            assertThat(ServiceFixture.codeOf(() -> svc.importFile(csv, name, Map.of("SP500", "EQUITY"),
                    MarketCsvReader.Kind.RETURNS, Replace.NO))).as(name).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
        assertThat(fx.count("market_dataset")).isEqualTo(datasets);
        assertThat(svc.importFile(csv, "Imported — été 😀", Map.of("SP500", "EQUITY"), MarketCsvReader.Kind.RETURNS, Replace.NO))
                .isNotNull();
        assertThat(fx.count("market_dataset")).isEqualTo(datasets + 1);
    }
}
