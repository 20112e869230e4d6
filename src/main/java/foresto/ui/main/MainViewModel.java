package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.FeatureFlags;
import foresto.csv.EventTable;
import foresto.db.DatasetRecord;
import foresto.db.PortfolioRecord;
import foresto.db.RuleRecord;
import foresto.db.RunRecord;
import foresto.db.RunRequestInfo;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.ui.TaskExecutor;
import foresto.ui.UiError;
import foresto.ui.UiState;
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
 * The analysis screen's state and actions: setup choices, running a backtest in the background, the
 * loaded run (paths, events, summary), selection of events and days, export, and run history.
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

    public final ObservableList<PortfolioRecord> portfolios = FXCollections.observableArrayList();
    public final ObservableList<RuleRecord> rules = FXCollections.observableArrayList();
    public final ObservableList<DatasetRecord> datasets = FXCollections.observableArrayList();
    public final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    public final ObservableList<RebalancingEvent> events = FXCollections.observableArrayList();
    public final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();
    public final ObservableList<RunModel.ClassWeight> weightsAtDay = FXCollections.observableArrayList();

    public final ObjectProperty<PortfolioRecord> portfolio = new SimpleObjectProperty<>();
    public final ObjectProperty<RuleRecord> rule = new SimpleObjectProperty<>();
    public final ObjectProperty<DatasetRecord> dataset = new SimpleObjectProperty<>();
    public final BooleanProperty rebalancingOn = new SimpleBooleanProperty(false);
    public final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    public final StringProperty initialValue = new SimpleStringProperty("10000");
    public final ObjectProperty<MissingDataPolicy> missingPolicy = new SimpleObjectProperty<>(MissingDataPolicy.SKIP);

    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final StringProperty status = new SimpleStringProperty("");
    public final ObjectProperty<RunModel> result = new SimpleObjectProperty<>();
    /** The selected event (index into {@link #events}), or null. */
    public final ObjectProperty<Integer> selectedEvent = new SimpleObjectProperty<>();
    /** The selected day (index into the run's dates), or -1. */
    public final IntegerProperty selectedDay = new SimpleIntegerProperty(-1);
    public final StringProperty dayDetail = new SimpleStringProperty("");

    private final ReadOnlyBooleanWrapper rebalancingAllowed;
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
        this.rebalancingAllowed = new ReadOnlyBooleanWrapper(service.flags().useRebalancing());
        if (!rebalancingAllowed.get()) {
            rebalancingOn.set(false);
        }
        dataset.addListener((o, a, d) -> {
            if (d != null) {
                if (startDate.get() == null || startDate.get().isBefore(d.firstDate()) || startDate.get().isAfter(d.lastDate())) {
                    startDate.set(d.firstDate());
                }
                if (endDate.get() == null || endDate.get().isAfter(d.lastDate()) || endDate.get().isBefore(d.firstDate())) {
                    endDate.set(d.lastDate());
                }
            }
        });
        selectedEvent.addListener((o, a, e) -> {
            RunModel r = result.get();
            if (e != null && r != null && r.eventIndex(e) >= 0) {
                selectedDay.set(r.eventIndex(e));
            }
        });
        selectedDay.addListener((o, a, k) -> showDay(k.intValue()));
    }

    public ReadOnlyBooleanProperty rebalancingAllowedProperty() {
        return rebalancingAllowed.getReadOnlyProperty();
    }

    public String disabledBanner() {
        return "Rebalancing is disabled: USE_REBALANCING is off. Buy-and-hold (OFF) runs still work. To enable it, "
                + FeatureFlags.HOW_TO_ENABLE + ".";
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
                    portfolios.setAll(lists.portfolios());
                    rules.setAll(lists.rules());
                    datasets.setAll(lists.datasets());
                    history.setAll(lists.history());
                    String ignored = restoreChoices();
                    status.set("Ready. " + lists.portfolios().size() + " portfolios, " + lists.rules().size()
                            + " usable rules, " + lists.datasets().size() + " dataset" + (lists.datasets().size() == 1 ? "" : "s")
                            + "." + ignored);
                }, this::cancelled);
    }

    /** Restores the remembered choices; a value that no longer makes sense is dropped with a warning. */
    private String restoreChoices() {
        portfolio.set(find(portfolios, state.get("portfolio"), p -> Long.toString(p.portfolioId())).orElse(portfolios.isEmpty() ? null : portfolios.get(0)));
        rule.set(find(rules, state.get("rule"), r -> Long.toString(r.ruleId())).orElse(rules.isEmpty() ? null : rules.get(0)));
        dataset.set(find(datasets, state.get("dataset"), d -> Long.toString(d.datasetId())).orElse(datasets.isEmpty() ? null : datasets.get(0)));
        List<String> bad = new java.util.ArrayList<>();
        restore("start", LocalDate::parse, d -> {
            if (insideDataset(d)) {
                startDate.set(d);
            }
        }, bad);
        restore("end", LocalDate::parse, d -> {
            if (insideDataset(d)) {
                endDate.set(d);
            }
        }, bad);
        restore("initial_value", v -> {
            Double.parseDouble(v.trim().replace(",", ""));
            return v;
        }, initialValue::set, bad);
        restore("missing", MissingDataPolicy::valueOf, missingPolicy::set, bad);
        restore("rebalancing", v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(v);
            }
            return Boolean.parseBoolean(v);
        }, on -> rebalancingOn.set(rebalancingAllowed.get() && on), bad);
        if (!state.get("rebalancing").isPresent()) {
            rebalancingOn.set(rebalancingAllowed.get());
        }
        if (bad.isEmpty()) {
            return "";
        }
        String warning = "Ignored unreadable remembered choices: " + String.join(", ", bad) + ".";
        System.err.println("foresto: " + warning);
        return " " + warning;
    }

    private <T> void restore(String key, java.util.function.Function<String, T> parse, Consumer<T> apply, List<String> bad) {
        Optional<String> raw = state.get(key);
        if (raw.isEmpty()) {
            return;
        }
        try {
            apply.accept(parse.apply(raw.get()));
        } catch (RuntimeException e) {
            bad.add(key + "=" + raw.get());
            state.put(key, null);
        }
    }

    private boolean insideDataset(LocalDate d) {
        DatasetRecord ds = dataset.get();
        return ds != null && !d.isBefore(ds.firstDate()) && !d.isAfter(ds.lastDate());
    }

    private static <T> Optional<T> find(List<T> list, Optional<String> key, java.util.function.Function<T, String> id) {
        return key.flatMap(k -> list.stream().filter(t -> id.apply(t).equals(k)).findFirst());
    }

    private void rememberChoices() {
        state.put("portfolio", portfolio.get() == null ? null : Long.toString(portfolio.get().portfolioId()));
        state.put("rule", rule.get() == null ? null : Long.toString(rule.get().ruleId()));
        state.put("dataset", dataset.get() == null ? null : Long.toString(dataset.get().datasetId()));
        state.put("start", startDate.get() == null ? null : startDate.get().toString());
        state.put("end", endDate.get() == null ? null : endDate.get().toString());
        state.put("initial_value", initialValue.get());
        state.put("missing", missingPolicy.get().name());
        state.put("rebalancing", Boolean.toString(rebalancingOn.get()));
        state.save();
    }

    /** The setup's request with rebalancing OFF (portfolio, dataset, window, value, policy). */
    BacktestRequest requestWithoutRule() {
        return request(false);
    }

    /** Builds the request from the setup choices; validation errors carry the service's codes. */
    public BacktestRequest request() {
        return request(rebalancingOn.get());
    }

    private BacktestRequest request(boolean withRule) {
        if (portfolio.get() == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "choose a portfolio");
        }
        double v;
        try {
            v = Double.parseDouble(initialValue.get().trim().replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "initial value must be a number, got '" + initialValue.get() + "'");
        }
        Long ruleId = null;
        if (withRule) {
            if (rule.get() == null) {
                throw new ForestoException(ErrorCode.INVALID_RULE, "choose a rebalancing rule or switch rebalancing off");
            }
            ruleId = rule.get().ruleId();
        }
        return new BacktestRequest(portfolio.get().portfolioId(), dataset.get() == null ? null : dataset.get().datasetId(),
                startDate.get(), endDate.get(), v, missingPolicy.get(), ruleId);
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
        rememberChoices();
        status.set("Running " + portfolio.get().name() + (inline != null ? " with " + foresto.engine.RebalancingRule.spec(inline)
                : req.rebalancingRuleId() == null ? " (rebalancing OFF)" : " with " + rule.get().ruleName()) + " …");
        Cancellation cancellation = new Cancellation();
        runCancellation = cancellation;
        running = job("run", () -> {
            BacktestResult r = service.run(req, cancellation);
            return new Loaded(RunModel.of(service.open(r.runId()), r.reused()), service.history(200), r.request());
        }, loaded -> {
            runCancellation = null;
            show(loaded);
        }, () -> {
            runCancellation = null;
            status.set("Cancelled. Nothing was stored.");
        });
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
        selectedEvent.set(null);
        selectedDay.set(-1);
        result.set(m);
        events.setAll(m.events());
        summary.setAll(SummaryRow.of(m.run().summary().off(), m.run().summary().on(), m.paths().dates(), m.paths().off(),
                m.paths().hasOn() ? m.paths().on() : null));
        history.setAll(loaded.history());
        var req = loaded.asked() != null ? loaded.asked() : m.run().request();
        if (loaded.asked() == null) {
            adoptChoices(req);
        }
        status.set((m.reused() ? "Reused run #" : "New run #") + m.run().runId() + ": " + req.portfolioName() + ", "
                + (req.ruleName() == null ? "rebalancing OFF" : req.ruleName()) + ", " + req.startDate() + ".." + req.endDate()
                + ", " + m.events().size() + " events");
    }

    /**
     * Stops the current job. A run that is already being stored cannot be stopped: it is then shown as the
     * stored run it becomes, and the status says so.
     */
    /** Puts an opened run's choices into the setup panel, so Run repeats it (a rule no longer usable stays unset). */
    private void adoptChoices(RunRequestInfo req) {
        portfolios.stream().filter(p -> p.portfolioId() == req.portfolioId()).findFirst().ifPresent(portfolio::set);
        datasets.stream().filter(d -> d.datasetId() == req.datasetId()).findFirst().ifPresent(dataset::set);
        startDate.set(req.startDate());
        endDate.set(req.endDate());
        initialValue.set(new java.math.BigDecimal(Double.toString(req.initialValue())).stripTrailingZeros().toPlainString());
        missingPolicy.set(MissingDataPolicy.valueOf(req.missingDataPolicy()));
        if (req.rebalancingRuleId() != null) {
            rules.stream().filter(r -> r.ruleId().equals(req.rebalancingRuleId())).findFirst().ifPresent(rule::set);
        }
        rebalancingOn.set(rebalancingAllowed.get() && req.rebalancingRuleId() != null);
    }

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

    private void showDay(int k) {
        RunModel m = result.get();
        if (m == null || k < 0 || k >= m.dayCount()) {
            weightsAtDay.clear();
            dayDetail.set("");
            return;
        }
        weightsAtDay.setAll(m.weightsAt(k));
        int e = m.eventOnDay(k);
        String date = m.paths().dates()[k].toString();
        String drift = String.format(java.util.Locale.ROOT, "max drift OFF %.2f%%p", m.offDrift()[k] * 100)
                + (m.onDrift() == null ? "" : String.format(java.util.Locale.ROOT, ", ON %.2f%%p (before trading)", m.onDrift()[k] * 100));
        dayDetail.set(date + ": " + drift + (e >= 0 ? "\nEvent: " + m.breachText(e) : ""));
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
        job("rules", service::usableRules, list -> {
            RuleRecord keep = rule.get();
            rules.setAll(list);
            rule.set(keep == null ? null : list.stream().filter(r -> r.ruleId().equals(keep.ruleId())).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, () -> { });
    }
}
