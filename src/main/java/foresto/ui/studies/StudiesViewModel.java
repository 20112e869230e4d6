package foresto.ui.studies;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.backtest.FeatureFlags;
import foresto.engine.BaseDayPolicy;
import foresto.error.ForestoException;
import foresto.study.StudyOutput;
import foresto.study.StudyResult;
import foresto.study.Vanguard2010;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The Studies tab's state: the base day (LAST by default: the data are month ends), the last result, and a status
 * line; the study runs in the background through the {@link TaskExecutor}, and reruns when the base day changes
 * after a first run. No JavaFX nodes.
 */
public final class StudiesViewModel {
    private final TaskExecutor executor;
    private final BusyJobs jobs;
    private final FeatureFlags flags;
    private final Consumer<UiError> errors;
    private final ObjectProperty<BaseDayPolicy> baseDay = new SimpleObjectProperty<>(BaseDayPolicy.LAST_TRADING_DAY);
    private final ReadOnlyObjectWrapper<StudyResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Messages.tr("studies.ready"));

    public StudiesViewModel(TaskExecutor executor, FeatureFlags flags, Consumer<UiError> errors) {
        this.executor = executor;
        this.jobs = new BusyJobs(executor);
        this.flags = flags;
        this.errors = errors;
        baseDay.addListener((o, a, b) -> {
            if (result.get() != null && b != null) {
                run();
            }
        });
    }

    public ObjectProperty<BaseDayPolicy> baseDayProperty() {
        return baseDay;
    }

    /** The last study's result, or null before the first run. */
    public ReadOnlyObjectProperty<StudyResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    /** Runs the study with the chosen base day (nothing while one is under way). */
    public void run() {
        if (jobs.isBusy()) {
            return;
        }
        try {
            flags.requireRebalancingAllowed("study " + Vanguard2010.NAME);
        } catch (ForestoException e) {
            UiError err = UiError.of(Messages.tr("studies.cannotRun"), e);
            status.set(err.status());
            errors.accept(err);
            return;
        }
        BaseDayPolicy day = baseDay.get();
        status.set(Messages.tr("studies.running", StudyChart.baseDayWord(day)));
        jobs.submit("vanguard-2010 study", () -> Vanguard2010.run(day), r -> {
            result.set(r);
            if (baseDay.get() != null && baseDay.get() != r.baseDay()) {
                run(); // the base day changed while this one ran
                return;
            }
            status.set(Messages.tr("studies.ran", StudyChart.baseDayWord(r.baseDay()), r.countText()));
        }, t -> {
            UiError e = UiError.of(Messages.tr("studies.failed"), t);
            status.set(Messages.tr("common.failed", e.status()));
            errors.accept(e);
        }, () -> status.set(Messages.tr("studies.cancelled")));
    }

    /** Runs the study unless it has a result or is under way (the tab's first showing). */
    public void runOnce() {
        if (result.get() == null && !jobs.isBusy() && flags.useRebalancing()) {
            run();
        }
    }

    /** Writes the table as CSV (the shared Excel-safe writer) in the background. */
    public void exportCsv(Path file) {
        StudyResult r = result.get();
        if (r == null) {
            return;
        }
        executor.submit("export study", () -> {
            StudyOutput.writeCsv(file, r);
            return r.cells().size();
        }, n -> status.set(Messages.tr("studies.exportedTable", LocaleFormat.integer(n), file.toString())),
                t -> errors.accept(UiError.of(Messages.tr("common.exportFailed"), t)), () -> { });
    }

    /** After the chart's PNG was written (a failure is reported where every chart's "Save image…" reports it). */
    void chartExported(Path file) {
        status.set(Messages.tr("studies.exportedChart", file.toString()));
    }
}
