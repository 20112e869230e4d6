package foresto.ui.main;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.backtest.RunCsv;
import foresto.csv.CsvWriter;
import foresto.model.RunFlows;
import foresto.model.SideFlows;
import foresto.text.PlainNumber;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The Analysis view's "Export" menu: the shown run's daily values (ON and OFF value, each class's weight on both) and
 * its Summary (every metric ON, OFF and ON − OFF at the risk-free rate typed in the Summary tab) as CSV
 * ({@link RunCsv}), written in the background.
 */
final class RunExports {
    static final String MENU = "main.export.menu";
    static final String DAILY_ITEM = "main.export.dailyItem";
    static final String SUMMARY_ITEM = "main.export.summaryItem";
    static final String DAILY_TITLE = "main.export.dailyTitle";
    static final String SUMMARY_TITLE = "main.export.summaryTitle";
    static final String EVENTS_TITLE = "main.export.eventsTitle";

    private final MainViewModel vm;
    private final MainController.Dialogs dialogs;
    private final TaskExecutor executor;

    private RunExports(MainViewModel vm, MainController.Dialogs dialogs, TaskExecutor executor) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** The menu, usable while a run is shown and nothing else is under way. */
    static MenuButton menu(MainViewModel vm, MainController.Dialogs dialogs, TaskExecutor executor) {
        RunExports exports = new RunExports(vm, dialogs, executor);
        MenuItem daily = new MenuItem(tr(DAILY_ITEM));
        daily.setId("exportDailyValuesItem");
        daily.setOnAction(e -> exports.exportDailyValues());
        MenuItem summary = new MenuItem(tr(SUMMARY_ITEM));
        summary.setId("exportSummaryItem");
        summary.setOnAction(e -> exports.exportSummary());
        MenuButton menu = new MenuButton(tr(MENU), null, daily, summary);
        menu.setId("runExportMenu");
        menu.disableProperty().bind(Bindings.isNull(vm.resultProperty()).or(vm.busyProperty()));
        return menu;
    }

    void exportDailyValues() {
        RunModel m = vm.resultProperty().get();
        if (m != null) {
            dialogs.chooseExportFile(tr(DAILY_TITLE), fileName(m, "daily-values")).ifPresent(file ->
                    write(file, tr("main.export.dailyWhat"), () -> RunCsv.writeDaily(file, m.paths(), m.flows())));
        }
    }

    void exportSummary() {
        RunModel m = vm.resultProperty().get();
        if (m != null) {
            double riskFree = vm.shown().riskFreeRate();
            dialogs.chooseExportFile(tr(SUMMARY_TITLE), fileName(m, "summary")).ifPresent(file ->
                    write(file, tr("main.export.summaryWhat"), () -> writeSummary(file, m, riskFree)));
        }
    }

    /** Writes the Summary of {@code m}; returns the number of rows. */
    static int writeSummary(Path file, RunModel m, double riskFree) throws IOException {
        List<List<String>> rows = summaryRows(m, riskFree);
        CsvWriter.write(file, RunCsv.summaryHeader(), rows);
        return rows.size();
    }

    /**
     * The Summary's rows ({@link RunCsv#summaryRows}) and, for a run with cash flows, the figures the Summary shows
     * for them: TWR total and CAGR, MWR, contributed, withdrawn, net flow and the depletion date, OFF, ON and ON − OFF
     * as plain decimals (fractions as fractions), the date as ISO; empty where there is no value (no ON side, no MWR,
     * never depleted) and no difference for the date. A run without flows gets exactly the rows it always had.
     */
    static List<List<String>> summaryRows(RunModel m, double riskFree) {
        List<List<String>> rows = new ArrayList<>(RunCsv.summaryRows(m.run().summary(), m.returnPaths(), riskFree));
        RunFlows flows = m.flows();
        if (flows != null) {
            SideFlows on = flows.on();
            SideFlows off = flows.off();
            rows.add(flowRow("twr_total", on, off, SideFlows::twrTotal));
            rows.add(flowRow("twr_cagr", on, off, SideFlows::twrCagr));
            rows.add(flowRow("mwr", on, off, f -> f.mwr() == null ? Double.NaN : f.mwr()));
            rows.add(flowRow("contributed", on, off, SideFlows::contributed));
            rows.add(flowRow("withdrawn", on, off, SideFlows::withdrawn));
            rows.add(flowRow("net_flow", on, off, SideFlows::netFlow));
            rows.add(List.of("depleted_on", date(off.depletedOn()), on == null ? "" : date(on.depletedOn()), ""));
        }
        return rows;
    }

    private static List<String> flowRow(String key, SideFlows on, SideFlows off, Function<SideFlows, Double> figure) {
        double offValue = figure.apply(off);
        double onValue = on == null ? Double.NaN : figure.apply(on);
        return List.of(key, number(offValue), number(onValue), number(onValue - offValue));
    }

    private static String number(double v) {
        return Double.isFinite(v) ? PlainNumber.of(v) : "";
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private void write(Path file, String what, Callable<Integer> work) {
        vm.statusProperty().set(tr("main.export.exporting", what));
        executor.submit("export", work, n -> vm.statusProperty().set(tr("main.export.exported", LocaleFormat.integer(n), what, file.toString())),
                t -> {
                    UiError e = UiError.of(tr("main.export.failedTitle"), t);
                    vm.statusProperty().set(tr("common.failed", e.status()));
                    dialogs.showError(e);
                }, () -> vm.statusProperty().set(tr("main.status.cancelled")));
    }

    /** "foresto-run-12-daily-values.csv"; a run not stored yet (id 0) is "foresto-run-daily-values.csv". */
    private static String fileName(RunModel m, String what) {
        long id = m.run().runId();
        return "foresto-run-" + (id > 0 ? id + "-" : "") + what + ".csv";
    }
}
