package foresto.engine;


import java.util.Locale;

/**
 * A rebalancing rule as the engine needs it: the trigger, the base day and the fixed cost rate
 * (SEMANTICS §3, §4, §6). Persisted rules carry a name and validity on top of this (see the db layer).
 */
public sealed interface RebalancingRule {

    TriggerType type();

    BaseDayPolicy baseDayPolicy();

    double costRate();

    /**
     * This rule's trigger for one run, given the held classes' targets {@code w} and their ordinals (standard
     * order). Every rule type must say how it fires: a new one does not compile without it.
     */
    Trigger trigger(double[] w, int[] held);

    /** This rule with another cost rate, everything else equal. */
    RebalancingRule withCostRate(double costRate);

    /** The calendar the rule looks at (its periods, or a drift rule's check calendar), or null: every close. */
    CalendarTrigger calendar();

    /** Calendar rule: rebalance on the first or last trading day of every month, quarter, half-year or year. */
    record Periodic(Frequency frequency, BaseDayPolicy baseDayPolicy, double costRate) implements RebalancingRule {
        public Periodic {
            if (frequency == null) {
                throw invalid("a PERIODIC rule needs a frequency (MONTHLY, QUARTERLY, SEMIANNUAL or ANNUAL)");
            }
            requireBaseDay(baseDayPolicy);
            requireCostRate(costRate);
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
            return new CalendarTrigger(frequency, baseDayPolicy);
        }

        @Override
        public Periodic withCostRate(double c) {
            return new Periodic(frequency, baseDayPolicy, c);
        }
    }

    /**
     * Drift rule: rebalance at a close where some held class a has |cw[a] − w[a]| ≥ β[a] (its band, by
     * {@code band} kind from θ and ρ), looked at on the closes of {@code check}, trading until the worst class
     * sits at {@code rebalanceTo} (g) of its band (g = 0: back to the targets). The base day is used only by a
     * check calendar. The seed's drift rule is ABSOLUTE, DAILY, g = 0.
     *
     * @param threshold θ, or NaN for a RELATIVE band (which has none)
     * @param rho       ρ, or NaN for an ABSOLUTE band (which has none)
     */
    record Drift(double threshold, BaseDayPolicy baseDayPolicy, double costRate, BandKind band, double rho,
                 CheckFrequency check, double rebalanceTo) implements RebalancingRule {
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
            return check == CheckFrequency.DAILY ? null : new CalendarTrigger(check.period(), baseDayPolicy);
        }

        @Override
        public Drift withCostRate(double c) {
            return new Drift(threshold, baseDayPolicy, c, band, rho, check, rebalanceTo);
        }
    }

    /**
     * Builds a rule from the columns of {@code rebalancing_rule}, applying SEMANTICS §6 and §10 exactly
     * (PERIODIC: frequency, no drift parameters; DRIFT: its band, check calendar and trade-to).
     */
    static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                              double costRate) {
        return of(ruleType, frequency, baseDayPolicy, driftThreshold, costRate, null, null, null, null);
    }

    /** As {@link #of(String, String, String, Double, double)} with the v2 columns (null = default). */
    static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                              double costRate, String driftBand, Double bandRho, String checkFrequency,
                              Double rebalanceTo) {
        BaseDayPolicy base = parseEnum(BaseDayPolicy.class, baseDayPolicy, "base_day_policy");
        BandKind band = driftBand == null ? BandKind.ABSOLUTE : parseEnum(BandKind.class, driftBand, "drift_band");
        CheckFrequency check = checkFrequency == null ? CheckFrequency.DAILY
                : parseEnum(CheckFrequency.class, checkFrequency, "check_frequency");
        double g = rebalanceTo == null ? 0 : rebalanceTo;
        if ("PERIODIC".equals(ruleType)) {
            if (driftThreshold != null) {
                throw invalid("a PERIODIC rule must not have a drift_threshold");
            }
            if (band != BandKind.ABSOLUTE || bandRho != null || check != CheckFrequency.DAILY || g != 0) {
                throw invalid("drift_band, band_rho, check_frequency and rebalance_to belong to DRIFT rules");
            }
            return new Periodic(parseEnum(Frequency.class, frequency, "frequency"), base, costRate);
        }
        if ("DRIFT".equals(ruleType)) {
            if (frequency != null) {
                throw invalid("a DRIFT rule must not have a frequency (use check_frequency for a check calendar)");
            }
            if (driftThreshold == null && band != BandKind.RELATIVE) {
                throw invalid("a DRIFT rule needs a drift_threshold");
            }
            return new Drift(driftThreshold == null ? Double.NaN : driftThreshold, base, costRate, band,
                    bandRho == null ? Double.NaN : bandRho, check, g);
        }
        throw invalid("rule_type must be PERIODIC or DRIFT, got '" + ruleType + "'");
    }

    /**
     * Parses the command line's short form: {@code monthly}, {@code quarterly}, {@code semiannual},
     * {@code annual}, {@code drift:θ}, {@code drift-rel:ρ} or {@code drift-hybrid:θ/ρ}; {@code check} and
     * {@code rebalanceTo} apply to drift rules only (null = DAILY / 0).
     */
    static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate, CheckFrequency check,
                                 Double rebalanceTo) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Frequency f : Frequency.values()) {
            if (t.equals(f.name().toLowerCase(Locale.ROOT))) {
                if (check != null && check != CheckFrequency.DAILY || rebalanceTo != null && rebalanceTo != 0) {
                    throw invalid("--check and --rebalance-to belong to drift rules, not to '" + text + "'");
                }
                return new Periodic(f, baseDay, costRate);
            }
        }
        CheckFrequency c = check == null ? CheckFrequency.DAILY : check;
        double g = rebalanceTo == null ? 0 : rebalanceTo;
        if (t.startsWith("drift:")) {
            return new Drift(number(t.substring(6), text), baseDay, costRate, BandKind.ABSOLUTE, Double.NaN, c, g);
        }
        if (t.startsWith("drift-rel:")) {
            return new Drift(Double.NaN, baseDay, costRate, BandKind.RELATIVE, number(t.substring(10), text), c, g);
        }
        if (t.startsWith("drift-hybrid:")) {
            String[] parts = t.substring(13).split("/", -1);
            if (parts.length != 2) {
                throw invalid("a hybrid band is drift-hybrid:θ/ρ (e.g. drift-hybrid:0.05/0.25), got '" + text + "'");
            }
            return new Drift(number(parts[0], text), baseDay, costRate, BandKind.HYBRID, number(parts[1], text), c, g);
        }
        throw invalid("rule must be monthly, quarterly, semiannual, annual, drift:θ, drift-rel:ρ or drift-hybrid:θ/ρ "
                + "(e.g. drift:0.05), got '" + text + "'");
    }

    /** The v1 short form: no check calendar, back to the targets. */
    static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate) {
        return parse(text, baseDay, costRate, null, null);
    }

    /** The rule in the command line's short form, without its cost: monthly, drift:0.05, drift-hybrid:0.05/0.25. */
    static String spec(RebalancingRule r) {
        if (r instanceof Periodic p) {
            return p.frequency().name().toLowerCase(Locale.ROOT);
        }
        Drift d = (Drift) r;
        return switch (d.band()) {
            case ABSOLUTE -> "drift:" + plain(d.threshold());
            case RELATIVE -> "drift-rel:" + plain(d.rho());
            case HYBRID -> "drift-hybrid:" + plain(d.threshold()) + "/" + plain(d.rho());
        };
    }

    /** The rule in a person's words, e.g. "DRIFT ≥ min(0.05, 25 % of target), checked quarterly (…), cost 0.001". */
    static String describe(RebalancingRule r) {
        String base = r.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY ? "first trading day" : "last trading day";
        if (r instanceof Periodic p) {
            return "PERIODIC " + p.frequency() + ", " + base + ", cost " + plain(r.costRate());
        }
        Drift d = (Drift) r;
        String rho = Double.isNaN(d.rho()) ? "" : plain(d.rho() * 100) + " % of target";
        String band = switch (d.band()) {
            case RELATIVE -> "≥ " + rho;
            case HYBRID -> "≥ min(" + plain(d.threshold()) + ", " + rho + ")";
            case ABSOLUTE -> "≥ " + plain(d.threshold());
        };
        return "DRIFT " + band + (d.check() == CheckFrequency.DAILY ? "" : ", checked " + d.check().name().toLowerCase(Locale.ROOT)
                + " (" + base + ")") + (d.rebalanceTo() == 0 ? "" : ", trades to " + plain(d.rebalanceTo()) + " of the band")
                + ", cost " + plain(r.costRate());
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static double number(String s, String whole) {
        String v = s.trim();
        if (!v.matches("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            throw invalid("not a number '" + s + "' in '" + whole + "'");
        }
        return Double.parseDouble(v);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
        }
        throw invalid(field + " must be one of " + allowed + ", got '" + value + "'");
    }

    private static void requireBaseDay(BaseDayPolicy b) {
        if (b == null) {
            throw invalid("base_day_policy is required (FIRST_TRADING_DAY or LAST_TRADING_DAY)");
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
