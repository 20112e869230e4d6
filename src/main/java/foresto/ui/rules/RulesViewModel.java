package foresto.ui.rules;

import foresto.i18n.Messages;
import foresto.backtest.Failures;
import foresto.backtest.RuleService;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;
import foresto.rule.RuleCodec;
import foresto.rule.RuleCodec.Column;
import foresto.text.PlainNumber;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules editor: list, create, edit, deactivate rows of {@code rebalancing_rule}. Validation runs
 * with the service's own checks as the analyst types, so the message and code match what a run would say.
 */
public final class RulesViewModel {
    private final RuleService service;
    private final TaskExecutor executor;
    /** Loading, saving and deactivating, and the busy flag. */
    private final BusyJobs jobs;
    private final Runnable onChanged;

    private final ObservableList<RuleRecord> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleRecord> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty ruleType = new SimpleStringProperty(RuleCodec.typeNames().get(0));
    private final StringProperty frequency = new SimpleStringProperty("MONTHLY");
    private final StringProperty baseDay = new SimpleStringProperty("FIRST_TRADING_DAY");
    private final StringProperty threshold = new SimpleStringProperty("");
    private final StringProperty costRate = new SimpleStringProperty("0.001");
    /** Rule model v2 (drift rules): band kind, ρ, check calendar, how far to trade back. */
    private final StringProperty band = new SimpleStringProperty("ABSOLUTE");
    private final StringProperty rho = new SimpleStringProperty("");
    private final StringProperty check = new SimpleStringProperty("DAILY");
    private final StringProperty rebalanceTo = new SimpleStringProperty("0");
    /**
     * The calendar's phase (months) and day offset (SEMANTICS §12.1), for a calendar rule or a drift rule's check
     * calendar; "0" otherwise.
     */
    private final StringProperty phase = new SimpleStringProperty("0");
    private final StringProperty dayOffset = new SimpleStringProperty("0");
    private final ObjectProperty<LocalDate> effectiveFrom = new SimpleObjectProperty<>(LocalDate.now());
    private final ObjectProperty<LocalDate> effectiveTo = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    /** The inline validation message ("" when the form is valid). */
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public RulesViewModel(RuleService service, TaskExecutor executor, Runnable onChanged) {
        this.service = service;
        this.executor = executor;
        this.jobs = new BusyJobs(executor);
        this.onChanged = onChanged;
        selected.addListener((o, a, r) -> fill(r));
        for (var p : new Observable[] {name, ruleType, frequency, baseDay, threshold, costRate, effectiveFrom,
                effectiveTo, band, rho, check, rebalanceTo, phase, dayOffset}) {
            p.addListener(x -> validate());
        }
        // the columns the chosen kind fills get their defaults when empty; the others are cleared
        ruleType.addListener((o, a, t) -> {
            if (!takes(Column.FREQUENCY)) {
                frequency.set(null);
            }
            if (!takes(Column.DRIFT_THRESHOLD)) {
                threshold.set("");
            } else if (threshold.get() == null || threshold.get().isBlank()) {
                threshold.set("0.05");
            }
            if (!takes(Column.DRIFT_BAND)) {
                band.set("ABSOLUTE");
            }
            if (!takes(Column.BAND_RHO)) {
                rho.set("");
            }
            if (!takes(Column.CHECK_FREQUENCY)) {
                check.set("DAILY");
            }
            if (!takes(Column.REBALANCE_TO)) {
                rebalanceTo.set("0");
            }
            if (takes(Column.FREQUENCY) && frequency.get() == null) {
                frequency.set("MONTHLY");
            }
            clearShiftWithoutCalendar();
        });
        check.addListener((o, a, c) -> clearShiftWithoutCalendar());
        band.addListener((o, a, b) -> {
            if ("ABSOLUTE".equals(b)) {
                rho.set("");
            } else if (rho.get() == null || rho.get().isBlank()) {
                rho.set("0.25");
            }
            if ("RELATIVE".equals(b)) {
                threshold.set("");
            } else if (takes(Column.DRIFT_THRESHOLD) && (threshold.get() == null || threshold.get().isBlank())) {
                threshold.set("0.05");
            }
        });
        validate();
    }

    public ObjectProperty<RuleRecord> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty ruleTypeProperty() {
        return ruleType;
    }

    public StringProperty frequencyProperty() {
        return frequency;
    }

    public StringProperty baseDayProperty() {
        return baseDay;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty costRateProperty() {
        return costRate;
    }

    public StringProperty bandProperty() {
        return band;
    }

    public StringProperty rhoProperty() {
        return rho;
    }

    public StringProperty checkProperty() {
        return check;
    }

    public StringProperty rebalanceToProperty() {
        return rebalanceTo;
    }

    public StringProperty phaseProperty() {
        return phase;
    }

    public StringProperty dayOffsetProperty() {
        return dayOffset;
    }

    public ObjectProperty<LocalDate> effectiveFromProperty() {
        return effectiveFrom;
    }

    public ObjectProperty<LocalDate> effectiveToProperty() {
        return effectiveTo;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** The inline validation message ("" when the form is valid). */
    public StringProperty validationProperty() {
        return validation;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<RuleRecord> getRules() {
        return rules;
    }

    /** True while the rules are loaded, or a rule is saved or deactivated. */
    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    public void load() {
        jobs.submit("rules", service::all, rules::setAll, this::failed, () -> { });
    }

    /** Clears the form for a new rule. */
    public void newRule() {
        saveTried = false;
        selected.set(null);
        fill(null);
    }

    private void fill(RuleRecord r) {
        if (r == null) {
            name.set("");
            ruleType.set(RuleCodec.typeNames().get(0));
            frequency.set("MONTHLY");
            baseDay.set("FIRST_TRADING_DAY");
            threshold.set("");
            costRate.set("0.001");
            band.set("ABSOLUTE");
            rho.set("");
            check.set("DAILY");
            rebalanceTo.set("0");
            phase.set("0");
            dayOffset.set("0");
            effectiveFrom.set(LocalDate.now());
            effectiveTo.set(null);
            active.set(true);
        } else {
            name.set(r.ruleName());
            ruleType.set(r.ruleType());
            frequency.set(r.frequency());
            baseDay.set(r.baseDayPolicy());
            threshold.set(r.driftThreshold() == null ? "" : PlainNumber.of(r.driftThreshold()));
            costRate.set(PlainNumber.of(r.costRate()));
            band.set(r.driftBand() == null ? "ABSOLUTE" : r.driftBand());
            rho.set(r.bandRho() == null ? "" : PlainNumber.of(r.bandRho()));
            check.set(r.checkFrequency() == null ? "DAILY" : r.checkFrequency());
            rebalanceTo.set(r.rebalanceTo() == null ? "0" : PlainNumber.of(r.rebalanceTo()));
            phase.set(Integer.toString(r.phase()));
            dayOffset.set(Integer.toString(r.dayOffset()));
            effectiveFrom.set(r.effectiveFrom());
            effectiveTo.set(r.effectiveTo());
            active.set(r.isActive());
        }
        validate();
    }

    /** The form as a record, or an INVALID_RULE error naming what is wrong. */
    public RuleRecord form() {
        boolean relative = takes(Column.DRIFT_BAND) && "RELATIVE".equals(band.get());
        RuleRecord r = new RuleRecord(selected.get() == null ? null : selected.get().ruleId(), name.get(), ruleType.get(),
                takes(Column.FREQUENCY) ? frequency.get() : null, baseDay.get(),
                takes(Column.DRIFT_THRESHOLD) && !relative ? decimal("drift_threshold", threshold.get()) : blankOrError(threshold.get()),
                decimal("cost_rate", costRate.get()), effectiveFrom.get(), effectiveTo.get(), active.get(), null, null,
                takes(Column.DRIFT_BAND) ? band.get() : "ABSOLUTE",
                takes(Column.BAND_RHO) && !"ABSOLUTE".equals(band.get()) ? decimal("band_rho", rho.get()) : null,
                takes(Column.CHECK_FREQUENCY) ? check.get() : "DAILY",
                takes(Column.REBALANCE_TO) ? decimal("rebalance_to", rebalanceTo.get()) : BigDecimal.ZERO,
                hasCalendar() ? whole("phase", phase.get()) : 0, hasCalendar() ? whole("day_offset", dayOffset.get()) : 0);
        RuleService.validate(r);
        return r;
    }

    /** Whether the chosen kind fills {@code column} (false while no known kind is chosen). */
    public boolean takes(Column column) {
        return RuleCodec.takes(ruleType.get(), column);
    }

    /**
     * Whether the rule as chosen has a calendar to shift by phase and day offset: a calendar rule's periods, or a
     * check calendar other than DAILY.
     */
    public boolean hasCalendar() {
        return takes(Column.FREQUENCY) || takes(Column.CHECK_FREQUENCY) && check.get() != null && !"DAILY".equals(check.get());
    }

    private void clearShiftWithoutCalendar() {
        if (!hasCalendar()) {
            phase.set("0");
            dayOffset.set("0");
        }
    }

    private static int whole(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ForestoException(ErrorCode.INVALID_RULE, field + " is required (0 for none)");
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, field + " is not a whole number: '" + text + "'");
        }
    }

    private static BigDecimal blankOrError(String s) {
        if (s != null && !s.isBlank()) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "drift_threshold belongs to ABSOLUTE and HYBRID drift rules");
        }
        return null;
    }

    private static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ForestoException(ErrorCode.INVALID_RULE, field + " is required");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, field + " is not a number: '" + text + "'");
        }
    }

    /** Runs the checks and publishes every problem found, one a line; true when valid. */
    public boolean validate() {
        List<String> problems = errors();
        if (problems.isEmpty()) {
            validation.set("");
            return true;
        }
        // an empty new form is not an error yet: the name is asked for once the analyst tries to save
        boolean untouchedNewForm = selected.get() == null && (name.get() == null || name.get().isBlank()) && !saveTried;
        validation.set(untouchedNewForm ? "" : String.join(LINE_BREAK, problems));
        return false;
    }

    /**
     * Every problem of the form at once, each as the service would say it ("INVALID_RULE: cost_rate must be ..."),
     * the first being the one {@link #form()} throws; empty when the form is valid. A field found wrong is
     * replaced by a valid stand-in so the checks after it still run.
     */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        boolean relative = takes(Column.DRIFT_BAND) && "RELATIVE".equals(band.get());
        BigDecimal t = takes(Column.DRIFT_THRESHOLD) && !relative
                ? checked(out, () -> decimal("drift_threshold", threshold.get()), STAND_IN_THRESHOLD)
                : checked(out, () -> blankOrError(threshold.get()), null);
        BigDecimal cost = checked(out, () -> decimal("cost_rate", costRate.get()), BigDecimal.ZERO);
        BigDecimal r = takes(Column.BAND_RHO) && !"ABSOLUTE".equals(band.get())
                ? checked(out, () -> decimal("band_rho", rho.get()), STAND_IN_RHO) : null;
        BigDecimal to = takes(Column.REBALANCE_TO)
                ? checked(out, () -> decimal("rebalance_to", rebalanceTo.get()), BigDecimal.ZERO) : BigDecimal.ZERO;
        int ph = hasCalendar() ? checked(out, () -> whole("phase", phase.get()), 0) : 0;
        int off = hasCalendar() ? checked(out, () -> whole("day_offset", dayOffset.get()), 0) : 0;
        Draft d = new Draft(name.get(), t, cost, r, to, ph, off, effectiveFrom.get(), effectiveTo.get());
        for (int i = 0; i < MAX_PROBLEMS && d != null; i++) {
            try {
                RuleService.validate(d.record(this));
                break;
            } catch (RuntimeException e) {
                String problem = Failures.of(e).describe();
                if (out.contains(problem)) {
                    break;
                }
                out.add(problem);
                d = d.without(Failures.of(e).getMessage());
            }
        }
        return out;
    }

    /** Between two listed problems. */
    private static final String LINE_BREAK = String.valueOf('\n');
    /** At most this many problems are listed (a guard: each found one is replaced before the next check). */
    private static final int MAX_PROBLEMS = 12;
    /** Valid stand-ins for a field found wrong, so the other fields are still checked. */
    private static final BigDecimal STAND_IN_THRESHOLD = new BigDecimal("0.05");
    private static final BigDecimal STAND_IN_RHO = new BigDecimal("0.25");

    private static <T> T checked(List<String> out, Supplier<T> parse, T standIn) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            out.add(Failures.of(e).describe());
            return standIn;
        }
    }

    /** The form's values being checked; a problem found is replaced by a stand-in so the next check can run. */
    private record Draft(String name, BigDecimal threshold, BigDecimal cost, BigDecimal rho, BigDecimal rebalanceTo,
                         int phase, int dayOffset, LocalDate from, LocalDate to) {
        RuleRecord record(RulesViewModel vm) {
            return new RuleRecord(vm.selected.get() == null ? null : vm.selected.get().ruleId(), name, vm.ruleType.get(),
                    vm.takes(Column.FREQUENCY) ? vm.frequency.get() : null, vm.baseDay.get(), threshold, cost, from, to,
                    vm.active.get(), null, null, vm.takes(Column.DRIFT_BAND) ? vm.band.get() : "ABSOLUTE", rho,
                    vm.takes(Column.CHECK_FREQUENCY) ? vm.check.get() : "DAILY", rebalanceTo, phase, dayOffset);
        }

        /** This draft with the field {@code problem} names replaced by a valid stand-in; null when none is known. */
        Draft without(String problem) {
            String p = problem == null ? "" : problem;
            if (names(p, "drift_threshold, cost_rate, band_rho and rebalance_to")) {
                return new Draft(name, eight(threshold), eight(cost), eight(rho), eight(rebalanceTo), phase, dayOffset, from, to);
            }
            if (names(p, "rule_name")) {
                return new Draft("x", threshold, cost, rho, rebalanceTo, phase, dayOffset, from, to);
            }
            if (names(p, "cost_rate")) {
                return new Draft(name, threshold, BigDecimal.ZERO, rho, rebalanceTo, phase, dayOffset, from, to);
            }
            if (names(p, "effective_from")) {
                return new Draft(name, threshold, cost, rho, rebalanceTo, phase, dayOffset, LocalDate.now(), null);
            }
            if (names(p, "effective_to")) {
                return new Draft(name, threshold, cost, rho, rebalanceTo, phase, dayOffset, from, null);
            }
            if (names(p, "drift_threshold")) {
                return new Draft(name, STAND_IN_THRESHOLD, cost, rho, rebalanceTo, phase, dayOffset, from, to);
            }
            if (names(p, "band_rho must")) {
                return new Draft(name, threshold, cost, STAND_IN_RHO, rebalanceTo, phase, dayOffset, from, to);
            }
            if (names(p, "rebalance_to")) {
                return new Draft(name, threshold, cost, rho, BigDecimal.ZERO, phase, dayOffset, from, to);
            }
            if (names(p, "phase must")) {
                return new Draft(name, threshold, cost, rho, rebalanceTo, 0, dayOffset, from, to);
            }
            if (names(p, "day_offset")) {
                return new Draft(name, threshold, cost, rho, rebalanceTo, phase, 0, from, to);
            }
            return null; // a problem of the rule as a whole (its kind, band or calendar): the checks stop here
        }

        /** Whether {@code problem} is about {@code field} (the service's messages start with the field's name). */
        private static boolean names(String problem, String field) {
            return problem.startsWith(field);
        }

        private static BigDecimal eight(BigDecimal d) {
            return d == null ? null : d.setScale(Math.min(8, Math.max(0, d.scale())), RoundingMode.HALF_UP);
        }
    }

    private boolean saveTried;

    public void save() {
        saveTried = true;
        if (!validate()) {
            status.set(Messages.tr("rules.notSaved", validation.get()));
            return;
        }
        RuleRecord r = form();
        jobs.submit("save rule", () -> r.ruleId() == null ? service.create(r) : service.update(r), saved -> {
            status.set(Messages.tr("rules.saved", saved.ruleName(), String.valueOf(saved.ruleId())));
            reloadAndSelect(saved.ruleId());
            onChanged.run();
        }, this::failed, () -> { });
    }

    public void deactivate() {
        RuleRecord r = selected.get();
        if (r == null) {
            return;
        }
        jobs.submit("deactivate rule", () -> service.deactivate(r.ruleId()), saved -> {
            status.set(Messages.tr("rules.deactivated", saved.ruleName()));
            reloadAndSelect(saved.ruleId());
            onChanged.run();
        }, this::failed, () -> { });
    }

    private void reloadAndSelect(long id) {
        executor.submit("rules", service::all, list -> {
            rules.setAll(list);
            list.stream().filter(x -> x.ruleId() == id).findFirst().ifPresent(selected::set);
        }, this::failed, () -> { });
    }

    private void failed(Throwable t) {
        UiError e = UiError.of(Messages.tr("rules.failedTitle"), t);
        validation.set(e.describe());
        status.set(Messages.tr("common.failed", e.describe()));
    }
}
