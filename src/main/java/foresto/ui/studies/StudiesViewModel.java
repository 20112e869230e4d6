package foresto.ui.studies;

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
import java.util.Locale;
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
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Vanguard 2010: press Run to reproduce the "
            + "published table on the bundled monthly data (1926\u20132009).");

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
            UiError err = UiError.of("Cannot run the study", e);
            status.set(err.describe());
            errors.accept(err);
            return;
        }
        BaseDayPolicy day = baseDay.get();
        status.set("Running the 11 columns of the Vanguard 2010 study, base day "
                + StudyOutput.baseDayWord(day).toUpperCase(Locale.ROOT) + " \u2026");
        jobs.submit("vanguard-2010 study", () -> Vanguard2010.run(day), r -> {
            result.set(r);
            if (baseDay.get() != null && baseDay.get() != r.baseDay()) {
                run(); // the base day changed while this one ran
                return;
            }
            status.set("Ran the 11 columns on the bundled monthly data (1,008 months, f = 12), base day "
                    + StudyOutput.baseDayWord(r.baseDay()).toUpperCase(Locale.ROOT) + ": " + r.countText() + ".");
        }, t -> {
            UiError e = UiError.of("The study failed", t);
            status.set("Failed: " + e.describe());
            errors.accept(e);
        }, () -> status.set("Study cancelled."));
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
        }, n -> status.set("Exported the table (" + n + " columns) to " + file),
                t -> errors.accept(UiError.of("Export failed", t)), () -> { });
    }

    /** After the view wrote the chart's PNG (or failed to). */
    void chartExported(Path file, Exception failure) {
        if (failure == null) {
            status.set("Exported the chart to " + file);
        } else {
            errors.accept(UiError.of("Export failed", failure));
        }
    }
}
