package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.FeatureFlags;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRequestInfo;
import foresto.text.PlainNumber;
import foresto.ui.common.UiState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The setup panel's state: the lists to choose from, the choices (portfolio, rule, rebalancing on/off,
 * dataset, window, initial value, missing-data policy), the request they make, and remembering them between
 * sessions. No JavaFX nodes, no background work.
 */
public final class SetupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SetupViewModel.class);
    private final UiState state;
    private final ReadOnlyBooleanWrapper rebalancingAllowed;

    private final ObservableList<PortfolioRecord> portfolios = FXCollections.observableArrayList();
    private final ObservableList<RuleRecord> rules = FXCollections.observableArrayList();
    private final ObservableList<DatasetRecord> datasets = FXCollections.observableArrayList();

    private final ObjectProperty<PortfolioRecord> portfolio = new SimpleObjectProperty<>();
    private final ObjectProperty<RuleRecord> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<DatasetRecord> dataset = new SimpleObjectProperty<>();
    private final BooleanProperty rebalancingOn = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final StringProperty initialValue = new SimpleStringProperty("10000");
    private final ObjectProperty<MissingDataPolicy> missingPolicy = new SimpleObjectProperty<>(MissingDataPolicy.SKIP);

    public SetupViewModel(UiState state, boolean rebalancingAllowed) {
        this.state = state;
        this.rebalancingAllowed = new ReadOnlyBooleanWrapper(rebalancingAllowed);
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
    }

    public ObjectProperty<PortfolioRecord> portfolioProperty() {
        return portfolio;
    }

    public ObjectProperty<RuleRecord> ruleProperty() {
        return rule;
    }

    public ObjectProperty<DatasetRecord> datasetProperty() {
        return dataset;
    }

    public BooleanProperty rebalancingOnProperty() {
        return rebalancingOn;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public StringProperty initialValueProperty() {
        return initialValue;
    }

    public ObjectProperty<MissingDataPolicy> missingPolicyProperty() {
        return missingPolicy;
    }

    public ObservableList<PortfolioRecord> getPortfolios() {
        return portfolios;
    }

    public ObservableList<RuleRecord> getRules() {
        return rules;
    }

    public ObservableList<DatasetRecord> getDatasets() {
        return datasets;
    }

    public ReadOnlyBooleanProperty rebalancingAllowedProperty() {
        return rebalancingAllowed.getReadOnlyProperty();
    }

    public String disabledBanner() {
        return "Rebalancing is disabled: USE_REBALANCING is off. Buy-and-hold (OFF) runs still work. To enable it, "
                + FeatureFlags.HOW_TO_ENABLE + ".";
    }

    /** "Targets: EQUITY 60.0%, BOND 30.0%, …" for the chosen portfolio. */
    public String targetsText() {
        PortfolioRecord p = portfolio.get();
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Targets: ");
        p.weights().byCode().forEach((k, v) -> sb.append(sb.length() == 9 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.1f%%", v * 100)));
        return sb.toString();
    }

    /**
     * Replaces the portfolios (after one was added, edited or deactivated), keeping the chosen one by id (as now
     * stored); when it is gone, the first one.
     */
    void setPortfolios(List<PortfolioRecord> ps) {
        PortfolioRecord was = portfolio.get();
        portfolios.setAll(ps);
        portfolio.set(ps.stream().filter(p -> was != null && p.portfolioId() == was.portfolioId()).findFirst()
                .orElse(ps.isEmpty() ? null : ps.get(0)));
    }

    /** Replaces the lists and restores the remembered choices; returns a warning for choices it had to drop. */
    String setLists(List<PortfolioRecord> ps, List<RuleRecord> rs, List<DatasetRecord> ds) {
        portfolios.setAll(ps);
        rules.setAll(rs);
        datasets.setAll(ds);
        return restoreChoices();
    }

    /** Restores the remembered choices; a value that no longer makes sense is dropped with a warning. */
    private String restoreChoices() {
        portfolio.set(find(portfolios, state.get("portfolio"), p -> Long.toString(p.portfolioId())).orElse(portfolios.isEmpty() ? null : portfolios.get(0)));
        rule.set(find(rules, state.get("rule"), r -> Long.toString(r.ruleId())).orElse(rules.isEmpty() ? null : rules.get(0)));
        dataset.set(find(datasets, state.get("dataset"), d -> Long.toString(d.datasetId())).orElse(datasets.isEmpty() ? null : datasets.get(0)));
        List<String> bad = new ArrayList<>();
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
        if (state.get("rebalancing").isEmpty()) {
            rebalancingOn.set(rebalancingAllowed.get());
        }
        if (bad.isEmpty()) {
            return "";
        }
        String warning = "Ignored unreadable remembered choices: " + String.join(", ", bad) + ".";
        LOG.warn(warning);
        return " " + warning;
    }

    private <T> void restore(String key, Function<String, T> parse, Consumer<T> apply, List<String> bad) {
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

    private static <T> Optional<T> find(List<T> list, Optional<String> key, Function<T, String> id) {
        return key.flatMap(k -> list.stream().filter(t -> id.apply(t).equals(k)).findFirst());
    }

    void rememberChoices() {
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

    /** Builds the request from the choices ({@code withRule}: the chosen rule when rebalancing is on). */
    BacktestRequest request(boolean withRule) {
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

    /** Puts an opened run's choices into the setup, so Run repeats it (a rule no longer usable stays unset). */
    void adopt(RunRequestInfo req) {
        portfolios.stream().filter(p -> p.portfolioId() == req.portfolioId()).findFirst().ifPresent(portfolio::set);
        datasets.stream().filter(d -> d.datasetId() == req.datasetId()).findFirst().ifPresent(dataset::set);
        startDate.set(req.startDate());
        endDate.set(req.endDate());
        initialValue.set(PlainNumber.of(req.initialValue()));
        missingPolicy.set(MissingDataPolicy.valueOf(req.missingDataPolicy()));
        if (req.rebalancingRuleId() != null) {
            rules.stream().filter(r -> r.ruleId().equals(req.rebalancingRuleId())).findFirst().ifPresent(rule::set);
        }
        rebalancingOn.set(rebalancingAllowed.get() && req.rebalancingRuleId() != null);
    }

    /** Replaces the usable rules, keeping the chosen one when it is still there. */
    void setRules(List<RuleRecord> list) {
        RuleRecord keep = rule.get();
        rules.setAll(list);
        rule.set(keep == null ? null : list.stream().filter(r -> r.ruleId().equals(keep.ruleId())).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
    }
}
