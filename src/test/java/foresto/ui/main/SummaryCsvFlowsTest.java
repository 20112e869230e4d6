package foresto.ui.main;

import foresto.backtest.RunCsv;
import foresto.backtest.RunView;
import foresto.engine.CashFlow;
import foresto.engine.Metrics;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.SideFlows;
import foresto.model.StoredPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Summary CSV carries the cash-flow figures the Summary shows (TWR total and CAGR, MWR, contributed, withdrawn,
 * net flow, depleted on) for a run with flows, and exactly its former rows for a run without.
 */
class SummaryCsvFlowsTest {
    private static final LocalDate[] DATES = {LocalDate.of(2020, 10, 30), LocalDate.of(2020, 11, 30),
            LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 29)};
    private static final double[] VALUES = {100, 152, 149.5, 90};

    private static RunModel model(RunFlows flows) {
        Metrics off = Metrics.of(DATES, VALUES, 100, List.of(), 12);
        RunRequestInfo info = new RunRequestInfo(1, "Balanced 60/40", 2, "US monthly", DATES[0], DATES[3], 100,
                "SKIP", null, null, null);
        RunRecord run = new RunRecord(7, "hash", "{}", info, new RunSummary(off, null, 12), null, null);
        StoredPaths paths = new StoredPaths(DATES, VALUES, null, new int[] {0}, new double[][] {{1, 1, 1, 1}}, null);
        return RunModel.of(flows == null ? RunView.of(run, paths, List.of()) : RunView.of(run, paths, List.of(), flows), false);
    }

    private static RunFlows flows() {
        List<CashFlow> cash = List.of(new CashFlow(DATES[1], 50, Map.of()), new CashFlow(DATES[3], -75, Map.of()));
        return new RunFlows(new SideFlows(cash, 50, 75, -25, LocalDate.of(2021, 1, 29), 0.125, -0.0625, 0.03125), null);
    }

    @Test
    void aRunWithoutFlowsWritesExactlyTheRowsItAlwaysDid(@TempDir Path dir) throws IOException {
        RunModel m = model(null);
        List<List<String>> former = RunCsv.summaryRows(m.run().summary(), m.returnPaths(), 0.01);
        assertThat(RunExports.summaryRows(m, 0.01)).isEqualTo(former);
        Path ours = dir.resolve("ours.csv");
        Path before = dir.resolve("before.csv");
        RunExports.writeSummary(ours, m, 0.01);
        RunCsv.writeSummary(before, m.run().summary(), m.returnPaths(), 0.01);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(before));
    }

    @Test
    void aRunWithFlowsAddsTheSummarysCashFlowFiguresPerSide(@TempDir Path dir) throws IOException {
        RunModel m = model(flows());
        List<List<String>> former = RunCsv.summaryRows(m.run().summary(), m.returnPaths(), 0);
        List<List<String>> rows = RunExports.summaryRows(m, 0);
        assertThat(rows.subList(0, former.size())).isEqualTo(former);
        // key, OFF, ON, ON − OFF: this run has no ON side, so its cells and the differences are empty
        assertThat(rows.subList(former.size(), rows.size())).containsExactly(
                List.of("twr_total", "0.125", "", ""),
                List.of("twr_cagr", "-0.0625", "", ""),
                List.of("mwr", "0.03125", "", ""),
                List.of("contributed", "50", "", ""),
                List.of("withdrawn", "75", "", ""),
                List.of("net_flow", "-25", "", ""),
                List.of("depleted_on", "2021-01-29", "", ""));
        Path file = dir.resolve("summary.csv");
        assertThat(RunExports.writeSummary(file, m, 0)).isEqualTo(rows.size());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("metric");
        assertThat(lines).contains("contributed,50,,", "depleted_on,2021-01-29,,");
    }

    @Test
    void withAnOnSideEachFigureHasItsOnValueAndTheDifference() {
        List<CashFlow> cash = List.of(new CashFlow(DATES[1], 50, Map.of()));
        SideFlows off = new SideFlows(cash, 50, 0, 50, LocalDate.of(2021, 1, 29), 0.25, 0.5, null);
        SideFlows on = new SideFlows(cash, 50, 0, 50, null, 0.75, 0.625, 0.125);
        RunModel m = model(new RunFlows(off, on));
        List<List<String>> rows = RunExports.summaryRows(m, 0);
        List<List<String>> flowRows = rows.subList(rows.size() - 7, rows.size());
        assertThat(flowRows).containsExactly(
                List.of("twr_total", "0.25", "0.75", "0.5"),
                List.of("twr_cagr", "0.5", "0.625", "0.125"),
                List.of("mwr", "", "0.125", ""),
                List.of("contributed", "50", "50", "0"),
                List.of("withdrawn", "0", "0", "0"),
                List.of("net_flow", "50", "50", "0"),
                List.of("depleted_on", "2021-01-29", "", ""));
    }

    @Test
    void theDailyValuesOfARunWithFlowsGainItsSignedFlowsAndARunWithoutKeepsItsColumns() {
        RunModel without = model(null);
        assertThat(RunCsv.dailyHeader(without.paths(), without.flows())).containsExactly("date", "on_value", "off_value",
                "on_weight_EQUITY", "off_weight_EQUITY");
        assertThat(RunCsv.dailyRows(without.paths(), without.flows()).get(1)).hasSize(5);

        RunModel m = model(flows());
        assertThat(RunCsv.dailyHeader(m.paths(), m.flows())).containsExactly("date", "on_value", "off_value",
                "on_weight_EQUITY", "off_weight_EQUITY", "on_flow", "off_flow");
        List<List<String>> rows = RunCsv.dailyRows(m.paths(), m.flows());
        // OFF-only: the ON flow cells empty; 50 paid in on the second close, 75 taken out on the last, 0 between
        assertThat(rows.get(0)).containsExactly("2020-10-30", "", "100", "", "1", "", "0");
        assertThat(rows.get(1)).containsExactly("2020-11-30", "", "152", "", "1", "", "50");
        assertThat(rows.get(2).subList(5, 7)).containsExactly("", "0");
        assertThat(rows.get(3).subList(5, 7)).containsExactly("", "-75");

        List<CashFlow> cash = List.of(new CashFlow(DATES[2], -12.5, Map.of()));
        SideFlows side = new SideFlows(cash, 0, 12.5, -12.5, null, 0.1, 0.1, null);
        SideFlows onSide = new SideFlows(List.of(new CashFlow(DATES[2], -13.25, Map.of())), 0, 13.25, -13.25, null, 0.1, 0.1, null);
        List<List<String>> both = RunCsv.dailyRows(m.paths(), new RunFlows(side, onSide));
        assertThat(both.get(2).subList(5, 7)).containsExactly("-13.25", "-12.5");
        assertThat(both.get(1).subList(5, 7)).containsExactly("0", "0");
    }
}
