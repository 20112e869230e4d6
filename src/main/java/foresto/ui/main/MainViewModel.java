package foresto.ui.main;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.csv.EventTable;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import foresto.model.StudyRecord;
import foresto.engine.CashFlowSchedule;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
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
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The analysis screen's coordinator: its background jobs (load, run, open, export) with one busy flag, one
 * status line and Cancel, and the panels' state under the names the screen binds to. What each job does lives
 * with its part: {@link SetupViewModel} (the choices), {@link ResultViewModel} (the shown run and its
 * selection), {@link RunFlow} (a run from request to screen, with its commit point), {@link RunHistory} (the
 * stored runs and opening one). No JavaFX nodes here; every database or engine call goes through the
 * TaskExecutor.
 */
public final class MainViewModel {
    private record Lists(List<PortfolioRecord> portfolios, List<RuleRecord> rules, List<DatasetRecord> datasets,
                        List<RunRecord> history, List<StudyRecord> studies, RunModel lastShown) {
    }

    /** Where a rule opened from a sweep cell came from. */
    static final String SWEEP_CELL = "main.status.sweepCell";
    static final String LOADING = "main.status.loading";
    static final String READY = "main.status.ready";
    static final String RESTORED = "main.status.restored";

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final BacktestService service;
    /** The background jobs (load, run, open, export, rules) and the busy flag; Cancel stops the latest but rules. */
    private final BusyJobs jobs;
    private final StatusLine status;

    /** The setup panel's choices and lists. */
    private final SetupViewModel setup;
    /** The shown run, its events, summary and selection. */
    private final ResultViewModel shown = new ResultViewModel();
    private final RunHistory history;
    private final RunFlow runs;
    private final UiState state;
    /** Whether the lists were loaded once: a later load (after an import) keeps every choice and the shown run. */
    private boolean loaded;
    /** The setup's cash flows and what a run with them shows. */
    private final CashFlowViewModel cashFlows;

    public MainViewModel(BacktestService service, TaskExecutor executor, UiState state, Consumer<UiError> errors) {
        this.service = service;
        this.state = state;
        this.jobs = new BusyJobs(executor);
        this.status = new StatusLine(errors);
        this.setup = new SetupViewModel(state, service.flags().useRebalancing());
        this.history = new RunHistory(service, jobs, setup, shown, status);
        this.runs = new RunFlow(service, executor, jobs, setup, shown, history, status);
        this.cashFlows = new CashFlowViewModel(jobs, setup, shown, status);
        shown.resultProperty().addListener((o, a, m) -> {
            if (m == null) {
                setup.shownChoicesProperty().set(null);
                return;
            }
            if (a == null || a.run() != m.run()) {
                setup.shownChoicesProperty().set(RunChoices.of(m.run()));
            }
            if (!m.isPreview() && (a == null || a.run().runId() != m.run().runId())) {
                state.put(UiState.LAST_RUN, Long.toString(m.run().runId()));
                state.save();
            }
        });
    }

    /** Where the screen remembers its choices and layout between launches. */
    public UiState state() {
        return state;
    }

    /** The setup panel's choices and lists. */
    public SetupViewModel setup() {
        return setup;
    }

    /** The setup's cash flows and what a run with them shows. */
    public CashFlowViewModel cashFlows() {
        return cashFlows;
    }

    /** The shown run, its events, summary and selection. */
    public ResultViewModel shown() {
        return shown;
    }

    public ObservableList<RunRecord> getHistory() {
        return history.runs();
    }

    /** The stored robustness studies, newest first (History lists them beside the runs). */
    public ObservableList<StudyRecord> getStudies() {
        return history.studies();
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
        return status.textProperty();
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

    /**
     * Loads the lists (portfolios, usable rules, datasets, history). The first time it restores the last choices and
     * the last shown run (with its choices, when it still exists); later (after an import) it keeps every choice and
     * what is shown, only clamping the window to the chosen dataset's dates as they are now.
     */
    public void load() {
        boolean first = !loaded;
        long lastRun = first ? state.get(UiState.LAST_RUN).map(MainViewModel::runId).orElse(-1L) : -1;
        status.set(tr(LOADING));
        jobs.submitCancellable("load", () -> new Lists(service.portfolios(), service.usableRules(), service.datasets(),
                service.history(RunHistory.SIZE), service.robustness().recent(RunHistory.SIZE), lastShown(lastRun)), lists -> {
                    loaded = true;
                    String ignored = "";
                    if (first) {
                        ignored = setup.setLists(lists.portfolios(), lists.rules(), lists.datasets());
                    } else {
                        setup.replaceLists(lists.portfolios(), lists.rules(), lists.datasets());
                    }
                    history.runs().setAll(lists.history());
                    history.studies().setAll(lists.studies());
                    String restored = "";
                    if (lists.lastShown() != null) {
                        history.show(new LoadedRun(lists.lastShown(), lists.history(), lists.studies(), null));
                        restored = tr(RESTORED, Long.toString(lists.lastShown().run().runId()));
                    } else if (lastRun >= 0) {
                        state.put(UiState.LAST_RUN, null); // gone: nothing to show next time either
                    }
                    status.set(countsText(lists.portfolios().size(), lists.rules().size(), lists.datasets().size())
                            + restored + ignored);
                }, status::failed, status::cancelled);
    }

    private static long runId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The run shown when the lab was last closed, or null when there is none or it no longer exists (background). */
    private RunModel lastShown(long runId) {
        if (runId < 0) {
            return null;
        }
        try {
            return FlowComparison.attach(service, RunModel.of(service.open(runId), true), new Cancellation());
        } catch (ForestoException e) {
            LOG.info("the last shown run #{} is not shown again: {}", runId, e.getMessage());
            return null;
        }
    }

    /**
     * Builds the request from the setup choices without the cash flows (the scenario the Sweep and Robustness tabs
     * share; Run adds the schedule); validation errors carry the service's codes.
     */
    public BacktestRequest request() {
        return setup.scenario(setup.rebalancingOnProperty().get());
    }

    /**
     * Runs the backtest in the background, with the setup's cash flows when it has some; the result (new or reused)
     * is then shown.
     */
    public void run() {
        runs.run(null);
    }

    /**
     * Runs the setup's portfolio, dataset and window with {@code inline} instead of the chosen rule and without cash
     * flows (stored, hashed and reused like any run).
     */
    public void runInline(RebalancingRule inline) {
        runInline(inline, null);
    }

    /**
     * Runs the setup's portfolio, dataset and window with {@code inline} instead of the chosen rule, on the flow
     * schedule {@code flows} (null: none), which the setup then shows (the Sweep tab's click-through: the schedule its
     * cells ran with, even if the setup's changed since; stored, hashed and reused like any run).
     */
    public void runInline(RebalancingRule inline, CashFlowSchedule flows) {
        if (!jobs.isBusy()) {
            setup.adoptRule(inline, tr(SWEEP_CELL)); // the setup shows the cell's rule, so Run repeats the cell
            setup.cashFlows().adopt(flows); // and the cell's schedule (or none)
        }
        runs.run(inline);
    }

    /** Opens a stored run from the history without recomputing it. */
    public void open(long runId) {
        history.open(runId);
    }

    /** Opens a stored robustness study from the history (in the tab registered by {@link #openStudiesWith}). */
    public void openStudy(long studyId) {
        history.openStudy(studyId);
    }

    /** Registers where History's studies open: the Robustness tab. */
    public void openStudiesWith(LongConsumer opener) {
        history.studyOpener(opener);
    }

    /** Reads the stored studies History lists again (after a study was stored). */
    public void refreshStudies() {
        history.refreshStudies();
    }

    /**
     * Stops the current job. A run that is already being stored cannot be stopped: it is then shown as the
     * stored run it becomes, and the status says so.
     */
    public void cancel() {
        if (jobs.isCancellableRunning() && runs.stopBeforeCommit()) {
            jobs.cancel();
        }
    }

    /** Writes the event table through the shared CSV writer (in the background). */
    public void exportEvents(Path file, Runnable done) {
        List<RebalancingEvent> snapshot = List.copyOf(shown.getEvents());
        status.set(tr("main.status.exportingEvents", LocaleFormat.integer(snapshot.size())));
        jobs.submitCancellable("export", () -> {
            EventTable.export(file, snapshot);
            return snapshot.size();
        }, n -> {
            status.set(tr("main.status.exportedEvents", LocaleFormat.integer(n), file.toString()));
            done.run();
        }, status::failed, status::cancelled);
    }

    /** Refreshes the active portfolios every picker offers (after the Portfolios tab changed something). */
    public void refreshPortfolios() {
        jobs.submit("portfolios", service::portfolios, ps -> {
            setup.setPortfolios(ps);
            showCounts();
        }, status::failed, () -> { });
    }

    /** Refreshes the usable rules (after the rules editor changed something). */
    public void refreshRules() {
        jobs.submit("rules", service::usableRules, rs -> {
            setup.setRules(rs);
            showCounts();
        }, status::failed, () -> { });
    }

    /** The status line's counts as the pickers now hold them (after a portfolio or rule was created or deactivated). */
    private void showCounts() {
        status.set(countsText(setup.getPortfolios().size(), setup.getRules().size(), setup.getDatasets().size()));
    }

    private static String countsText(int portfolios, int rules, int datasets) {
        return tr(READY, LocaleFormat.integer(portfolios), LocaleFormat.integer(rules), LocaleFormat.integer(datasets), datasets);
    }
}
