package foresto.ui.robust;

import foresto.i18n.Messages;
import foresto.backtest.Cancellation;
import foresto.backtest.FeatureFlags;
import foresto.csv.CsvWriter;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.TimingGrid;
import foresto.engine.robust.TimingStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.PlainFailure;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.main.MainViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.OpenedStudy;
import foresto.model.StudyInfo;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Robustness tab (SEMANTICS §12): the timing, start-date and bootstrap studies on the Analysis tab's portfolio,
 * dataset and window, with rule A the Analysis tab's rule (picking here picks there too) and B a rule or OFF. One
 * study at a time runs in the background with progress (variants, windows or paths done / total) and Cancel; its
 * figures replace that study's last ones. Tables export as CSV through the shared writer. No JavaFX nodes.
 */
public final class RobustnessViewModel {
    /** The three studies, with what their progress counts. */
    public enum Study {
        TIMING("timing"), WINDOWS("windows"), BOOTSTRAP("bootstrap");

        /** Names its texts: robust.running.KEY, robust.progress.KEY. */
        private final String key;

        Study(String key) {
            this.key = key;
        }
    }

    private final RobustnessStudies studies;
    private final MainViewModel setup;
    private final FeatureFlags flags;
    private final TaskExecutor executor;
    private final BusyJobs jobs;
    private final Consumer<UiError> errors;
    /** The cancellation of the study under way (or of the last one). */
    private final AtomicReference<Cancellation> current = new AtomicReference<>();

    private final StringProperty phases = new SimpleStringProperty("");
    private final StringProperty offsets = new SimpleStringProperty("");
    private final StringProperty lengthMonths = new SimpleStringProperty("60");
    private final StringProperty stepMonths = new SimpleStringProperty("1");
    private final StringProperty paths = new SimpleStringProperty("1000");
    private final StringProperty block = new SimpleStringProperty("");
    private final StringProperty seed = new SimpleStringProperty("1");
    /** Rule B of the bootstrap; null: OFF (buy-and-hold). */
    private final ObjectProperty<RuleRecord> ruleB = new SimpleObjectProperty<>();

    private final ObjectProperty<TimingFigures> timing = new SimpleObjectProperty<>();
    private final ObjectProperty<WindowsFigures> windows = new SimpleObjectProperty<>();
    private final ObjectProperty<BootstrapFigures> bootstrap = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty(Messages.tr("robust.ready"));

    /** Whether the choices still match each study on screen. */
    private final ChangedSince changedSince;
    /** The kind of the study last opened from History (its view comes forward); null in between. */
    private final ObjectProperty<Study> opened = new SimpleObjectProperty<>();

    public RobustnessViewModel(RobustnessStudies studies, MainViewModel setup, FeatureFlags flags, TaskExecutor executor,
                               Consumer<UiError> errors) {
        this.studies = studies;
        this.setup = setup;
        this.flags = flags;
        this.executor = executor;
        this.jobs = new BusyJobs(executor);
        this.errors = errors;
        this.changedSince = new ChangedSince(this);
        setup.openStudiesWith(this::open);
    }

    /**
     * "Changed since study #7: Run computes a new one." while the choices (the setup's scenario and rule A, this
     * study's fields) no longer match the {@code study} on screen; empty while they do, or before any is shown.
     */
    public ReadOnlyStringProperty changedSinceProperty(Study study) {
        return changedSince.text(study);
    }

    /** The kind of the study last opened from History; the view shows that study's page. */
    public ReadOnlyObjectProperty<Study> openedProperty() {
        return opened;
    }

    /**
     * Opens a stored study without recomputing it: its portfolio, dataset, window, rule A (and B), and its kind's
     * parameters go into the setup and this tab's fields, its stored figures on screen. Nothing happens while a study
     * runs.
     */
    public void open(long studyId) {
        if (jobs.isBusy()) {
            return;
        }
        status.set(Messages.tr("robust.opening", Long.toString(studyId)));
        jobs.submitCancellable("open study " + studyId, () -> studies.opened(studyId).orElseThrow(() ->
                new ForestoException(ErrorCode.NOT_FOUND, "no stored study #" + studyId)), this::show, t -> {
            UiError e = UiError.of(Messages.tr("robust.openFailed"), t);
            status.set(Messages.tr("common.failed", e.describe()));
            errors.accept(e);
        }, () -> status.set(Messages.tr("studies.cancelled")));
    }

    private void show(OpenedStudy o) {
        long id = o.record().studyId();
        StudyInfo info = o.record().request();
        String source = Messages.tr("robust.fromStudy", Long.toString(id));
        setup.setup().adopt(OpenedStudies.scenario(o, setup.getRules()), source);
        Study kind = Study.valueOf(o.record().kind());
        JsonNode p = o.parameters();
        JsonNode answer = o.result().answer();
        String heading = OpenedStudies.heading(info, setup.getDatasets());
        String stored = Messages.tr("robust.studyOpened", Long.toString(id));
        progress.set(0);
        progressText.set("");
        switch (kind) {
            case TIMING -> {
                phases.set(OpenedStudies.fieldOfSet(p.path("phases")));
                offsets.set(OpenedStudies.fieldOfSet(p.path("offsets")));
                TimingFigures f = TimingFigures.of(StoredAnswer.timing(answer), o.ruleA(), info.ruleName(), heading);
                timing.set(f);
                status.set(Messages.tr("robust.timingDone", f.ruleName(), Texts.count(f.result().variants().size()),
                        f.heading(), stored));
            }
            case WINDOWS -> {
                int length = p.path("length_months").asInt();
                int step = p.path("step_months").asInt();
                lengthMonths.set(Integer.toString(length));
                stepMonths.set(Integer.toString(step));
                WindowsFigures f = new WindowsFigures(StoredAnswer.windows(answer, length, step), info.ruleName(), heading);
                windows.set(f);
                status.set(Messages.tr("robust.windowsDone", f.ruleName(), Texts.count(f.result().windows().size()),
                        f.heading(), stored));
            }
            case BOOTSTRAP -> {
                paths.set(OpenedStudies.numberText(p.path("paths")));
                block.set(OpenedStudies.numberText(p.path("block")));
                seed.set(p.path("seed").asText());
                RuleRecord b = OpenedStudies.ruleB(o, setup.getRules(), source);
                ruleB.set(b);
                String nameB = b == null ? Messages.tr("robust.offNameB") : info.versusName();
                BootstrapFigures f = BootstrapFigures.of(StoredAnswer.bootstrap(answer), info.ruleName(), nameB, b == null,
                        info.initialValue(), heading);
                bootstrap.set(f);
                status.set(Messages.tr("robust.bootstrapDone", f.nameA(), f.nameB(), Texts.count(f.result().paths()),
                        f.heading(), stored));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        changedSince.shown(kind, id, changedSince.signature(kind));
        opened.set(null);
        opened.set(kind);
    }


    /** The scenario choices and rule A, shared with the Analysis tab's setup. */
    public MainViewModel setup() {
        return setup;
    }

    /** The timing study's phases P: "0..11", "0,3,6" or blank for the default of §12.2. */
    public StringProperty phasesProperty() {
        return phases;
    }

    /** The timing study's day offsets K, as {@link #phasesProperty()}. */
    public StringProperty offsetsProperty() {
        return offsets;
    }

    public StringProperty lengthMonthsProperty() {
        return lengthMonths;
    }

    public StringProperty stepMonthsProperty() {
        return stepMonths;
    }

    public StringProperty pathsProperty() {
        return paths;
    }

    /** The mean block length b; blank for the default max(1, round(f/12)). */
    public StringProperty blockProperty() {
        return block;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Rule B of the bootstrap; null for OFF. */
    public ObjectProperty<RuleRecord> ruleBProperty() {
        return ruleB;
    }

    public ObjectProperty<TimingFigures> timingProperty() {
        return timing;
    }

    public ObjectProperty<WindowsFigures> windowsProperty() {
        return windows;
    }

    public ObjectProperty<BootstrapFigures> bootstrapProperty() {
        return bootstrap;
    }

    /** Done / total of the study under way (0 … 1). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** "Paths 350 / 1,000". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    /** Runs the timing study of rule A. */
    public void runTiming() {
        start(Study.TIMING, (scope, rule, c) -> {
            int[] p = parseSet("phases", phases.get());
            int[] k = parseSet("offsets", offsets.get());
            RebalancingRule r = rule.toEngineRule();
            if (r.match(periodic -> false, drift -> drift.check() == CheckFrequency.DAILY)) {
                throw new PlainFailure(ErrorCode.INVALID_RULE, "a drift rule checked daily has no rebalance dates to "
                        + "shift, so it has no timing study; give it a check calendar or study its start dates instead",
                        Messages.tr("robust.timing.dailyCheck"));
            }
            TimingStudy.grid(r, p, k);
            return () -> {
                var done = studies.timing(scope, rule, p, k, reporter(Study.TIMING)::report, c);
                return new Shown<>(TimingFigures.of(done.result(), r, rule.ruleName(), scope.heading()), done.storedText(),
                        done.studyId());
            };
        }, (f, stored) -> {
            timing.set(f);
            status.set(Messages.tr("robust.timingDone", f.ruleName(), Texts.count(f.result().variants().size()),
                    f.heading(), stored));
        });
    }

    /** Runs the start-date study of rule A. */
    public void runWindows() {
        start(Study.WINDOWS, (scope, rule, c) -> {
            int length = parseInt("window length (months)", lengthMonths.get());
            int step = parseInt("step (months)", stepMonths.get());
            return () -> {
                var done = studies.windows(scope, rule, length, step, reporter(Study.WINDOWS)::report, c);
                return new Shown<>(new WindowsFigures(done.result(), rule.ruleName(), scope.heading()), done.storedText(),
                        done.studyId());
            };
        }, (f, stored) -> {
            windows.set(f);
            status.set(Messages.tr("robust.windowsDone", f.ruleName(), Texts.count(f.result().windows().size()),
                    f.heading(), stored));
        });
    }

    /** Runs the bootstrap study of rule A against B (or OFF). */
    public void runBootstrap() {
        start(Study.BOOTSTRAP, (scope, rule, c) -> {
            int j = parseInt("paths", paths.get());
            Double b = block.get() == null || block.get().isBlank() ? null : parseDouble("mean block length", block.get());
            long s = parseSeed(seed.get());
            RuleRecord bRecord = ruleB.get();
            String nameB = bRecord == null ? Messages.tr("robust.offNameB") : bRecord.ruleName();
            return () -> {
                var done = studies.bootstrap(scope, rule, bRecord, j, b, s, reporter(Study.BOOTSTRAP)::report, c);
                return new Shown<>(BootstrapFigures.of(done.result(), rule.ruleName(), nameB, bRecord == null,
                        scope.initialValue(), scope.heading()), done.storedText(), done.studyId());
            };
        }, (f, stored) -> {
            bootstrap.set(f);
            status.set(Messages.tr("robust.bootstrapDone", f.nameA(), f.nameB(), Texts.count(f.result().paths()),
                    f.heading(), stored));
        });
    }

    /**
     * Stops the study under way: its cancellation is set first (the service then stores nothing; once it has begun
     * to store the study, it is too late and the screen says so), then the job is stopped.
     */
    public void cancel() {
        Cancellation c = current.get();
        if (c != null) {
            c.cancel();
        }
        jobs.cancel();
    }

    /** A study's work once its form has been read: checks done, only the run left. */
    @FunctionalInterface
    private interface Prepared<F> {
        Callable<Shown<F>> prepare(StudyScope scope, RuleRecord rule, Cancellation cancellation);
    }

    /** A study's figures and what became of it in the store ("Study #7 stored." / "Reused study #7."). */
    private record Shown<F>(F figures, String stored, long studyId) {
    }

    private <F> void start(Study study, Prepared<F> prepared, BiConsumer<F, String> shown) {
        if (jobs.isBusy()) {
            return;
        }
        Cancellation cancellation = new Cancellation();
        Callable<Shown<F>> work;
        List<Object> asked;
        try {
            flags.requireRebalancingAllowed("robustness");
            RuleRecord rule = setup.ruleProperty().get();
            if (rule == null) {
                throw new ForestoException(ErrorCode.INVALID_RULE, "choose a rule (A) in the Analysis tab or here");
            }
            work = prepared.prepare(scope(), rule, cancellation);
            asked = changedSince.signature(study); // what "changed since" compares with once this study is shown
        } catch (RuntimeException e) {
            errors.accept(UiError.of(Messages.tr("studies.cannotRun"), e));
            return;
        }
        current.set(cancellation);
        progress.set(0);
        progressText.set("");
        status.set(Messages.tr("robust.running." + study.key));
        jobs.submitCancellable("robustness " + study, work, f -> {
            progress.set(1);
            shown.accept(f.figures(), f.stored());
            changedSince.shown(study, f.studyId(), asked);
            setup.refreshStudies(); // History lists it at once
        }, t -> {
            UiError e = UiError.of(Messages.tr("studies.failed"), t);
            status.set(Messages.tr("common.failed", e.status()));
            errors.accept(e);
        }, () -> status.set(Messages.tr(cancellation.cancel() ? "studies.cancelled" : "robust.tooLateToCancel")));
    }

    /** The Analysis tab's portfolio, dataset, window, initial value and missing-data policy. */
    StudyScope scope() {
        PortfolioRecord portfolio = setup.portfolioProperty().get();
        DatasetRecord dataset = setup.datasetProperty().get();
        if (portfolio == null || dataset == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "choose a portfolio and a dataset in the Analysis tab");
        }
        var req = setup.request();
        var flows = setup.cashFlows().choices();
        // the setup's flow schedule applies to every variant, window and resampled path (a study always has a rule)
        var scenario = flows.isOn() ? req.withRule(null).withCashFlows(flows.schedule(true)) : req.withRule(null);
        return new StudyScope(portfolio, dataset, req.startDate(), req.endDate(), req.initialValue(),
                req.missingDataPolicy(), scenario);
    }

    /**
     * Progress from worker threads, coalesced: at most one update waits for the UI thread at a time, and it shows
     * the latest count when it runs, so a thousand paths never flood the UI thread's queue. Parallel workers may
     * report out of order; the largest count reported is the one shown. Between the first and the last count, a
     * count reported within {@link #PROGRESS_INTERVAL_NANOS} of the last update posted is not posted on its own (the
     * next update shows it): each update costs the software renderer a repaint that the next pulse waits for.
     */
    private final class Reporter {
        private final Study study;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicBoolean pending = new AtomicBoolean();
        /** When the last update was posted (System.nanoTime); 0: none yet. */
        private final AtomicLong posted = new AtomicLong();

        Reporter(Study study) {
            this.study = study;
        }

        void report(int count, int total) {
            int reached = done.accumulateAndGet(count, Math::max);
            long now = System.nanoTime();
            long last = posted.get();
            // at most one update per PROGRESS_INTERVAL_NANOS (each repaints the status bar, which the software
            // renderer makes the FX thread wait for); the first and the last count always go through
            if (reached < total && last != 0 && now - last < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            if (pending.compareAndSet(false, true)) {
                posted.set(now == 0 ? 1 : now);
                executor.onUiThread(() -> {
                    // one update at a time, each reading the count inside the lock: the last to write has read the
                    // largest count, also where an executor runs updates on the reporting threads (tests)
                    synchronized (this) {
                        pending.set(false); // before reading: a report after this read posts a new update
                        int d = done.get();
                        progress.set(d / (double) Math.max(1, total));
                        progressText.set(Messages.tr("robust.progress." + study.key, Texts.count(d), Texts.count(total)));
                    }
                });
            }
        }
    }

    /** The least time between two progress updates on the screen: 10 a second read as continuous. */
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private Reporter reporter(Study study) {
        return new Reporter(study);
    }

    /** Writes the timing variants as CSV (in the background). */
    public void exportTiming(Path file) {
        TimingFigures f = timing.get();
        if (f != null) {
            export(file, TimingFigures.CSV_COLUMNS, f.csvRows());
        }
    }

    /** Writes the windows as CSV (in the background). */
    public void exportWindows(Path file) {
        WindowsFigures f = windows.get();
        if (f != null) {
            export(file, WindowsFigures.CSV_COLUMNS, f.csvRows());
        }
    }

    /** Writes the bootstrap's percentiles table as CSV (in the background). */
    public void exportBootstrap(Path file) {
        BootstrapFigures f = bootstrap.get();
        if (f != null) {
            export(file, BootstrapFigures.CSV_COLUMNS, f.csvRows());
        }
    }

    private void export(Path file, List<String> header, List<List<String>> rows) {
        executor.submit("export robustness table", () -> {
            try {
                CsvWriter.write(file, header, rows);
            } catch (IOException e) {
                throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
            }
            return rows.size();
        }, n -> status.set(Messages.tr("robust.exportedRows", Texts.count(n), file.toString())), t -> errors.accept(UiError.of(Messages.tr("common.exportFailed"), t)), () -> { });
    }

    /** Reports a chart written as PNG (a failure is reported where every chart's "Save image…" reports it). */
    void exported(Path file) {
        status.set(Messages.tr("studies.exportedChart", file.toString()));
    }

    /** "A..B" (A ≤ B) or "P,Q,…"; blank for null (the study's default). */
    static int[] parseSet(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        return TimingGrid.parseSet(s, why -> why == TimingGrid.BadSet.MALFORMED
                ? new ForestoException(ErrorCode.INVALID_REQUEST, name + " takes A..B or a list P,Q,…; got '" + text + "'")
                : new ForestoException(ErrorCode.INVALID_REQUEST, name + " " + s + ": give A..B with A ≤ B"));
    }

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text.trim().replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, name + " must be a whole number, got '" + text + "'");
        }
    }

    private static double parseDouble(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, name + " must be a number, got '" + text + "'");
        }
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "the seed must be an unsigned 64-bit integer, got '"
                    + text + "'");
        }
    }
}
