package foresto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real monthly data (US stocks and 10-year Treasuries, 1926–2009, {@code ../shared/data}, read in place and never
 * copied): the lab now annualises it with f = 12. Skipped where the shared data folder is absent.
 */
class MonthlyDataTest {
    private static final Path FILE = Path.of("..", "shared", "data", "us_stocks_bonds_monthly_1926_2009.csv");
    private static final String COLS = "STOCKS=EQUITY,BONDS=BOND";

    private static JsonNode simulate(String... extra) throws Exception {
        String[] base = {"simulate", "--returns", FILE.toString(), "--columns", COLS};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRunner.Result r = CliRunner.on(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    /**
     * Each series alone matches the volatility its README publishes (computed there independently, √12 × monthly
     * sample std): stocks 18.92 %, bonds 5.37 %; a 60/40 portfolio rebalanced every month end lands near Vanguard's
     * published 12.1 % (their bonds differ), where √252 gave 45.8 %.
     */
    @Test
    void sixtyFortyMonthlyHasAPlausibleVolatility() throws Exception {
        assumeTrue(Files.isRegularFile(FILE), "no shared data folder here");
        JsonNode stocks = simulate("--weights", "EQUITY=1");
        assertThat(stocks.get("periods_per_year").asInt()).isEqualTo(12);
        assertThat(stocks.get("frequency").asText()).isEqualTo("monthly");
        assertThat(stocks.get("off").get("volatility").asDouble()).isCloseTo(0.1892, within(0.00005));
        JsonNode bonds = simulate("--weights", "BOND=1");
        assertThat(bonds.get("off").get("volatility").asDouble()).isCloseTo(0.0537, within(0.00005));

        JsonNode sixtyForty = simulate("--weights", "EQUITY=0.6,BOND=0.4", "--rule", "monthly", "--base-day", "last",
                "--cost-rate", "0");
        assertThat(sixtyForty.get("periods_per_year").asInt()).isEqualTo(12);
        double vol = sixtyForty.get("on").get("volatility").asDouble();
        assertThat(vol).isBetween(0.10, 0.15);
        assertThat(sixtyForty.get("on").get("event_count").asInt()).isBetween(1000, 1008);
    }
}
