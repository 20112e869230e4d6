package foresto.engine;

import java.util.function.Function;

/**
 * A rebalancing rule as the engine needs it: the trigger, the base day and the fixed cost rate
 * (SEMANTICS §3, §4, §6). Persisted rules carry a name and validity on top of this (see the db layer).
 *
 * <p>What differs by kind is said by each record: its {@link #type()}, its {@link #trigger} and {@link #calendar()}
 * here, and everything a face needs through {@link #match}, whose one argument per kind makes every caller fail to
 * compile until it handles a new kind. Texts and columns (the short form, descriptions, table columns, hash
 * parameters) are read and written by {@code foresto.rule.RuleCodec}, not here.
 */
public sealed interface RebalancingRule {

    TriggerType type();

    BaseDayPolicy baseDayPolicy();

    double costRate();

    /**
     * The calendar's phase p in months (SEMANTICS §12.1): its periods start p months later (0 ≤ p &lt; months per
     * period; 0 for a rule without a calendar).
     */
    int phase();

    /** The calendar's day offset k: the (k+1)-th first or last date of each period (0 ≤ k ≤ 20; 0 without a calendar). */
    int dayOffset();

    /** The largest day offset. */
    int MAX_DAY_OFFSET = 20;

    /**
     * This rule's trigger for one run, given the held classes' targets {@code w} and their ordinals (standard
     * order). Every rule type must say how it fires: a new one does not compile without it.
     */
    Trigger trigger(double[] w, int[] held);

    /** This rule with another cost rate, everything else equal. */
    RebalancingRule withCostRate(double costRate);

    /**
     * The one way to tell kinds apart: applies the function for this rule's kind. A new kind adds a parameter,
     * so every face that distinguishes kinds stops compiling until it says what to do with the new one.
     */
    <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift);

    /** The calendar the rule looks at (its periods, or a drift rule's check calendar), or null: every close. */
    CalendarTrigger calendar();

    /**
     * Calendar rule: rebalance on the first or last trading day of every month, quarter, half-year or year, or on the
     * (k+1)-th first or last with day offset k, the periods shifted by {@code phase} months (SEMANTICS §12.1).
     */
    record Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy, double costRate, int phase, int dayOffset)
            implements RebalancingRule {
        public Periodic {
            if (frequency == null) {
                throw invalid("a PERIODIC rule needs a frequency (MONTHLY, QUARTERLY, SEMIANNUAL or ANNUAL)");
            }
            requireBaseDay(baseDayPolicy);
            requireCostRate(costRate);
            requireCalendarShift(frequency, phase, dayOffset);
        }

        /** The seed's calendar rules: phase 0, day offset 0. */
        public Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy, double costRate) {
            this(frequency, baseDayPolicy, costRate, 0, 0);
        }

        @Override
        public TriggerType type() {
            return TriggerType.PERIODIC;
        }

        @Override
        public Trigger trigger(double[] w, int[] held) {
            return calendar().fireOnDays();
        }

        @Override
        public CalendarTrigger calendar() {
            return new CalendarTrigger(frequency, baseDayPolicy, phase, dayOffset);
        }

        @Override
        public Periodic withCostRate(double c) {
            return new Periodic(frequency, baseDayPolicy, c, phase, dayOffset);
        }

        @Override
        public <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift) {
            return periodic.apply(this);
        }
    }

    /**
     * Drift rule: rebalance at a close where some held class a has |cw[a] − w[a]| ≥ β[a] (its band, by
     * {@code band} kind from θ and ρ), looked at on the closes of {@code check}, trading until the worst class
     * sits at {@code rebalanceTo} (g) of its band (g = 0: back to the targets). The base day is used only by a
     * check calendar, as are its phase and day offset (SEMANTICS §12.1; a DAILY check takes neither). The seed's
     * drift rule is ABSOLUTE, DAILY, g = 0.
     *
     * @param threshold θ, or NaN for a RELATIVE band (which has none)
     * @param rho       ρ, or NaN for an ABSOLUTE band (which has none)
     */
    record Drift(double threshold, BaseDayPolicy baseDayPolicy, double costRate, BandKind band, double rho,
                 CheckFrequency check, double rebalanceTo, int phase, int dayOffset) implements RebalancingRule {
        public Drift {
            if (band == null) {
                throw invalid("drift_band must be ABSOLUTE, RELATIVE or HYBRID");
            }
            if (band == BandKind.RELATIVE) {
                if (!Double.isNaN(threshold)) {
                    throw invalid("a RELATIVE band has no drift_threshold (it is ρ·w for each class)");
                }
            } else if (!(threshold > 0 && threshold < 1)) {
                throw invalid("drift_threshold must be > 0 and < 1, got " + threshold);
            }
            if (band == BandKind.ABSOLUTE) {
                if (!Double.isNaN(rho)) {
                    throw invalid("band_rho is only for RELATIVE and HYBRID bands");
                }
            } else if (!(rho > 0 && rho <= 1)) {
                throw invalid("band_rho must be > 0 and ≤ 1, got " + rho);
            }
            if (check == null) {
                throw invalid("check_frequency must be DAILY, MONTHLY, QUARTERLY, SEMIANNUAL or ANNUAL");
            }
            if (!(rebalanceTo >= 0 && rebalanceTo < 1)) {
                throw invalid("rebalance_to must be ≥ 0 and < 1, got " + rebalanceTo);
            }
            requireBaseDay(baseDayPolicy);
            requireCostRate(costRate);
            if (check == CheckFrequency.DAILY) {
                if (phase != 0 || dayOffset != 0) {
                    throw invalid("phase and day_offset shift a check calendar; a drift rule checked DAILY takes neither "
                            + "(got phase " + phase + ", day_offset " + dayOffset + ")");
                }
            } else {
                requireCalendarShift(check.period(), phase, dayOffset);
            }
        }

        /** A drift rule of rule model v2 whose check calendar (if any) has phase 0 and day offset 0. */
        public Drift(double threshold, BaseDayPolicy baseDayPolicy, double costRate, BandKind band, double rho,
                     CheckFrequency check, double rebalanceTo) {
            this(threshold, baseDayPolicy, costRate, band, rho, check, rebalanceTo, 0, 0);
        }

        /** The seed's drift rule: an absolute band checked every close, trading back to the targets. */
        public Drift(double threshold, BaseDayPolicy baseDayPolicy, double costRate) {
            this(threshold, baseDayPolicy, costRate, BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0);
        }

        @Override
        public TriggerType type() {
            return TriggerType.DRIFT;
        }

        @Override
        public Trigger trigger(double[] w, int[] held) {
            return new BandTrigger(this, w, held);
        }

        @Override
        public CalendarTrigger calendar() {
            return check == CheckFrequency.DAILY ? null
                    : new CalendarTrigger(check.period(), baseDayPolicy, phase, dayOffset);
        }

        @Override
        public Drift withCostRate(double c) {
            return new Drift(threshold, baseDayPolicy, c, band, rho, check, rebalanceTo, phase, dayOffset);
        }

        @Override
        public <R> R match(Function<? super Periodic, ? extends R> periodic, Function<? super Drift, ? extends R> drift) {
            return drift.apply(this);
        }

        /** Each class's band β for targets {@code w} (a new array; SEMANTICS §10, the formula of {@link BandKind}). */
        public double[] bands(double[] w) {
            return new Band(band, threshold, rho, w).beta;
        }
    }

    private static void requireBaseDay(BaseDayPolicy b) {
        if (b == null) {
            throw invalid("base_day_policy is required (FIRST_TRADING_DAY or LAST_TRADING_DAY)");
        }
    }

    /** 0 ≤ phase &lt; months per period of {@code f}, 0 ≤ day offset ≤ {@link #MAX_DAY_OFFSET} (SEMANTICS §12.1). */
    private static void requireCalendarShift(Frequency f, int phase, int dayOffset) {
        int m = f.monthsPerPeriod();
        if (phase < 0 || phase >= m) {
            throw invalid(m == 1 ? "phase must be 0 for a MONTHLY calendar (a period of one month), got " + phase
                    : "phase must be between 0 and " + (m - 1) + " for a " + f + " calendar (" + m + " months a period), got "
                    + phase);
        }
        if (dayOffset < 0 || dayOffset > MAX_DAY_OFFSET) {
            throw invalid("day_offset must be between 0 and " + MAX_DAY_OFFSET + ", got " + dayOffset);
        }
    }

    /**
     * Cost rates are below 0.5: turnover is at most 2, so a rebalance costs less than the whole value and a
     * path can never reach zero or below.
     */
    double MAX_COST_RATE = 0.5;

    private static void requireCostRate(double c) {
        if (!(c >= 0 && c < MAX_COST_RATE)) {
            throw invalid("cost_rate must be ≥ 0 and < 0.5, got " + c);
        }
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_RULE, message);
    }
}
