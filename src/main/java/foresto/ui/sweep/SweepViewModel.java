package foresto.ui.sweep;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.backtest.BacktestService;
import foresto.backtest.InlineRule;
import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.engine.CashFlowSchedule;
import foresto.engine.MarketData;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.common.FrequencyText;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Sweep tab: a rule family with a range and cost rates on the Analysis tab's portfolio, dataset and
 * window, optionally robust (every cell also against OFF on J resampled histories); run in the background with
 * progress (cells, and paths × cells, done / total) and Cancel; the grid for the heatmap; a
 * cell opened as a normal stored run in the Analysis tab; the grid exported as CSV. The setup's cash-flow schedule,
 * when one is chosen, applies to every cell, to OFF, to the compared cells' paths and to a cell opened in Analysis (the
 * schedule the sweep ran with, kept beside its grid). No JavaFX nodes.
 */
public final class SweepViewModel {
    /** The rule families the tab sweeps. */
    public enum Family {
        ABSOLUTE_BAND("sweep.family.absolute"),
        RELATIVE_BAND("sweep.family.relative"),
        HYBRID_BAND("sweep.family.hybrid"),
        CALENDARS("sweep.family.calendars");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return tr(label);
        }
    }

    private final BacktestService service;
    private final MainViewModel setup;
    private final TaskExecutor executor;
    /** The sweep (the one Cancel stops) and the busy flag. */
    private final BusyJobs jobs;
    private final Consumer<Runnable> uiThread;
    private final Consumer<UiError> errors;

    private final ObjectProperty<Family> family = new SimpleObjectProperty<>(Family.ABSOLUTE_BAND);
    private final StringProperty from = new SimpleStringProperty("0.01");
    private final StringProperty to = new SimpleStringProperty("0.10");
    private final StringProperty step = new SimpleStringProperty("0.01");
    private final StringProperty rho = new SimpleStringProperty("0.25");
    private final StringProperty costRates = new SimpleStringProperty("0,0.001,0.002,0.005");
    private final StringProperty check = new SimpleStringProperty("daily");
    private final StringProperty rebalanceTo = new SimpleStringProperty("0");
    /** J of a robust sweep (every cell also against OFF on J resampled histories); empty: none. */
    private final StringProperty bootstrapPaths = new SimpleStringProperty("");
    /** The heatmap's metrics for the grid shown: P(beats OFF) among them when it ran with a bootstrap. */
    private final ObservableList<Metric> heatmapMetrics = FXCollections.observableArrayList(Metric.heatmap());
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.FINAL_VALUE);
    private final ObjectProperty<SweepRunner.Result> result = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(tr("sweep.ready"));
    public static final int MAX_COMPARED = 6;
    /** The cells chosen for comparison and their value paths. */
    private final SweepComparison comparison;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private String heading = "";
    /** The flow schedule the shown grid ran with (null: none); a cell opened in Analysis runs on it. */
    private CashFlowSchedule sweptFlows;
    /** One line saying the setup's cash flows apply to the sweep; empty without a schedule. */
    private final StringBinding flowsNote;
    /** Where the form is remembered (written when a sweep starts). */
    private final UiState state;

    public SweepViewModel(BacktestService service, MainViewModel setup, TaskExecutor executor, Consumer<Runnable> uiThread,
                          Consumer<UiError> errors) {
        this.service = service;
        this.setup = setup;
        this.executor = executor;
        this.jobs = new BusyJobs(executor);
        this.uiThread = uiThread;
        this.errors = errors;
        this.comparison = new SweepComparison(executor, errors, MAX_COMPARED);
        var choices = setup.cashFlows().choices();
        this.flowsNote = Bindings.createStringBinding(() -> choices.isOn()
                ? tr("sweep.withFlows", choices.kindProperty().get().label()) : "", choices.kindProperty());
        this.state = setup.state();
        rememberForm();
    }

    /** Where the form's fields are remembered between launches (the key's tail names the field). */
    static final String STATE_PREFIX = "sweep.";

    /**
     * Restores the form from the state (as the analyst last left it) and keeps it there: each change is put at once
     * and written with the app's other choices, at the latest when a sweep starts; the heatmap's metric is written
     * when picked. The grid itself is not kept
     * (a sweep lives in memory only), so after a restart the form is back but the heatmap waits for Run.
     */
    private void rememberForm() {
        state.get(STATE_PREFIX + "family").ifPresent(name -> {
            try {
                family.set(Family.valueOf(name));
            } catch (IllegalArgumentException e) {
                state.put(STATE_PREFIX + "family", null);
            }
        });
        family.addListener((o, a, b) -> state.put(STATE_PREFIX + "family", b == null ? null : b.name()));
        remember(state, "from", from);
        remember(state, "to", to);
        remember(state, "step", step);
        remember(state, "rho", rho);
        remember(state, "costs", costRates);
        remember(state, "check", check);
        remember(state, "rebalance_to", rebalanceTo);
        remember(state, "paths", bootstrapPaths);
        state.get(STATE_PREFIX + "metric").flatMap(name -> heatmapMetrics.stream()
                .filter(m -> m.name().equals(name)).findFirst()).ifPresent(metric::set);
        metric.addListener((o, a, b) -> {
            state.put(STATE_PREFIX + "metric", b == null ? null : b.name());
            state.save(); // a pick, not a keystroke: written at once
        });
    }

    private static void remember(UiState state, String name, StringProperty field) {
        state.get(STATE_PREFIX + name).ifPresent(field::set);
        field.addListener((o, a, b) -> state.put(STATE_PREFIX + name, b));
    }

    /** One line saying the setup's cash flows ({0}: their kind) apply to every cell; empty when none is chosen. */
    public StringBinding flowsNote() {
        return flowsNote;
    }

    /** The flow schedule the shown grid ran with, or null (none, or no grid yet). */
    public CashFlowSchedule sweptFlows() {
        return sweptFlows;
    }

    public ObjectProperty<Family> familyProperty() {
        return family;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public StringProperty rhoProperty() {
        return rho;
    }

    public StringProperty costRatesProperty() {
        return costRates;
    }

    public StringProperty checkProperty() {
        return check;
    }

    public StringProperty rebalanceToProperty() {
        return rebalanceTo;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public StringProperty bootstrapPathsProperty() {
        return bootstrapPaths;
    }

    /** The metrics the heatmap can be coloured by for the grid shown (the picker's items). */
    public ObservableList<Metric> heatmapMetrics() {
        return heatmapMetrics;
    }

    /** The last sweep's grid, or null. */
    public ObjectProperty<SweepRunner.Result> resultProperty() {
        return result;
    }

    /** Cells done / total of the sweep under way. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The compared cells' value paths and OFF's. */
    public ObjectProperty<List<TimeSeriesChart.Line>> comparePathsProperty() {
        return comparison.pathsProperty();
    }

    /** Up to {@link #MAX_COMPARED} cells ({rule, cost}) whose value paths are overlaid. */
    public ObservableList<int[]> getCompared() {
        return comparison.compared();
    }

    /** The scenario choices, shared with the Analysis tab's setup (picking here changes them there too). */
    public MainViewModel setup() {
        return setup;
    }

    /** The rule specs the family and range stand for (ranges in exact decimal steps). */
    public List<String> specs() {
        return form().specs();
    }

    /** The form as typed now. */
    private SweepForm form() {
        return new SweepForm(family.get(), from.get(), to.get(), step.get(), rho.get(), costRates.get(), check.get(),
                rebalanceTo.get(), bootstrapPaths.get());
    }

    public String heading() {
        return heading;
    }

    /** True while a sweep is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    public void run() {
        if (jobs.isBusy()) {
            return;
        }
        List<RebalancingRule> rules;
        List<Double> costs;
        SweepRunner.Bootstrap bootstrap;
        CashFlowSchedule flows;
        PortfolioRecord portfolio = setup.portfolioProperty().get();
        DatasetRecord dataset = setup.datasetProperty().get();
        SweepForm form = form();
        try {
            if (portfolio == null || dataset == null) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "choose a portfolio and a dataset in the Analysis tab");
            }
            form.checkFields();
            rules = form.rules();
            costs = form.costs();
            bootstrap = form.bootstrap();
            service.flags().requireRebalancingAllowed("sweep");
            // every cell has a rule: the ON paths allocate each flow by the setup's chosen allocation, as Run does
            flows = setup.cashFlows().choices().schedule(true);
        } catch (RuntimeException e) {
            errors.accept(UiError.of(tr("sweep.cannotSweep"), e));
            return;
        }
        state.save(); // the form as swept comes back after a restart
        var req = setup.request();
        int total = rules.size() * costs.size();
        heading = portfolio.name() + ", " + dataset.label() + ", " + (req.startDate() == null ? dataset.firstDate() : req.startDate())
                + ".." + (req.endDate() == null ? dataset.lastDate() : req.endDate());
        progress.set(0);
        cancelRequested.set(false);
        status.set(bootstrap == null ? tr("sweep.sweeping", LocaleFormat.integer(total))
                : tr("sweep.sweepingBootstrap", LocaleFormat.integer(total), LocaleFormat.integer(bootstrap.paths())));
        AtomicInteger lastShown = new AtomicInteger(-1);
        comparison.clear();
        jobs.submitCancellable("sweep", () -> {
            MarketData data = service.marketData(dataset);
            Scenario scenario = new Scenario(portfolio.weights(), req.startDate() == null ? data.firstDate() : req.startDate(),
                    req.endDate() == null ? data.lastDate() : req.endDate(), req.initialValue(), req.missingDataPolicy());
            comparison.sweptOn(data, scenario, flows);
            // units: a cell, and with a bootstrap a cell on one path (paths × cells done / total)
            return SweepRunner.run(data, scenario, rules, costs, flows, bootstrap, (done, units) -> {
                int percent = (int) (done * 100 / units);
                if (lastShown.getAndSet(percent) != percent) {
                    uiThread.accept(() -> progress.set(done / (double) units));
                }
            }, cancelRequested::get);
        }, r -> {
            progress.set(1);
            heatmapMetrics.setAll(Metric.heatmap(r.bootstrap() != null));
            if (!heatmapMetrics.contains(metric.get())) {
                metric.set(Metric.FINAL_VALUE);
            }
            sweptFlows = flows;
            result.set(r);
            String swept = tr("sweep.swept", LocaleFormat.integer(r.rows().size()), LocaleFormat.integer(r.rules().size()),
                    LocaleFormat.integer(r.costRates().size()), FrequencyText.of(r.periodsPerYear()));
            status.set(swept + (r.offFlows() == null ? "" : tr("sweep.sweptFlows"))
                    + (r.bootstrap() == null ? "" : tr("sweep.sweptBootstrap", LocaleFormat.integer(r.bootstrap().paths())))
                    + tr("sweep.sweptHint"));
        }, t -> {
            UiError e = UiError.of(tr("sweep.failed"), t);
            status.set(tr("common.failed", e.status()));
            errors.accept(e);
        }, () -> status.set(tr("sweep.cancelled")));
    }

    public void cancel() {
        cancelRequested.set(true);
        jobs.cancel();
    }

    /** Opens cell (rule i, cost j) as a normal run in the Analysis tab (stored, hashed, reused). */
    public void analyze(int i, int j) {
        SweepRunner.Result r = result.get();
        if (r == null) {
            return;
        }
        SweepRunner.Row row = r.at(i, j);
        RebalancingRule rule = InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo());
        setup.runInline(rule, sweptFlows); // on the schedule the sweep ran with, so the run equals the cell
    }

    /**
     * Adds cell (rule i, cost j) to the comparison, or removes it when it is there; at most {@link #MAX_COMPARED}
     * (the oldest goes). The paths are recomputed in the background: each is the same single run as the cell.
     */
    public void toggleCompared(int i, int j) {
        if (result.get() == null) {
            return;
        }
        comparison.toggle(result.get(), i, j);
    }

    public void export(Path file) {
        SweepRunner.Result r = result.get();
        if (r == null) {
            return;
        }
        executor.submit("export sweep", () -> {
            SweepRunner.writeCsv(file, r);
            return r.rows().size();
        }, n -> status.set(tr("sweep.exported", LocaleFormat.integer(n), file.toString())),
                t -> errors.accept(UiError.of(tr("common.exportFailed"), t)), () -> { });
    }
}
