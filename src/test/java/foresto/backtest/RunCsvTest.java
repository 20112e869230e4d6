package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.Metrics;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RunCsvTest {
    private static final LocalDate[] DATES = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3), LocalDate.of(2021, 1, 4)};
    private static final int[] HELD = {AssetClass.EQUITY.ordinal(), AssetClass.BOND.ordinal()};

    private static StoredPaths withOn() {
        return new StoredPaths(DATES, new double[] {1000, 1010.5, 1100}, new double[] {1000, 1011.25, 1150.125}, HELD,
                new double[][] {{0.6, 0.61, 0.7}, {0.4, 0.39, 0.3}}, new double[][] {{0.6, 0.605, 0.6}, {0.4, 0.395, 0.4}});
    }

    private static StoredPaths offOnly() {
        return new StoredPaths(DATES, new double[] {1000, 1010.5, 1100}, null, HELD,
                new double[][] {{0.6, 0.61, 0.7}, {0.4, 0.39, 0.3}}, null);
    }

    @Test
    void dailyValuesHaveOneRowPerCloseWithBothValuesAndEachClassWeightOnBothPaths(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("daily.csv");
        assertThat(RunCsv.writeDaily(file, withOn())).isEqualTo(3);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFF"
                + "date,on_value,off_value,on_weight_EQUITY,off_weight_EQUITY,on_weight_BOND,off_weight_BOND\r\n"
                + "2020-01-02,1000,1000,0.6,0.6,0.4,0.4\r\n"
                + "2020-01-03,1011.25,1010.5,0.605,0.61,0.395,0.39\r\n"
                + "2021-01-04,1150.125,1100,0.6,0.7,0.4,0.3\r\n");
    }

    @Test
    void aRunWithoutOnKeepsTheColumnsWithItsOnCellsEmpty() {
        assertThat(RunCsv.dailyHeader(offOnly())).isEqualTo(RunCsv.dailyHeader(withOn()));
        assertThat(RunCsv.dailyRows(offOnly()).get(1)).containsExactly("2020-01-03", "", "1010.5", "", "0.61", "", "0.39");
    }

    @Test
    void summaryHasEveryMetricKeyWithOnOffAndTheDifferenceAsPlainDecimals() {
        Metrics on = new Metrics(1150.125, 0.150125, 0.14, 0.1, 0.05, 3, 0.25, 1.5);
        Metrics off = new Metrics(1100, 0.1, 0.09, 0.12, 0.08, 0, 0, 0);
        List<List<String>> rows = RunCsv.summaryRows(new RunSummary(off, on, 252), withOn(), 0.03);
        Map<String, List<String>> byKey = rows.stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(rows.stream().map(r -> r.get(0)).toList()).containsExactly("final_value", "total_return", "cagr",
                "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost", "sharpe", "sortino",
                "turnover_per_year", "risk_free_rate");
        assertThat(byKey.get("final_value")).containsExactly("final_value", "1100", "1150.125", "50.125");
        assertThat(byKey.get("event_count")).containsExactly("event_count", "0", "3", "3");
        assertThat(byKey.get("total_cost")).containsExactly("total_cost", "0", "1.5", "1.5");
        assertThat(byKey.get("risk_free_rate")).containsExactly("risk_free_rate", "0.03", "0.03", "");
        // 0.25 turned over in 368 days: 0.25 / (368 / 365.25) per year
        assertThat(Double.parseDouble(byKey.get("turnover_per_year").get(2))).isEqualTo(0.25 / (368 / 365.25));
        assertThat(RunCsv.summaryHeader()).containsExactly("metric", "off", "on", "difference");
    }

    @Test
    void anOffOnlySummaryLeavesOnAndTheDifferenceEmpty() {
        Metrics off = new Metrics(1100, 0.1, 0.09, 0.12, 0.08, 0, 0, 0);
        List<List<String>> rows = RunCsv.summaryRows(new RunSummary(off, null, 252), offOnly(), 0);
        assertThat(rows.get(0)).containsExactly("final_value", "1100", "", "");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(4));
        assertThat(rows.stream().filter(r -> r.get(0).equals("turnover_per_year")).findFirst().orElseThrow())
                .containsExactly("turnover_per_year", "", "", "");
    }
}
