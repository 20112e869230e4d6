package foresto.backtest;

import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A flow schedule as a face receives it (SEMANTICS §13.5), before it is checked: the command line's options and the
 * API's {@code cash_flows} object hold the same inputs under the same words ({@code contribution},
 * {@code withdrawal}, {@code withdrawal-rate}, {@code flow-frequency}, {@code flow-base-day}, {@code flow-phase},
 * {@code flow-day-offset}, {@code flow-growth}, {@code flows-from}, {@code flows-until}, {@code flow-allocation};
 * the API writes {@code _} for {@code -}), so both read them here, each naming the inputs its own way.
 */
public record CashFlowInput(Double contribution, Double withdrawal, Double withdrawalRate, String frequency,
                            String baseDay, Integer phase, Integer dayOffset, Double growth, String from, String until,
                            String allocation) {

    /** The command line's names: {@code --contribution}, {@code --flow-frequency}, … */
    public static final UnaryOperator<String> OPTIONS = key -> "--" + key;

    /**
     * The schedule, or null when no input was given; INVALID_REQUEST for a contradictory or incomplete set, each
     * input named by {@code name} (from its word, e.g. {@code flow-frequency}).
     */
    public CashFlowSchedule schedule(UnaryOperator<String> name) {
        int kinds = (contribution != null ? 1 : 0) + (withdrawal != null ? 1 : 0) + (withdrawalRate != null ? 1 : 0);
        String shape = frequency != null ? "flow-frequency" : baseDay != null ? "flow-base-day"
                : phase != null ? "flow-phase" : dayOffset != null ? "flow-day-offset"
                : growth != null ? "flow-growth" : from != null ? "flows-from" : until != null ? "flows-until"
                : allocation != null ? "flow-allocation" : null;
        String kindNames = name.apply("contribution") + ", " + name.apply("withdrawal");
        if (kinds == 0) {
            if (shape != null) {
                throw invalid(name.apply(shape) + " needs " + kindNames + " or " + name.apply("withdrawal-rate"));
            }
            return null;
        }
        if (kinds > 1) {
            throw invalid("give one of " + kindNames + " and " + name.apply("withdrawal-rate")
                    + " (an amount or a rate, not both)");
        }
        if (frequency == null) {
            throw invalid("a flow needs " + name.apply("flow-frequency") + " monthly|quarterly|semiannual|annual");
        }
        Double amount = null;
        if (contribution != null || withdrawal != null) {
            double a = contribution != null ? contribution : withdrawal;
            if (!(a > 0)) {
                throw invalid(name.apply(contribution != null ? "contribution" : "withdrawal") + " must be > 0, got " + a);
            }
            amount = contribution != null ? a : -a;
        }
        if (withdrawalRate != null && growth != null) {
            throw invalid(name.apply("flow-growth") + " applies to an amount; " + name.apply("withdrawal-rate")
                    + " takes none");
        }
        return new CashFlowSchedule(amount, withdrawalRate, frequency(name.apply("flow-frequency"), frequency),
                InlineRule.baseDay(baseDay), phase == null ? 0 : phase, dayOffset == null ? 0 : dayOffset,
                growth == null ? 0 : growth, date(name.apply("flows-from"), from), date(name.apply("flows-until"), until),
                allocation(name.apply("flow-allocation"), allocation));
    }

    private static Frequency frequency(String name, String text) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw invalid(name + " must be monthly, quarterly, semiannual or annual, got '" + text + "'");
    }

    private static FlowAllocation allocation(String name, String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "pro-rata" -> FlowAllocation.PRO_RATA;
            case "toward-target" -> FlowAllocation.TOWARD_TARGET;
            default -> throw invalid(name + " must be pro-rata or toward-target, got '" + text + "'");
        };
    }

    private static LocalDate date(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static ForestoException invalid(String message) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, message);
    }
}
