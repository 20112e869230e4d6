package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.csv.EventTable;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
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
    private final UiState state;
    private final Consumer<UiError> errors;
    private final TaskExecutor executor;
    /** The background jobs (load, run, open, export, rules) and the busy flag; Cancel stops the latest but rules. */
    private final BusyJobs jobs;

    /** The setup panel's choices and lists. */
    private final SetupViewModel setup;
    /** The shown run, its events, summary and selection. */
    private final ResultViewModel shown = new ResultViewModel();
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    /** The run under way (null when none): its cancellation is what Cancel sets. */
    private RunAttempt currentRun;

    public MainViewModel(BacktestService service, TaskExecutor executor, UiState state, Consumer<UiError> errors) {
        this.service = service;
        this.executor = executor;
        this.jobs = new BusyJobs(executor);
        this.state = state;
        this.errors = errors;
        this.setup = new SetupViewModel(state, service.flags().useRebalancing());
    }

    /** The setup panel's choices and lists. */
    public SetupViewModel setup() {
        return setup;
    }

    /** The shown run, its events, summary and selection. */
    public ResultViewModel shown() {
        return shown;
    }

    public ObservableList<RunRecord> getHistory() {
        return history;
    }

    // the panels' state under the names the rest of the screen (and its tests) use

    public ObservableList<PortfolioRecord> getPortfolios() {
        return setup.getPortfolios();
    }

    public ObservableList<RuleRecord> getRules() {
        return setup.getRules();
    }

    public ObservableList<DatasetRecord> getDatasets() {
        return setup.getDatasets();
    }

    public ObservableList<RebalancingEvent> getEvents() {
        return shown.getEvents();
    }

    public ObservableList<SummaryRow> getSummary() {
        return shown.getSummary();
    }

    public ObservableList<RunModel.ClassWeight> getWeightsAtDay() {
        return shown.getWeightsAtDay();
    }

    public ObjectProperty<PortfolioRecord> portfolioProperty() {
        return setup.portfolioProperty();
    }

    public ObjectProperty<RuleRecord> ruleProperty() {
        return setup.ruleProperty();
    }

    public ObjectProperty<DatasetRecord> datasetProperty() {
        return setup.datasetProperty();
    }

    public BooleanProperty rebalancingOnProperty() {
        return setup.rebalancingOnProperty();
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return setup.startDateProperty();
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return setup.endDateProperty();
    }

    public StringProperty initialValueProperty() {
        return setup.initialValueProperty();
    }

    public ObjectProperty<MissingDataPolicy> missingPolicyProperty() {
        return setup.missingPolicyProperty();
    }

    /** The shown run, or null. */
    public ObjectProperty<RunModel> resultProperty() {
        return shown.resultProperty();
    }

    /** The selected event (index into {@link #getEvents()}), or null. */
    public ObjectProperty<Integer> selectedEventProperty() {
        return shown.selectedEventProperty();
    }

    /** The selected day (index into the run's dates), or -1. */
    public IntegerProperty selectedDayProperty() {
        return shown.selectedDayProperty();
    }

    public StringProperty dayDetailProperty() {
        return shown.dayDetailProperty();
    }

    /** True while any background job of this screen is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty rebalancingAllowedProperty() {
        return setup.rebalancingAllowedProperty();
    }

    public String disabledBanner() {
        return setup.disabledBanner();
    }

    /** True when Run can be pressed. */
    public BooleanBinding canRun() {
        ReadOnlyBooleanProperty busy = jobs.busyProperty();
        return Bindings.createBooleanBinding(() -> !busy.get() && setup.portfolioProperty().get() != null
                        && setup.datasetProperty().get() != null && (!setup.rebalancingOnProperty().get() || setup.ruleProperty().get() != null),
                busy, setup.portfolioProperty(), setup.datasetProperty(), setup.rebalancingOnProperty(), setup.ruleProperty());
    }

    /** Loads the lists (portfolios, usable rules, datasets, history) and restores the last choices. */
    public void load() {
        status.set("Loading portfolios, rules and datasets …");
        jobs.submitCancellable("load", () -> new Lists(service.portfolios(), service.usableRules(), service.datasets(),
                service.history(200)), lists -> {
                    String ignored = setup.setLists(lists.portfolios(), lists.rules(), lists.datasets());
                    history.setAll(lists.history());
                    status.set("Ready. " + lists.portfolios().size() + " portfolios, " + lists.rules().size()
                            + " usable rules, " + lists.datasets().size() + " dataset" + (lists.datasets().size() == 1 ? "" : "s")
                            + "." + ignored);
                }, this::failed, this::cancelled);
    }

    /** The setup's request with rebalancing OFF (portfolio, dataset, window, value, policy). */
    BacktestRequest requestWithoutRule() {
        return setup.request(false);
    }

    /** Builds the request from the setup choices; validation errors carry the service's codes. */
    public BacktestRequest request() {
        return setup.request(setup.rebalancingOnProperty().get());
    }

    /** Runs the backtest in the background; the result (new or reused) is then shown. */
    public void run() {
        run(null);
    }

    /**
     * Runs the setup's portfolio, dataset and window with {@code inline} instead of the chosen rule (the Sweep
     * tab's click-through: stored, hashed and reused like any run).
     */
    public void runInline(RebalancingRule inline) {
        run(inline);
    }

    /** The longest a computed run's storing waits for the screen to draw it. */
    static final long DRAWN_WAIT_MS = 250;

    /** Where one run stands on the screen. */
    private enum RunPhase {
        /** Being computed or stored; the screen still shows what it showed before. */
        RUNNING,
        /** Computed and shown while it is being stored. */
        PREVIEW_SHOWN,
        /** Stored (or reused) and shown. */
        SHOWN,
        /** Failed; a shown preview was withdrawn. */
        FAILED,
        /** The job ended as cancelled; a shown preview was withdrawn (a run stored anyway is still shown). */
        CANCELLED
    }

    /** One press of Run as the screen follows it; its phase is read and written on the UI thread only. */
    private final class RunAttempt {
        final Cancellation cancellation = new Cancellation();
        /** What the screen showed before: shown again when a preview is withdrawn. */
        final RunModel before = shown.resultProperty().get();
        RunPhase phase = RunPhase.RUNNING;

        /** Shows the computed run while it is stored, unless this run has ended meanwhile. */
        void showPreview(RunModel preview, double computeMs) {
            if (currentRun == this && jobs.isBusy()) {
                phase = RunPhase.PREVIEW_SHOWN;
                shown.show(preview);
                status.set(String.format(Locale.ROOT, "Computed in %.0f ms; storing the run …", computeMs));
            }
        }

        /** The job ended as {@code how} (FAILED or CANCELLED): a shown preview that was not stored goes. */
        void end(RunPhase how) {
            if (phase == RunPhase.PREVIEW_SHOWN) {
                shown.restore(before);
            }
            phase = how;
        }
    }

    private void run(RebalancingRule inline) {
        if (jobs.isBusy()) {
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
        status.set("Running " + setup.portfolioProperty().get().name() + (inline != null ? " with " + RuleCodec.spec(inline)
                : req.rebalancingRuleId() == null ? " (rebalancing OFF)" : " with " + setup.ruleProperty().get().ruleName()) + " …");
        RunAttempt attempt = new RunAttempt();
        currentRun = attempt;
        jobs.submitCancellable("run", () -> {
            // a new run is shown as soon as it is computed (status: storing), then as stored, from memory; only a
            // reused run is read back from the database
            AtomicReference<RunModel> computed = new AtomicReference<>();
            BacktestService.Shown done = service.runAndShow(req, attempt.cancellation, view -> {
                RunModel preview = RunModel.of(view, false);
                computed.set(preview);
                // the screen first: storing waits until the run is drawn (a few frames), so the database and this
                // worker do not slow those frames down (see TaskExecutor.onUiThreadUntilDrawn)
                executor.onUiThreadUntilDrawn(() -> attempt.showPreview(preview, view.run().computeMs()), DRAWN_WAIT_MS);
            });
            BacktestResult r = done.result();
            RunModel preview = computed.get();
            RunModel rm = preview != null && !r.reused() ? preview.stored(done.view().run()) : RunModel.of(done.view(), r.reused());
            Loaded loaded = new Loaded(rm, service.history(200), r.request());
            // stored although the job was already ended as cancelled (Cancel came while it was being stored):
            // show it and say so, so the screen never claims "nothing was stored" for a stored run
            executor.onUiThread(() -> {
                if (attempt.phase == RunPhase.CANCELLED) {
                    show(loaded);
                    status.set("Cancel came too late: run #" + rm.run().runId() + " was stored and is shown.");
                }
            });
            return loaded;
        }, loaded -> {
            currentRun = null;
            attempt.phase = RunPhase.SHOWN;
            show(loaded);
        }, t -> {
            attempt.end(RunPhase.FAILED);
            failed(t);
        }, () -> {
            currentRun = null;
            attempt.end(RunPhase.CANCELLED);
            // the service stores nothing once its cancellation is set; set it here too, whatever stopped the job
            status.set(attempt.cancellation.cancel() ? "Cancelled. Nothing was stored."
                    : "Too late to cancel: the run is being stored and will be shown when it is done.");
        });
    }

    /** {@code asked}: the request as this user made it (a reused run was first made by another request). */
    private record Loaded(RunModel model, List<RunRecord> history, RunRequestInfo asked) {
    }

    /** Opens a stored run from the history without recomputing it. */
    public void open(long runId) {
        if (jobs.isBusy()) {
            return;
        }
        status.set("Opening run #" + runId + " …");
        jobs.submitCancellable("open", () -> new Loaded(RunModel.of(service.open(runId), true), service.history(200), null),
                this::show, this::failed, this::cancelled);
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
        if (!jobs.isCancellableRunning()) {
            return;
        }
        RunAttempt r = currentRun;
        if (r != null && !r.cancellation.cancel()) {
            status.set("Too late to cancel: the run is being stored and will be shown when it is done.");
            return;
        }
        jobs.cancel();
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
        List<RebalancingEvent> snapshot = List.copyOf(shown.getEvents());
        status.set("Exporting " + snapshot.size() + " events …");
        jobs.submitCancellable("export", () -> {
            EventTable.export(file, snapshot);
            return snapshot.size();
        }, n -> {
            status.set("Exported " + n + " events to " + file);
            done.run();
        }, this::failed, this::cancelled);
    }

    /** Refreshes the usable rules (after the rules editor changed something). */
    public void refreshRules() {
        jobs.submit("rules", service::usableRules, setup::setRules, this::failed, () -> { });
    }
}
