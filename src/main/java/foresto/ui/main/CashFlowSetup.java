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
import foresto.i18n.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

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

    /** True when a schedule is chosen (the run then goes through the cash-flow path). */
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
        if (!isOn()) {
            return null;
        }
        Kind k = kind.get();
        try {
            Double a = k.takesAmount() ? number(amount.get(), "cashFlows.problem.amount", "amount") : null;
            Double r = k == Kind.WITHDRAWAL_RATE ? number(rate.get(), "cashFlows.problem.rate", "rate") : null;
            double g = k.takesAmount() ? number(growth.get().isBlank() ? "0" : growth.get(),
                    "cashFlows.problem.growth", "growth") : 0;
            if (a != null && !(a > 0)) {
                throw refused("cashFlows.problem.amount", "the flow amount must be more than 0 (the kind says "
                        + "whether it is paid in or out), got " + a);
            }
            if (r != null && !(r > 0 && r < 1)) {
                // the engine's check, said in the analyst's terms
                return rethrow(r, g, a, "cashFlows.problem.rate");
            }
            if (!(g > -0.5 && g < 1)) {
                return rethrow(r, g, a, "cashFlows.problem.growth");
            }
            return build(k == Kind.WITHDRAWAL ? -a : a, r, g, withRule);
        } catch (ForestoException e) {
            if (problem.get().isEmpty()) {
                problem.set(Messages.tr("cashFlows.problem.general") + "\n" + ErrorText.details(e.code(), e.getMessage()));
            }
            throw e;
        }
    }

    private CashFlowSchedule build(Double a, Double r, double g, boolean withRule) {
        try {
            return new CashFlowSchedule(a, r, frequency.get(), baseDay.get(), 0, 0, g, null, null,
                    withRule ? allocation.get() : null);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
    }

    /** Lets the engine refuse the choice (its coded message is the details) and says it with {@code plainKey}. */
    private CashFlowSchedule rethrow(Double r, double g, Double a, String plainKey) {
        try {
            return build(a, r, g, false);
        } catch (ForestoException e) {
            problem.set(Messages.tr(plainKey) + "\n" + ErrorText.details(e.code(), e.getMessage()));
            throw e;
        }
    }

    private ForestoException refused(String plainKey, String message) {
        ForestoException e = new ForestoException(ErrorCode.INVALID_REQUEST, message);
        problem.set(Messages.tr(plainKey) + "\n" + ErrorText.details(e.code(), message));
        return e;
    }

    private double number(String text, String plainKey, String what) {
        String t = text == null ? "" : text.trim().replace(",", "");
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw refused(plainKey, "the flow " + what + " is not a number: '" + text + "'");
    }
}
