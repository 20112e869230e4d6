package foresto.ui.main;

import foresto.backtest.RunCsv;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The Analysis view's "Export" menu: the shown run's daily values (ON and OFF value, each class's weight on both) and
 * its Summary (every metric ON, OFF and ON − OFF at the risk-free rate typed in the Summary tab) as CSV
 * ({@link RunCsv}), written in the background.
 */
final class RunExports {
    static final String MENU = "Export";
    static final String DAILY_ITEM = "Daily values to CSV\u2026";
    static final String SUMMARY_ITEM = "Summary to CSV\u2026";
    static final String DAILY_TITLE = "Export daily values to CSV";
    static final String SUMMARY_TITLE = "Export the summary to CSV";
    static final String EVENTS_TITLE = "Export events to CSV";
    private static final String EXPORTING = "Exporting %s \u2026";
    private static final String EXPORTED = "Exported %d %s to %s";
    private static final String FAILED_TITLE = "The export failed";
    private static final String FAILED = "Failed: ";
    private static final String CANCELLED = "Cancelled.";

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
        MenuItem daily = new MenuItem(DAILY_ITEM);
        daily.setId("exportDailyValuesItem");
        daily.setOnAction(e -> exports.exportDailyValues());
        MenuItem summary = new MenuItem(SUMMARY_ITEM);
        summary.setId("exportSummaryItem");
        summary.setOnAction(e -> exports.exportSummary());
        MenuButton menu = new MenuButton(MENU, null, daily, summary);
        menu.setId("runExportMenu");
        menu.disableProperty().bind(Bindings.isNull(vm.resultProperty()).or(vm.busyProperty()));
        return menu;
    }

    void exportDailyValues() {
        RunModel m = vm.resultProperty().get();
        if (m != null) {
            dialogs.chooseExportFile(DAILY_TITLE, fileName(m, "daily-values")).ifPresent(file ->
                    write(file, "daily values", () -> RunCsv.writeDaily(file, m.paths())));
        }
    }

    void exportSummary() {
        RunModel m = vm.resultProperty().get();
        if (m != null) {
            double riskFree = vm.shown().riskFreeRate();
            dialogs.chooseExportFile(SUMMARY_TITLE, fileName(m, "summary")).ifPresent(file ->
                    write(file, "summary rows", () -> RunCsv.writeSummary(file, m.run().summary(), m.paths(), riskFree)));
        }
    }

    private void write(Path file, String what, Callable<Integer> work) {
        vm.statusProperty().set(String.format(Locale.ROOT, EXPORTING, what));
        executor.submit("export", work, n -> vm.statusProperty().set(String.format(Locale.ROOT, EXPORTED, n, what, file)),
                t -> {
                    UiError e = UiError.of(FAILED_TITLE, t);
                    vm.statusProperty().set(FAILED + e.describe());
                    dialogs.showError(e);
                }, () -> vm.statusProperty().set(CANCELLED));
    }

    /** "foresto-run-12-daily-values.csv"; a run not stored yet (id 0) is "foresto-run-daily-values.csv". */
    private static String fileName(RunModel m, String what) {
        long id = m.run().runId();
        return "foresto-run-" + (id > 0 ? id + "-" : "") + what + ".csv";
    }
}
