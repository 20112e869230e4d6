package foresto.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A scenario's contributions or withdrawals (SEMANTICS §13.1): a fixed {@code amount} A (&gt; 0 a contribution,
 * &lt; 0 a withdrawal), optionally growing by {@code growth} g a year, or a withdrawal {@code rate} ρ of the value
 * after the day's returns — exactly one of the two (the other is null). The flow dates are the closes where a
 * PERIODIC rule of {@code frequency}, {@code baseDay}, {@code phase} and {@code dayOffset} would fire (§3, §12.1),
 * never the purchase close, limited to [{@code from}, {@code until}] when given (inclusive; null = open).
 *
 * <p>{@code allocation} is how the ON path spreads a flow; null means "not given", which the ON path reads as
 * {@link FlowAllocation#TOWARD_TARGET}. OFF always allocates pro rata, so a run without a rule refuses a given
 * allocation ({@link #requireRuleFor}). Every check is an {@link EngineException.Kind#INVALID_REQUEST}.
 */
public record CashFlowSchedule(Double amount, Double rate, Frequency frequency, BaseDayPolicy baseDay, int phase,
                               int dayOffset, double growth, LocalDate from, LocalDate until,
                               FlowAllocation allocation) {

    /** The largest |A| accepted, as for the initial value. */
    public static final double MAX_AMOUNT = Scenario.MAX_INITIAL_VALUE;

    public CashFlowSchedule {
        if (amount != null && rate != null) {
            throw invalid("a flow schedule takes an amount or a rate, not both");
        }
        if (amount == null && rate == null) {
            throw invalid("a flow schedule needs an amount or a rate");
        }
        if (amount != null && !(amount != 0 && Math.abs(amount) <= MAX_AMOUNT)) {
            throw invalid("the flow amount must be non-zero and at most " + MAX_AMOUNT + " in size, got " + amount);
        }
        if (rate != null && !(rate > 0 && rate < 1)) {
            throw invalid("the withdrawal rate must lie in (0, 1), got " + rate);
        }
        if (!(growth > -0.5 && growth < 1)) {
            throw invalid("the flow growth must lie in (-0.5, 1), got " + growth);
        }
        if (rate != null && growth != 0) {
            throw invalid("growth applies to an amount; a withdrawal rate takes none");
        }
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(baseDay, "baseDay");
        int m = frequency.monthsPerPeriod();
        if (phase < 0 || phase >= m) {
            throw invalid("the flow phase must be between 0 and " + (m - 1) + " for a " + frequency + " schedule, got "
                    + phase);
        }
        if (dayOffset < 0 || dayOffset > RebalancingRule.MAX_DAY_OFFSET) {
            throw invalid("the flow day offset must be between 0 and " + RebalancingRule.MAX_DAY_OFFSET + ", got "
                    + dayOffset);
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw invalid("flows_until " + until + " is before flows_from " + from);
        }
    }

    /** A fixed amount at every flow date (&gt; 0 contribution, &lt; 0 withdrawal), no growth, whole window. */
    public static CashFlowSchedule ofAmount(double amount, Frequency frequency, BaseDayPolicy baseDay) {
        return new CashFlowSchedule(amount, null, frequency, baseDay, 0, 0, 0, null, null, null);
    }

    /** A withdrawal of {@code rate} · V at every flow date, whole window. */
    public static CashFlowSchedule ofRate(double rate, Frequency frequency, BaseDayPolicy baseDay) {
        return new CashFlowSchedule(null, rate, frequency, baseDay, 0, 0, 0, null, null, null);
    }

    public CashFlowSchedule withGrowth(double g) {
        return new CashFlowSchedule(amount, rate, frequency, baseDay, phase, dayOffset, g, from, until, allocation);
    }

    public CashFlowSchedule withCalendarShift(int p, int k) {
        return new CashFlowSchedule(amount, rate, frequency, baseDay, p, k, growth, from, until, allocation);
    }

    public CashFlowSchedule withLimits(LocalDate flowsFrom, LocalDate flowsUntil) {
        return new CashFlowSchedule(amount, rate, frequency, baseDay, phase, dayOffset, growth, flowsFrom, flowsUntil,
                allocation);
    }

    public CashFlowSchedule withAllocation(FlowAllocation a) {
        return new CashFlowSchedule(amount, rate, frequency, baseDay, phase, dayOffset, growth, from, until, a);
    }

    /** The allocation the ON path uses: the given one, else {@link FlowAllocation#TOWARD_TARGET}. */
    public FlowAllocation onAllocation() {
        return allocation == null ? FlowAllocation.TOWARD_TARGET : allocation;
    }

    /** Refuses a given allocation on a run without a rule (OFF always allocates pro rata). */
    public void requireRuleFor(boolean hasRule) {
        if (!hasRule && allocation != null) {
            throw invalid("a flow allocation applies to a rebalancing rule; a run without a rule allocates pro rata");
        }
    }

    /**
     * The run's closes that are flow dates, ascending: the days of the schedule's calendar (the one calendar code
     * PERIODIC rules use) inside [from, until]; the purchase close never is one. INVALID_REQUEST when there is none.
     * The path loop sizes its flow records from this count.
     */
    int[] flowCloses(ScenarioCalendar cal) {
        int[] all = new CalendarTrigger(frequency, baseDay, phase, dayOffset).closes(cal); // shared: not written
        int[] closes = new int[all.length];
        int count = 0;
        for (int k : all) {
            LocalDate d = cal.date(k);
            if ((from == null || !d.isBefore(from)) && (until == null || !d.isAfter(until))) {
                closes[count++] = k;
            }
        }
        if (count == 0) {
            throw invalid("the flow schedule has no flow date in the run " + cal.date(0) + ".." + cal.date(cal.length() - 1)
                    + (from != null || until != null ? " between " + (from == null ? "the start" : from) + " and "
                    + (until == null ? "the end" : until) : ""));
        }
        return count == closes.length ? closes : Arrays.copyOf(closes, count);
    }

    /**
     * The flows of an amount schedule on the closes {@code closes} of {@code dates} (the purchase close first):
     * A · (1 + g)^(days(d_0, d) / 365.25) (A itself without growth), computed once before the path runs; for a rate
     * schedule zeros, since −ρ · V depends on the value after the day's returns (the path books it). Depletion is
     * the path's business. The array is the caller's to fill in.
     */
    double[] amounts(LocalDate[] dates, int[] closes) {
        double[] out = new double[closes.length];
        if (rate != null) {
            return out;
        }
        double a = amount;
        for (int i = 0; i < closes.length; i++) {
            out[i] = growth == 0 ? a : a * Math.pow(1 + growth, Metrics.years(dates[0], dates[closes[i]]));
        }
        return out;
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_REQUEST, message);
    }
}
