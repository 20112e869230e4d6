package foresto.ui.main;

import foresto.text.DisplayNumber;
import foresto.ui.common.AssetClassText;
import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.backtest.BacktestRequest;
import foresto.backtest.FeatureFlags;
import foresto.engine.AssetClass;
import foresto.engine.RebalancingRule;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.rule.RuleCodec;
import foresto.text.PlainNumber;
import foresto.ui.common.UiState;
import foresto.ui.common.RuleText;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The setup panel's state: the lists to choose from, the choices (portfolio, rule, rebalancing on/off,
 * dataset, window, initial value, missing-data policy, cash flows), the request they make, and remembering them
 * between sessions. No JavaFX nodes, no background work.
 */
public final class SetupViewModel {
    /** Shown beside the setup when Run would no longer repeat the run on screen. */
    static final String CHANGED_TEXT = "main.setup.changed";
    /** How an adopted rule (one no stored rule holds as it is now) is named in the picker: short form, cost, source. */
    static final String ADOPTED_NAME = "main.setup.adoptedName";
    /** The rule label's note for an adopted rule. */
    static final String ADOPTED_NOTE = "main.setup.adoptedNote";
    static final String EFFECTIVE_FROM = "main.setup.effectiveFrom";

    private static final Logger LOG = LoggerFactory.getLogger(SetupViewModel.class);
    private final UiState state;
    private final ReadOnlyBooleanWrapper rebalancingAllowed;

    private final ObservableList<PortfolioRecord> portfolios = FXCollections.observableArrayList();
    private final ObservableList<RuleRecord> rules = FXCollections.observableArrayList();
    /** The setup's rule picker: the usable rules, then the adopted rule when there is one. */
    private final ObservableList<RuleRecord> ruleChoices = FXCollections.observableArrayList();
    private final ObservableList<DatasetRecord> datasets = FXCollections.observableArrayList();

    private final ObjectProperty<PortfolioRecord> portfolio = new SimpleObjectProperty<>();
    private final ObjectProperty<RuleRecord> rule = new SimpleObjectProperty<>();
    private final ObjectProperty<DatasetRecord> dataset = new SimpleObjectProperty<>();
    private final BooleanProperty rebalancingOn = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final StringProperty initialValue = new SimpleStringProperty("10000");
    private final ObjectProperty<MissingDataPolicy> missingPolicy = new SimpleObjectProperty<>(MissingDataPolicy.SKIP);
    /**
     * The rule of an opened run (a sweep cell's, or a stored rule edited since) that no stored rule holds as it is
     * now, chosen as {@link #adoptedRecord} (not in the list of stored rules; picking one of those replaces it); null
     * when none.
     */
    private RebalancingRule adoptedRule;
    private RuleRecord adoptedRecord;
    /** The choices of the run on screen (null when none): what "changed since this run" compares with. */
    private final ObjectProperty<RunChoices> shownChoices = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper changedSinceShown = new ReadOnlyBooleanWrapper(false);
    /** The "Cash flows…" choices: part of the request like every other choice. */
    private final CashFlowSetup cashFlows = new CashFlowSetup();

    public SetupViewModel(UiState state, boolean rebalancingAllowed) {
        this.state = state;
        this.rebalancingAllowed = new ReadOnlyBooleanWrapper(rebalancingAllowed);
        dataset.addListener((o, a, d) -> {
            if (d != null) {
                // another dataset: a window edge on the old data's first or last day follows to the new data's
                boolean switched = a != null && a.datasetId() != d.datasetId();
                LocalDate s = startDate.get();
                if (s == null || s.isBefore(d.firstDate()) || s.isAfter(d.lastDate()) || switched && s.equals(a.firstDate())) {
                    startDate.set(d.firstDate());
                }
                LocalDate e = endDate.get();
                if (e == null || e.isAfter(d.lastDate()) || e.isBefore(d.firstDate()) || switched && e.equals(a.lastDate())) {
                    endDate.set(d.lastDate());
                }
            }
        });
        rules.addListener((ListChangeListener<RuleRecord>) c -> fillRuleChoices());
        for (var p : List.of(portfolio, rule, dataset, rebalancingOn, startDate, endDate, initialValue, missingPolicy, shownChoices)) {
            p.addListener(o -> changedSinceShown.set(differsFromShown()));
        }
        for (Observable p : List.<Observable>of(cashFlows.kindProperty(), cashFlows.amountProperty(),
                cashFlows.rateProperty(), cashFlows.frequencyProperty(), cashFlows.baseDayProperty(),
                cashFlows.growthProperty(), cashFlows.allocationProperty(), cashFlows.keptProperty())) {
            p.addListener(o -> changedSinceShown.set(differsFromShown()));
        }
    }

    /** The setup's "Cash flows…" choices. */
    public CashFlowSetup cashFlows() {
        return cashFlows;
    }

    /** The rules the setup's picker offers: the usable ones and, last, the adopted rule of an opened run. */
    public ObservableList<RuleRecord> getRuleChoices() {
        return ruleChoices;
    }

    private void fillRuleChoices() {
        List<RuleRecord> all = new ArrayList<>(rules);
        if (adoptedRecord != null) {
            all.add(adoptedRecord);
        }
        ruleChoices.setAll(all);
    }

    /** True when the choices no longer repeat the run on screen (false without one). */
    public ReadOnlyBooleanProperty changedSinceShownProperty() {
        return changedSinceShown.getReadOnlyProperty();
    }

    /** The choices of the run on screen, or null. */
    public ObjectProperty<RunChoices> shownChoicesProperty() {
        return shownChoices;
    }

    /** The chosen rule in words: what it does and since when (an adopted rule says it is not stored). */
    public String ruleText() {
        RuleRecord r = rule.get();
        if (r == null) {
            return "";
        }
        if (r == adoptedRecord) {
            return tr(ADOPTED_NOTE, RuleText.of(adoptedRule));
        }
        return tr(EFFECTIVE_FROM, RuleText.of(r), LocaleFormat.date(r.effectiveFrom()));
    }

    /** The engine rule Run would use (an adopted one as it was run), or null when none is chosen or it is invalid. */
    RebalancingRule chosenRule() {
        RuleRecord r = rule.get();
        if (r == null) {
            return null;
        }
        if (r == adoptedRecord) {
            return adoptedRule;
        }
        try {
            return r.toEngineRule();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean differsFromShown() {
        RunChoices c = shownChoices.get();
        if (c == null) {
            return false;
        }
        double v;
        try {
            v = Double.parseDouble(initialValue.get().trim().replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            return true;
        }
        boolean on = rebalancingOn.get();
        if (on != (c.rule() != null) || !cashFlows.makes(c.cashFlows(), on)) {
            return true;
        }
        if (on) {
            RebalancingRule mine = chosenRule();
            if (mine == null || !RuleCodec.hashParameters(mine).equals(RuleCodec.hashParameters(c.rule()))) {
                return true;
            }
        }
        return portfolio.get() == null || portfolio.get().portfolioId() != c.portfolioId()
                || dataset.get() == null || dataset.get().datasetId() != c.datasetId()
                || !c.start().equals(startDate.get()) || !c.end().equals(endDate.get())
                || Double.compare(v, c.initialValue()) != 0 || !c.missingDataPolicy().equals(missingPolicy.get().name());
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
        return tr("main.setup.disabledBanner", FeatureFlags.HOW_TO_ENABLE);
    }

    /**
     * "Targets: Equity 60.0 %, Bonds 30.0 %, …" (Korean "목표 비중: 주식 60.0 %, …") for the chosen portfolio, its
     * classes in the order of the Portfolios table and the weights table (Equity, Bonds, Short-term, Gold, Other);
     * each weight stays with its unit and class on one line (non-breaking spaces), so "%" never wraps alone.
     */
    public String targetsText() {
        PortfolioRecord p = portfolio.get();
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (AssetClass c : AssetClass.values()) {
            if (p.weights().holds(c)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(AssetClassText.of(c)).append(NO_BREAK)
                        .append(DisplayNumber.percent(p.weights().get(c), 1).replace(' ', NO_BREAK));
            }
        }
        return tr("main.setup.targets", sb.toString());
    }

    /** A space no line breaks at. */
    private static final char NO_BREAK = '\u00a0';

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
        String warning = tr("main.setup.ignoredChoices", String.join(", ", bad));
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
        if (adoptedRecord == null || rule.get() != adoptedRecord) { // an adopted rule is not stored: the last shown run brings it back
            state.put("rule", rule.get() == null ? null : Long.toString(rule.get().ruleId()));
        }
        state.put("dataset", dataset.get() == null ? null : Long.toString(dataset.get().datasetId()));
        state.put("start", startDate.get() == null ? null : startDate.get().toString());
        state.put("end", endDate.get() == null ? null : endDate.get().toString());
        state.put("initial_value", initialValue.get());
        state.put("missing", missingPolicy.get().name());
        state.put("rebalancing", Boolean.toString(rebalancingOn.get()));
        state.save();
    }

    /**
     * The request Run makes from the choices ({@code withRule}: the chosen rule when rebalancing is on), with the
     * chosen cash flows; a schedule that cannot be made is refused (its problem then shown in the section).
     */
    BacktestRequest request(boolean withRule) {
        BacktestRequest req = scenario(withRule);
        return req.withCashFlows(cashFlows.schedule(withRule));
    }

    /**
     * The scenario the choices make without the cash flows ({@code withRule}: the chosen rule when rebalancing is on):
     * what the other tabs (Sweep, Robustness) take from the setup.
     */
    BacktestRequest scenario(boolean withRule) {
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
        BacktestRequest req = new BacktestRequest(portfolio.get().portfolioId(), dataset.get() == null ? null : dataset.get().datasetId(),
                startDate.get(), endDate.get(), v, missingPolicy.get(), ruleId);
        // an adopted rule runs inline, exactly as the run it came from
        return withRule && rule.get() == adoptedRecord ? req.withInlineRule(adoptedRule) : req;
    }

    /**
     * Puts an opened run's choices into the setup, so Run repeats it: its rule is the stored rule it names when that
     * rule is still the same, else the exact rule it ran with, offered as an adopted rule; its cash flows, or none.
     */
    public void adopt(RunChoices c, String source) {
        portfolios.stream().filter(p -> p.portfolioId() == c.portfolioId()).findFirst().ifPresent(portfolio::set);
        datasets.stream().filter(d -> d.datasetId() == c.datasetId()).findFirst().ifPresent(dataset::set);
        startDate.set(c.start());
        endDate.set(c.end());
        initialValue.set(PlainNumber.of(c.initialValue()));
        missingPolicy.set(MissingDataPolicy.valueOf(c.missingDataPolicy()));
        if (c.rule() != null) {
            Map<String, Object> exact = RuleCodec.hashParameters(c.rule());
            Optional<RuleRecord> stored = c.storedRuleId() == null ? Optional.empty() : rules.stream()
                    .filter(r -> r != adoptedRecord && r.ruleId().equals(c.storedRuleId()) && sameRule(r, exact)).findFirst();
            if (stored.isPresent()) {
                rule.set(stored.get());
            } else {
                adoptRule(c.rule(), source);
            }
        }
        rebalancingOn.set(rebalancingAllowed.get() && c.rule() != null);
        cashFlows.adopt(c.cashFlows());
    }

    /**
     * Offers {@code exact} (a sweep cell's rule, an opened run's) as the chosen rule, named by its short form, cost
     * and {@code source}, with rebalancing on (when allowed).
     */
    void adoptRule(RebalancingRule exact, String source) {
        adoptedRule = exact;
        adoptedRecord = recordOf(exact, tr(ADOPTED_NAME, RuleText.brief(exact), DisplayNumber.rate(exact.costRate()), source));
        fillRuleChoices();
        rule.set(adoptedRecord);
        rebalancingOn.set(rebalancingAllowed.get());
    }

    private static boolean sameRule(RuleRecord r, Map<String, Object> exact) {
        try {
            return RuleCodec.hashParameters(r.toEngineRule()).equals(exact);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A rule record (not stored: no id) with the columns of {@code r}, for the rule picker. */
    public static RuleRecord recordOf(RebalancingRule r, String name) {
        Map<String, Object> m = RuleCodec.hashParameters(r);
        return new RuleRecord(null, name, text(m.get("rule_type")), text(m.get("frequency")), text(m.get("base_day_policy")),
                decimal(m.get("drift_threshold")), decimal(m.get("cost_rate")), null, null, true, null, null,
                m.containsKey("drift_band") ? text(m.get("drift_band")) : null, decimal(m.get("band_rho")),
                text(m.get("check_frequency")), decimal(m.get("rebalance_to")), r.phase(), r.dayOffset());
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    /** Replaces the usable rules, keeping the chosen one when it is still there (an adopted rule stays chosen). */
    void setRules(List<RuleRecord> list) {
        RuleRecord keep = rule.get();
        rules.setAll(list);
        rule.set(keep == null ? null : keep == adoptedRecord ? keep : list.stream().filter(r -> r.ruleId().equals(keep.ruleId())).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
    }

    /**
     * Replaces the lists after the data changed (an import), keeping every choice as it is: the portfolio, rule and
     * dataset by id, the window clamped to the dataset's dates as they are now.
     */
    void replaceLists(List<PortfolioRecord> ps, List<RuleRecord> rs, List<DatasetRecord> ds) {
        LocalDate start = startDate.get();
        LocalDate end = endDate.get();
        DatasetRecord was = dataset.get();
        boolean on = rebalancingOn.get();
        setPortfolios(ps);
        setRules(rs);
        datasets.setAll(ds);
        dataset.set(ds.stream().filter(d -> was != null && d.datasetId() == was.datasetId()).findFirst()
                .orElse(ds.isEmpty() ? null : ds.get(0)));
        DatasetRecord now = dataset.get();
        if (now != null && start != null && end != null && was != null && now.datasetId() == was.datasetId()) {
            startDate.set(start.isBefore(now.firstDate()) || start.isAfter(now.lastDate()) ? now.firstDate() : start);
            endDate.set(end.isAfter(now.lastDate()) || end.isBefore(now.firstDate()) ? now.lastDate() : end);
        }
        rebalancingOn.set(on);
    }
}
