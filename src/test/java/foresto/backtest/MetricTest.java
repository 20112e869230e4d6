package foresto.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Scenario;
import foresto.engine.Weights;
import foresto.json.Json;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list of metrics gives every face exactly the names, keys and texts the faces wrote before it existed
 * (the literals below are those of the release before it), and every component of {@link Metrics} is on it.
 */
class MetricTest {
    @Test
    void theSweepColumnsAreTheReleasedOnes() {
        assertThat(SweepRunner.COLUMNS).containsExactly("rule", "cost_rate", "check", "rebalance_to", "final_value",
                "total_return", "cagr", "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost",
                "turnover_per_year", "tracking_error", "cost_drag", "break_even_cost_rate");
    }

    @Test
    void theSummaryTheTableAndTheHeatmapNameTheReleasedMetrics() {
        assertThat(Metric.summary()).extracting(Metric::label).containsExactly("Final value", "Total return", "CAGR",
                "Volatility (ann.)", "Max drawdown", "Events", "Total turnover", "Total cost", "Sharpe", "Sortino",
                "Turnover / year");
        assertThat(Metric.sweepTable()).extracting(Metric::title).containsExactly("Final value", "CAGR", "Volatility",
                "Max drawdown", "Events", "Turnover / year", "Tracking error", "Cost drag", "Break-even cost rate");
        assertThat(Metric.heatmap()).extracting(Metric::title).containsExactly("Final value", "CAGR", "Volatility",
                "Max drawdown", "Events", "Turnover / year", "Total cost", "Tracking error");
        assertThat(Metric.heatmap()).extracting(Metric::pickName).containsExactly("final_value", "cagr", "volatility",
                "max_drawdown", "events", "turnover_per_year", "cost", "tracking_error");
        assertThat(Metric.heatmap()).filteredOn(Metric::higherIsBetter).containsExactly(Metric.FINAL_VALUE, Metric.CAGR);
        assertThat(Metric.byPickName(" Tracking_Error")).isEqualTo(Metric.TRACKING_ERROR);
        assertThat(Metric.byPickName("total_return")).isNull();
    }

    /** A component added to {@link Metrics} without its line in {@link Metric} fails here. */
    @Test
    void everyComponentOfMetricsIsAStoredMetricUnderItsJsonKeyInOrder() {
        List<String> components = Arrays.stream(Metrics.class.getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();
        assertThat(Metric.stored()).extracting(Metric::key).containsExactlyElementsOf(components);
        ObjectNode written = Json.mapper().valueToTree(new Metrics(1.5, 0.5, 0.1, 0.2, 0.3, 4, 0.6, 0.7));
        assertThat(Json.write(ResultJson.metrics(new Metrics(1.5, 0.5, 0.1, 0.2, 0.3, 4, 0.6, 0.7))))
                .isEqualTo(Json.write(written))
                .isEqualTo("{\"final_value\":1.5,\"total_return\":0.5,\"cagr\":0.1,\"volatility\":0.2,\"max_drawdown\":0.3,"
                        + "\"event_count\":4,\"total_turnover\":0.6,\"total_cost\":0.7}");
    }

    @Test
    void aMetricAStoredRunPredatesIsNullInJsonAndADashInTheSummary() {
        Metrics older = new Metrics(1.5, 0.5, 0.1, Double.NaN, 0.3, 4, 0.6, 0.7);
        assertThat(Json.write(ResultJson.metrics(older))).contains("\"volatility\":null");
        assertThat(Metric.VOLATILITY.summaryText(older.volatility())).isEqualTo("—");
        assertThat(Metric.VOLATILITY.summaryDifference(0.1, older.volatility())).isEqualTo("—");
    }

    @Test
    void theTextsAreTheReleasedFormats() {
        assertThat(Metric.FINAL_VALUE.format(1234.5)).isEqualTo("1,235");
        assertThat(Metric.FINAL_VALUE.format(12.345678)).isEqualTo("12.3457");
        assertThat(Metric.CAGR.format(0.012345)).isEqualTo("1.23 %");
        assertThat(Metric.TRACKING_ERROR.format(0.012345)).isEqualTo("1.235 %");
        assertThat(Metric.EVENT_COUNT.format(1234)).isEqualTo("1234");
        assertThat(Metric.BREAK_EVEN_COST_RATE.format(0.0012345678)).isEqualTo("0.00123");
        assertThat(Metric.BREAK_EVEN_COST_RATE.format(Double.NaN)).isEqualTo("none");
        assertThat(Metric.FINAL_VALUE.summaryText(1234.5)).isEqualTo("1,234.5000");
        assertThat(Metric.EVENT_COUNT.summaryText(1234)).isEqualTo("1,234");
        assertThat(Metric.EVENT_COUNT.summaryDifference(1234, 0)).isEqualTo("+1,234");
        assertThat(Metric.CAGR.summaryText(0.012345)).isEqualTo("1.23%");
        assertThat(Metric.CAGR.summaryDifference(0.02, 0.01)).isEqualTo("+1.00%p");
        assertThat(Metric.SHARPE.summaryText(0.31649)).isEqualTo("0.316");
        assertThat(Metric.SHARPE.summaryDifference(0.5, Double.NaN)).isEqualTo("—");
        assertThat(Metric.EVENT_COUNT.boxed(27)).isEqualTo(27);
        assertThat(Metric.BREAK_EVEN_COST_RATE.boxed(Double.NaN)).isNull();
    }

    /** Turnover per year is computed once: the Summary's value of a path is the sweep cell's, bit for bit. */
    @Test
    void turnoverPerYearIsTheSameInTheSweepAndTheSummary() {
        MarketData data = SyntheticMarket.generate(LocalDate.of(2015, 1, 2), LocalDate.of(2017, 12, 29), 5);
        Scenario scenario = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4)), data.firstDate(),
                data.lastDate(), 100, MissingDataPolicy.SKIP);
        SweepRunner.Result r = SweepRunner.run(data, scenario, SweepRunner.rules(List.of("monthly", "drift:0.02"), "first",
                null, null), List.of(0.0, 0.002), n -> { }, () -> false);
        double years = Metrics.years(data.firstDate(), data.lastDate());
        assertThat(years).isGreaterThan(2.9);
        for (SweepRunner.Row row : r.rows()) {
            assertThat(row.turnoverPerYear()).isPositive()
                    .isEqualTo(Metric.TURNOVER_PER_YEAR.of(new Metric.Side(row.metrics(), null, years, 0)))
                    .isEqualTo(Metric.TURNOVER_PER_YEAR.of(row));
        }
    }

    @Test
    void aValueOrDifferenceThatRoundsToZeroHasNoMinus() {
        assertThat(Metric.CAGR.summaryDifference(0.05, 0.05000001)).isEqualTo("0.00%p");
        assertThat(Metric.CAGR.summaryDifference(0.05000001, 0.05)).isEqualTo("0.00%p");
        assertThat(Metric.CAGR.summaryDifference(0.05, 0.0501)).isEqualTo("-0.01%p");
        assertThat(Metric.FINAL_VALUE.summaryDifference(100, 100.00001)).isEqualTo("0.0000");
        assertThat(Metric.SHARPE.summaryDifference(0.1, 0.1001)).isEqualTo("0.000");
        assertThat(Metric.CAGR.summaryText(-0.0000001)).isEqualTo("0.00%");
        assertThat(Metric.CAGR.format(-0.0000001)).isEqualTo("0.00 %");
        assertThat(Metric.FINAL_VALUE.format(-0.000001)).isEqualTo("0.0000");
    }
}
