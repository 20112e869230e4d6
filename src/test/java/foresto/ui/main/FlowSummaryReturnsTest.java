package foresto.ui.main;

import foresto.backtest.RunCsv;
import foresto.backtest.RunView;
import foresto.engine.CashFlow;
import foresto.engine.Metrics;
import foresto.engine.PathStats;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.SideFlows;
import foresto.model.StoredPaths;
import foresto.text.DisplayNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * With cash flows the Summary on screen takes Sharpe, Sortino and the calendar years on the time-weighted index, as
 * the Summary CSV does: a contribution is not a return.
 */
class FlowSummaryReturnsTest {
    private static final LocalDate[] DATES = {LocalDate.of(2020, 10, 30), LocalDate.of(2020, 11, 30),
            LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 29), LocalDate.of(2021, 2, 26), LocalDate.of(2021, 3, 31)};
    // month-end values with a contribution of 50 on 2020-11-30 and on 2021-01-29 (after that day's return)
    private static final double[] VALUES = {100, 152, 149.5, 205.0, 203.1, 208.4};

    private static RunModel model() {
        List<CashFlow> flows = List.of(new CashFlow(DATES[1], 50, Map.of()), new CashFlow(DATES[3], 50, Map.of()));
        SideFlows side = new SideFlows(flows, 100, 0, 100, null, 0, 0, null);
        Metrics off = Metrics.of(DATES, VALUES, 100, List.of(), 12);
        RunRequestInfo info = new RunRequestInfo(1, "Balanced 60/40", 2, "US monthly", DATES[0], DATES[5], 100,
                "SKIP", null, null, null);
        RunRecord run = new RunRecord(7, "hash", "{}", info, new RunSummary(off, null, 12), null, null);
        StoredPaths paths = new StoredPaths(DATES, VALUES, null, new int[] {0}, new double[][] {{1, 1, 1, 1, 1, 1}}, null);
        return RunModel.of(RunView.of(run, paths, List.of(), new RunFlows(side, null)), false);
    }

    private static String screen(RunModel m, String metric) {
        return m.summaryRows(0).stream().filter(r -> r.metric().startsWith(metric)).findFirst().orElseThrow().off();
    }

    private static String csv(RunModel m, String key) {
        return RunCsv.summaryRows(m.run().summary(), m.paths().forReturns(m.flows()), 0).stream()
                .filter(r -> r.get(0).equals(key)).findFirst().orElseThrow().get(1); // key, OFF, ON, ON − OFF
    }

    @Test
    void sharpeAndSortinoOnScreenAreTakenOnTheTimeWeightedIndexLikeTheCsv() {
        RunModel m = model();
        double[] twr = PathStats.timeWeighted(DATES, VALUES, m.flows().off().flows());
        double sharpe = PathStats.sharpe(twr, 0, 12);
        assertThat(sharpe).isNotEqualTo(PathStats.sharpe(VALUES, 0, 12));
        assertThat(screen(m, "Sharpe")).isEqualTo(DisplayNumber.ratio(sharpe))
                .isNotEqualTo(DisplayNumber.ratio(PathStats.sharpe(VALUES, 0, 12)));
        assertThat(Double.parseDouble(screen(m, "Sharpe"))).isCloseTo(Double.parseDouble(csv(m, "sharpe")),
                offset(5e-4));
        assertThat(Double.parseDouble(screen(m, "Sortino"))).isCloseTo(Double.parseDouble(csv(m, "sortino")),
                offset(5e-4));
    }

    @Test
    void theCalendarYearsOnScreenAreTimeWeighted() {
        RunModel m = model();
        double[] twr = PathStats.timeWeighted(DATES, VALUES, m.flows().off().flows());
        double y2020 = PathStats.annualReturns(DATES, twr).get(0).value();
        assertThat(m.yearRows().get(0).off()).isEqualTo(DisplayNumber.signedPercent(y2020));
        assertThat(y2020).isLessThan(0.5); // the value path "gained" 49.5 %, two thirds of it contributions
    }

    @Test
    void theDrawdownChartIsTakenOnTheTimeWeightedIndexLikeTheSummarysMaxDrawdown() {
        RunModel m = model();
        double[] twr = PathStats.timeWeighted(DATES, VALUES, m.flows().off().flows());
        double[] shown = RunCharts.drawdown(m).lines().get(0).y();
        assertThat(shown).containsExactly(PathStats.drawdowns(twr));
    }
}
