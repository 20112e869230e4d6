package foresto.ui.main;

import foresto.backtest.Failures;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.i18n.ErrorText;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.ui.common.PlainFailure;
import foresto.text.PlainNumber;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The setup's "Cash flows…" choices (SEMANTICS §13.1): none, a contribution or a withdrawal of a fixed amount (with
 * an optional yearly growth), or a withdrawal rate; the calendar (frequency, base day) and, with a rule, how the ON
 * path allocates each flow. {@link #schedule} turns them into the engine's schedule with the engine's own coded
 * checks, and keeps the last refusal in plain words for the section to show.
 */
public final class CashFlowSetup {
    /** What kind of flow the schedule makes. */
    public enum Kind {
        NONE, CONTRIBUTION, WITHDRAWAL, WITHDRAWAL_RATE;

        /** The name the analyst reads. */
        public String label() {
            return Messages.tr("cashFlows.kind." + name());
        }

        boolean takesAmount() {
            return this == CONTRIBUTION || this == WITHDRAWAL;
        }
    }

    private final BooleanProperty expanded = new SimpleBooleanProperty(false);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.NONE);
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty rate = new SimpleStringProperty("");
    private final ObjectProperty<Frequency> frequency = new SimpleObjectProperty<>(Frequency.MONTHLY);
    private final ObjectProperty<BaseDayPolicy> baseDay = new SimpleObjectProperty<>(BaseDayPolicy.FIRST_TRADING_DAY);
    private final StringProperty growth = new SimpleStringProperty("0");
    private final ObjectProperty<FlowAllocation> allocation = new SimpleObjectProperty<>(FlowAllocation.TOWARD_TARGET);
    /** The last refusal in plain words with its details line; empty when the choices are valid. */
    private final StringProperty problem = new SimpleStringProperty("");
    /** An opened run's calendar shift and flow limits, which the section has no field for. */
    private final ObjectProperty<Kept> kept = new SimpleObjectProperty<>(Kept.NONE);

    public CashFlowSetup() {
        kind.addListener((o, a, k) -> {
            if (k == null || k == Kind.NONE) {
                kept.set(Kept.NONE);
            }
        });
        // the phase counts months of the frequency's period: another frequency starts its calendar afresh
        frequency.addListener((o, a, f) -> kept.set(kept.get().withoutShift()));
    }

    public BooleanProperty expandedProperty() {
        return expanded;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public ObjectProperty<Frequency> frequencyProperty() {
        return frequency;
    }

    public ObjectProperty<BaseDayPolicy> baseDayProperty() {
        return baseDay;
    }

    public StringProperty growthProperty() {
        return growth;
    }

    public ObjectProperty<FlowAllocation> allocationProperty() {
        return allocation;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** The calendar shift and flow limits an opened run's schedule carried (none by default); see {@link #adopt}. */
    public ObjectProperty<Kept> keptProperty() {
        return kept;
    }

    /** True when a schedule is chosen (the run then carries it, hashed and stored with it). */
    public boolean isOn() {
        return kind.get() != null && kind.get() != Kind.NONE;
    }

    /**
     * The chosen schedule, or null for none. {@code withRule}: the ON path allocates by the chosen allocation (a run
     * without a rule allocates pro rata and gives none). A choice the engine refuses is an INVALID_REQUEST whose
     * message is the engine's; {@link #problemProperty()} then says in plain words what to correct.
     */
    public CashFlowSchedule schedule(boolean withRule) {
        problem.set("");
        try {
            return parse(withRule);
        } catch (Refused r) {
            problem.set(r.sentence() + "\n" + ErrorText.details(r.error.code(), r.error.getMessage()));
            // the dialog says the same plain sentence (which field, what is wrong), the code in its details line
            throw new PlainFailure(r.error.code(), r.error.getMessage(), r.sentence());
        }
    }

    /**
     * True when the choices make exactly {@code shown} (null: no schedule) for a run with or without a rule, as its
     * request hash sees it (with a rule an allocation not given is toward target; without one none is used). Choices
     * that make no schedule never match one; the problem line is left as it is.
     */
    boolean makes(CashFlowSchedule shown, boolean withRule) {
        CashFlowSchedule mine;
        try {
            mine = parse(withRule);
        } catch (Refused r) {
            return false;
        }
        if (mine == null || shown == null) {
            return mine == shown;
        }
        return asHashed(mine, withRule).equals(asHashed(shown, withRule));
    }

    private static CashFlowSchedule asHashed(CashFlowSchedule s, boolean withRule) {
        return s.withAllocation(withRule ? s.onAllocation() : null);
    }

    /**
     * Puts an opened run's schedule into the choices (null: none), so Run repeats that run: its kind, amount or rate,
     * calendar, growth and, when it has one, its allocation; a calendar shift or flow limits the section has no field
     * for (a schedule from the command line or the API) are kept as {@link #keptProperty()} until None is chosen or
     * the frequency changes (the phase belongs to it).
     */
    void adopt(CashFlowSchedule s) {
        problem.set("");
        if (s == null) {
            kind.set(Kind.NONE);
            return;
        }
        if (s.amount() != null) {
            amount.set(PlainNumber.of(Math.abs(s.amount())));
            growth.set(PlainNumber.of(s.growth()));
            kind.set(s.amount() > 0 ? Kind.CONTRIBUTION : Kind.WITHDRAWAL);
        } else {
            rate.set(PlainNumber.of(s.rate()));
            kind.set(Kind.WITHDRAWAL_RATE);
        }
        frequency.set(s.frequency());
        baseDay.set(s.baseDay());
        if (s.allocation() != null) {
            allocation.set(s.allocation());
        }
        kept.set(new Kept(s.phase(), s.dayOffset(), s.from(), s.until()));
    }

    private CashFlowSchedule parse(boolean withRule) {
        if (!isOn()) {
            return null;
        }
        Kind k = kind.get();
        Double a = k.takesAmount() ? number(amount.get(), "cashFlows.problem.amount", "amount", "cashFlows.amount") : null;
        Double r = k == Kind.WITHDRAWAL_RATE ? number(rate.get(), "cashFlows.problem.rate", "rate", "cashFlows.rate") : null;
        double g = k.takesAmount() ? number(growth.get() == null || growth.get().isBlank() ? "0" : growth.get(),
                "cashFlows.problem.growth", "growth", "cashFlows.growth") : 0;
        if (a != null && !(a > 0)) {
            throw refused("cashFlows.problem.amount", "the flow amount must be more than 0 (the kind says "
                    + "whether it is paid in or out), got " + a);
        }
        if (r != null && !(r > 0 && r < 1)) {
            // the engine's check, said in the analyst's terms
            throw new Refused("cashFlows.problem.rate", engineRefusal(a, r, g));
        }
        if (!(g > -0.5 && g < 1)) {
            throw new Refused("cashFlows.problem.growth", engineRefusal(a, r, g));
        }
        try {
            Double signed = a == null ? null : k == Kind.WITHDRAWAL ? Double.valueOf(-a) : a; // a rate takes no amount
            return build(signed, r, g, withRule ? allocation.get() : null);
        } catch (ForestoException e) {
            throw new Refused("cashFlows.problem.general", e);
        }
    }

    private CashFlowSchedule build(Double a, Double r, double g, FlowAllocation given) {
        Kept shape = kept.get();
        try {
            return new CashFlowSchedule(a, r, frequency.get(), baseDay.get(), shape.phase(), shape.dayOffset(), g,
                    shape.from(), shape.until(), given);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
    }

    /** The engine's own coded refusal of the choice. */
    private ForestoException engineRefusal(Double a, Double r, double g) {
        try {
            build(a, r, g, null);
        } catch (ForestoException e) {
            return e;
        }
        return new ForestoException(ErrorCode.INVALID_REQUEST, "the flow choices are out of range");
    }

    private static Refused refused(String plainKey, String message) {
        return new Refused(plainKey, new ForestoException(ErrorCode.INVALID_REQUEST, message));
    }

    /** A refused choice: the coded error, the key of its plain-words explanation and the field it names, if any. */
    private static final class Refused extends RuntimeException {
        private final String plainKey;
        private final ForestoException error;
        /** The sentence naming the field and what was typed ("The field “Amount…” is empty."), or "" for none. */
        private final String field;

        Refused(String plainKey, ForestoException error) {
            this(plainKey, error, "");
        }

        Refused(String plainKey, ForestoException error, String field) {
            super(error.getMessage(), error, false, false);
            this.plainKey = plainKey;
            this.error = error;
            this.field = field;
        }

        /** What is wrong in plain words, in the screen's language: the field and what was typed, then the rule. */
        String sentence() {
            return field.isEmpty() ? Messages.tr(plainKey) : field + " " + Messages.tr(plainKey);
        }
    }

    /**
     * The calendar shift (SEMANTICS §12.1) and flow limits (§13.1) of a schedule, which the section has no field for:
     * none unless an opened run's schedule had them.
     */
    public record Kept(int phase, int dayOffset, LocalDate from, LocalDate until) {
        static final Kept NONE = new Kept(0, 0, null, null);

        /** The same without the calendar shift. */
        Kept withoutShift() {
            return new Kept(0, 0, from, until);
        }

        /** The kept values in words ("phase 1, day offset 2, flows from 2015-01-02"); empty when there are none. */
        public String text() {
            List<String> parts = new ArrayList<>();
            if (phase != 0) {
                parts.add(Messages.tr("cashFlows.kept.phase", Integer.toString(phase)));
            }
            if (dayOffset != 0) {
                parts.add(Messages.tr("cashFlows.kept.dayOffset", Integer.toString(dayOffset)));
            }
            if (from != null) {
                parts.add(Messages.tr("cashFlows.kept.from", LocaleFormat.date(from)));
            }
            if (until != null) {
                parts.add(Messages.tr("cashFlows.kept.until", LocaleFormat.date(until)));
            }
            return parts.isEmpty() ? "" : Messages.tr("cashFlows.kept", String.join(", ", parts));
        }
    }

    /** The field as a number, or a refusal naming the field (its label's key {@code labelKey}) and what was typed. */
    private double number(String text, String plainKey, String what, String labelKey) {
        String t = text == null ? "" : text.trim().replace(",", "");
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        String typed = text == null ? "" : text.trim();
        String field = typed.isEmpty() ? Messages.tr("cashFlows.problem.empty", Messages.tr(labelKey))
                : Messages.tr("cashFlows.problem.notNumber", Messages.tr(labelKey), typed);
        throw new Refused(plainKey, new ForestoException(ErrorCode.INVALID_REQUEST,
                "the flow " + what + " is not a number: '" + text + "'"), field);
    }
}
