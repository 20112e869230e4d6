package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.FeatureFlags;
import foresto.csv.EventTable;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The analysis screen's coordinator: the background jobs (load, run, open, export) with busy and status, the
 * run history, and the panels' view-models ({@link SetupViewModel} for the choices, {@link ResultViewModel}
 * for the shown run and its selection).
 * No JavaFX nodes here; every database or engine call goes through the TaskExecutor.
 */
public final class MainViewModel {
    public record Lists(List<PortfolioRecord> portfolios, List<RuleRecord> rules, List<DatasetRecord> datasets,
                        List<RunRecord> history) {
    }

    private final BacktestService service;
    private final TaskExecutor executor;
    private final UiState state;
    private final Consumer<UiError> errors;

    /** The setup panel's choices and lists. */
    public final SetupViewModel setup;
    /** The shown run, its events, summary and selection. */
    public final ResultViewModel shown = new ResultViewModel();
    public final ObservableList<RunRecord> history = FXCollections.observableArrayList();

    // the panels' state under the names the rest of the screen (and its tests) use
    public final ObservableList<PortfolioRecord> portfolios;
    public final ObservableList<RuleRecord> rules;
    public final ObservableList<DatasetRecord> datasets;
    public final ObservableList<RebalancingEvent> events = shown.events;
    public final ObservableList<SummaryRow> summary = shown.summary;
    public final ObservableList<RunModel.ClassWeight> weightsAtDay = shown.weightsAtDay;
    public final ObjectProperty<PortfolioRecord> portfolio;
    public final ObjectProperty<RuleRecord> rule;
    public final ObjectProperty<DatasetRecord> dataset;
    public final BooleanProperty rebalancingOn;
    public final ObjectProperty<LocalDate> startDate;
    public final ObjectProperty<LocalDate> endDate;
    public final StringProperty initialValue;
    public final ObjectProperty<MissingDataPolicy> missingPolicy;
    public final ObjectProperty<RunModel> result = shown.result;
    /** The selected event (index into {@link #events}), or null. */
    public final ObjectProperty<Integer> selectedEvent = shown.selectedEvent;
    /** The selected day (index into the run's dates), or -1. */
    public final IntegerProperty selectedDay = shown.selectedDay;
    public final StringProperty dayDetail = shown.dayDetail;

    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final StringProperty status = new SimpleStringProperty("");

    /** Jobs under way; {@link #busy} is true while there is any, whichever finishes first. */
    private int activeJobs;
    /** The job Cancel stops: the run (with its cancellation), else the latest other job. */
    private TaskExecutor.Handle running;
    private Cancellation runCancellation;

    public MainViewModel(BacktestService service, TaskExecutor executor, UiState state, Consumer<UiError> errors) {
        this.service = service;
        this.executor = executor;
        this.state = state;
        this.errors = errors;
        this.setup = new SetupViewModel(state, service.flags().useRebalancing());
        portfolios = setup.portfolios;
        rules = setup.rules;
        datasets = setup.datasets;
        portfolio = setup.portfolio;
        rule = setup.rule;
        dataset = setup.dataset;
        rebalancingOn = setup.rebalancingOn;
        startDate = setup.startDate;
        endDate = setup.endDate;
        initialValue = setup.initialValue;
        missingPolicy = setup.missingPolicy;
    }

    public ReadOnlyBooleanProperty rebalancingAllowedProperty() {
        return setup.rebalancingAllowedProperty();
    }

    public String disabledBanner() {
        return setup.disabledBanner();
    }

    /** True when Run can be pressed. */
    public BooleanBinding canRun() {
        return Bindings.createBooleanBinding(() -> !busy.get() && portfolio.get() != null && dataset.get() != null
                        && (!rebalancingOn.get() || rule.get() != null),
                busy, portfolio, dataset, rebalancingOn, rule);
    }

    /**
     * Submits a background job that keeps {@link #busy} true until it ends; exactly one of its outcomes runs,
     * and the job counts as ended once, whatever its callbacks do.
     */
    private <T> TaskExecutor.Handle job(String title, java.util.concurrent.Callable<T> work, Consumer<T> onSuccess,
                                        Runnable onCancelled) {
        return job(title, work, onSuccess, onCancelled, () -> { });
    }

    /** As above; {@code beforeFailure} runs on the UI thread before a failure is reported. */
    private <T> TaskExecutor.Handle job(String title, java.util.concurrent.Callable<T> work, Consumer<T> onSuccess,
                                        Runnable onCancelled, Runnable beforeFailure) {
        activeJobs++;
        busy.set(true);
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                activeJobs--;
                busy.set(activeJobs > 0);
            }
        };
        return executor.submit(title, work, v -> {
            end.run();
            onSuccess.accept(v);
        }, t -> {
            end.run();
            beforeFailure.run();
            failed(t);
        }, () -> {
            end.run();
            onCancelled.run();
        });
    }

    /** Loads the lists (portfolios, usable rules, datasets, history) and restores the last choices. */
    public void load() {
        status.set("Loading portfolios, rules and datasets …");
        running = job("load", () -> new Lists(service.portfolios(), service.usableRules(), service.datasets(),
                service.history(200)), lists -> {
                    String ignored = setup.setLists(lists.portfolios(), lists.rules(), lists.datasets());
                    history.setAll(lists.history());
                    status.set("Ready. " + lists.portfolios().size() + " portfolios, " + lists.rules().size()
                            + " usable rules, " + lists.datasets().size() + " dataset" + (lists.datasets().size() == 1 ? "" : "s")
                            + "." + ignored);
                }, this::cancelled);
    }

    /** The setup's request with rebalancing OFF (portfolio, dataset, window, value, policy). */
    BacktestRequest requestWithoutRule() {
        return setup.request(false);
    }

    /** Builds the request from the setup choices; validation errors carry the service's codes. */
    public BacktestRequest request() {
        return setup.request(rebalancingOn.get());
    }

    /** Runs the backtest in the background; the result (new or reused) is then shown. */
    public void run() {
        run(null);
    }

    /**
     * Runs the setup's portfolio, dataset and window with {@code inline} instead of the chosen rule (the Sweep
     * tab's click-through: stored, hashed and reused like any run).
     */
    public void runInline(foresto.engine.RebalancingRule inline) {
        run(inline);
    }

    /** The longest a computed run's storing waits for the screen to draw it. */
    static final long DRAWN_WAIT_MS = 250;

    private void run(foresto.engine.RebalancingRule inline) {
        if (busy.get()) {
            return;
        }
        BacktestRequest req;
        try {
            req = inline == null ? request() : requestWithoutRule().withInlineRule(inline);
        } catch (ForestoException e) {
            errors.accept(UiError.of("Cannot run", e));
            return;
        }
        setup.rememberChoices();
        status.set("Running " + portfolio.get().name() + (inline != null ? " with " + RuleCodec.spec(inline)
                : req.rebalancingRuleId() == null ? " (rebalancing OFF)" : " with " + rule.get().ruleName()) + " …");
        Cancellation cancellation = new Cancellation();
        runCancellation = cancellation;
        RunModel before = result.get();
        boolean[] previewShown = {false}; // touched on the UI thread only
        Runnable dropPreview = () -> { // a shown preview that was not stored goes; the screen shows what it showed before
            if (previewShown[0]) {
                previewShown[0] = false;
                shown.restore(before);
            }
        };
        boolean[] jobCancelled = {false}; // UI thread: the job ended as cancelled (its result, if any, comes below)
        running = job("run", () -> {
            // a new run is shown as soon as it is computed (status: storing), then as stored, from memory; only a
            // reused run is read back from the database
            java.util.concurrent.atomic.AtomicReference<RunModel> computed = new java.util.concurrent.atomic.AtomicReference<>();
            BacktestService.Shown done = service.runAndShow(req, cancellation, view -> {
                RunModel preview = RunModel.of(view, false);
                computed.set(preview);
                // the screen first: storing waits until the run is drawn (a few frames), so the database and this
                // worker do not slow those frames down (see TaskExecutor.onUiThreadUntilDrawn)
                executor.onUiThreadUntilDrawn(() -> {
                    if (runCancellation == cancellation && busy.get()) {
                        previewShown[0] = true;
                        shown.show(preview);
                        status.set(String.format(java.util.Locale.ROOT, "Computed in %.0f ms; storing the run …",
                                view.run().computeMs()));
                    }
                }, DRAWN_WAIT_MS);
            });
            BacktestResult r = done.result();
            RunModel preview = computed.get();
            RunModel rm = preview != null && !r.reused() ? preview.stored(done.view().run()) : RunModel.of(done.view(), r.reused());
            Loaded loaded = new Loaded(rm, service.history(200), r.request());
            // stored although the job was already ended as cancelled (Cancel came while it was being stored):
            // show it and say so, so the screen never claims "nothing was stored" for a stored run
            executor.onUiThread(() -> {
                if (jobCancelled[0]) {
                    show(loaded);
                    status.set("Cancel came too late: run #" + rm.run().runId() + " was stored and is shown.");
                }
            });
            return loaded;
        }, loaded -> {
            runCancellation = null;
            show(loaded);
        }, () -> {
            runCancellation = null;
            jobCancelled[0] = true;
            dropPreview.run();
            // the service stores nothing once its cancellation is set; set it here too, whatever stopped the job
            status.set(cancellation.cancel() ? "Cancelled. Nothing was stored."
                    : "Too late to cancel: the run is being stored and will be shown when it is done.");
        }, dropPreview);
    }

    /** {@code asked}: the request as this user made it (a reused run was first made by another request). */
    private record Loaded(RunModel model, List<RunRecord> history, RunRequestInfo asked) {
    }

    /** Opens a stored run from the history without recomputing it. */
    public void open(long runId) {
        if (busy.get()) {
            return;
        }
        status.set("Opening run #" + runId + " …");
        running = job("open", () -> new Loaded(RunModel.of(service.open(runId), true), service.history(200), null),
                this::show, this::cancelled);
    }

    private void show(Loaded loaded) {
        RunModel m = loaded.model();
        shown.show(m);
        history.setAll(loaded.history());
        var req = loaded.asked() != null ? loaded.asked() : m.run().request();
        if (loaded.asked() == null) {
            setup.adopt(req); // an opened run's choices go into the setup panel, so Run repeats it
        }
        status.set((m.reused() ? "Reused run #" : "New run #") + m.run().runId() + ": " + req.portfolioName() + ", "
                + (req.ruleName() == null ? "rebalancing OFF" : req.ruleName()) + ", " + req.startDate() + ".." + req.endDate()
                + ", " + m.events().size() + " events");
    }

    /**
     * Stops the current job. A run that is already being stored cannot be stopped: it is then shown as the
     * stored run it becomes, and the status says so.
     */
    public void cancel() {
        if (running == null || running.isDone()) {
            return;
        }
        Cancellation c = runCancellation;
        if (c != null && !c.cancel()) {
            status.set("Too late to cancel: the run is being stored and will be shown when it is done.");
            return;
        }
        running.cancel();
    }

    private void failed(Throwable t) {
        UiError e = UiError.of("The operation failed", t);
        status.set("Failed: " + e.describe());
        errors.accept(e);
    }

    private void cancelled() {
        status.set("Cancelled.");
    }

    /** Writes the event table through the shared CSV writer (in the background). */
    public void exportEvents(Path file, Runnable done) {
        List<RebalancingEvent> snapshot = List.copyOf(events);
        status.set("Exporting " + snapshot.size() + " events …");
        running = job("export", () -> {
            EventTable.export(file, snapshot);
            return snapshot.size();
        }, n -> {
            status.set("Exported " + n + " events to " + file);
            done.run();
        }, this::cancelled);
    }

    /** Refreshes the usable rules (after the rules editor changed something). */
    public void refreshRules() {
        job("rules", service::usableRules, setup::setRules, () -> { });
    }
}
