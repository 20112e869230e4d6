package foresto.ui.main;

import foresto.backtest.RunView;
import foresto.engine.Metrics;
import foresto.engine.PathStats;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A run says which periods per year its annualised figures assume: Summary, its Sharpe, and the report titles. */
class RunFrequencyTest {
    private static final LocalDate[] MONTH_ENDS = {LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 29),
            LocalDate.of(2020, 3, 31), LocalDate.of(2020, 4, 30), LocalDate.of(2020, 5, 31)};
    private static final double[] VALUES = {100, 103, 99.91, 102.9073, 100.8491};

    private static RunModel model(Integer periodsPerYear) {
        double f = periodsPerYear == null ? 252 : periodsPerYear;
        Metrics off = Metrics.of(MONTH_ENDS, VALUES, 100, List.of(), f);
        RunRequestInfo info = new RunRequestInfo(1, "Balanced 60/40", 2, "US monthly", MONTH_ENDS[0], MONTH_ENDS[4], 100,
                "SKIP", null, null, null);
        RunRecord run = new RunRecord(7, "hash", "{}", info, new RunSummary(off, null, periodsPerYear), null, null);
        StoredPaths paths = new StoredPaths(MONTH_ENDS, VALUES, null, new int[] {0},
                new double[][] {{1, 1, 1, 1, 1}}, null);
        return RunModel.of(RunView.of(run, paths, List.of()), false);
    }

    @Test
    void monthlyDataIsNamedAndAnnualisedWithTwelve() {
        RunModel m = model(12);
        assertThat(m.frequencyText()).isEqualTo("monthly data (f = 12)");
        assertThat(RunCharts.heading(m, "US monthly"))
                .isEqualTo("Balanced 60/40 · rebalancing OFF (buy-and-hold) · 2020-01-31 – 2020-05-31 · US monthly"
                        + " · monthly data (f = 12)");
        String sharpe = m.summaryRows(0).stream().filter(r -> r.metric().startsWith("Sharpe")).findFirst().orElseThrow().off();
        assertThat(sharpe).isEqualTo(String.format(Locale.ROOT, "%.3f", PathStats.sharpe(VALUES, 0, 12)))
                .isNotEqualTo(String.format(Locale.ROOT, "%.3f", PathStats.sharpe(VALUES, 0, 252)));
    }

    @Test
    void aRunStoredBeforeFWasRecordedSaysSoAndDailyTitlesStayAsTheyWere() {
        RunModel old = model(null);
        assertThat(old.frequencyText()).startsWith("daily data (f = 252)").contains("before semantics version 3");
        assertThat(RunCharts.heading(old, "US monthly")).endsWith("2020-05-31 · US monthly");
        assertThat(model(252).frequencyText()).isEqualTo("daily data (f = 252)");
        assertThat(RunCharts.heading(model(252), "X")).endsWith(" · X");
    }
}
