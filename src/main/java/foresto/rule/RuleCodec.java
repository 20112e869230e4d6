package foresto.rule;

import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.RebalancingRule;
import foresto.engine.TriggerType;
import foresto.text.PlainNumber;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes rules (SEMANTICS §6, §8, §10): the columns of {@code rebalancing_rule} (the same names are the
 * request hash's rule parameters), the command line's short form ({@code monthly}, {@code drift:0.05}) and a
 * person's description. The only place that turns a kind's name into a kind; everything else asks the rule
 * ({@link RebalancingRule#match}). Failures are the engine's INVALID_RULE, with the field named.
 */
public final class RuleCodec {
    private RuleCodec() {
    }

    /**
     * A column of {@code rebalancing_rule} that only some kinds fill; every rule has a base day, a cost rate and its
     * calendar's phase and day offset (SEMANTICS §12.1: 0 for a rule without a calendar).
     */
    public enum Column {
        FREQUENCY, DRIFT_THRESHOLD, DRIFT_BAND, BAND_RHO, CHECK_FREQUENCY, REBALANCE_TO;

        /** The column's name in the table (and in the request hash). */
        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The columns a kind fills; it leaves the others at their defaults (null, ABSOLUTE, DAILY, 0). */
    public static Set<Column> columnsOf(TriggerType type) {
        return switch (type) {
            case PERIODIC -> EnumSet.of(Column.FREQUENCY);
            case DRIFT -> EnumSet.of(Column.DRIFT_THRESHOLD, Column.DRIFT_BAND, Column.BAND_RHO, Column.CHECK_FREQUENCY,
                    Column.REBALANCE_TO);
        };
    }

    /** Whether a rule whose {@code rule_type} is {@code ruleType} fills {@code column}; false for an unknown type. */
    public static boolean takes(String ruleType, Column column) {
        for (TriggerType t : TriggerType.values()) {
            if (t.name().equals(ruleType)) {
                return columnsOf(t).contains(column);
            }
        }
        return false;
    }

    /** The values of {@code rule_type}, in order; the first is a new rule's. */
    public static List<String> typeNames() {
        return Arrays.stream(TriggerType.values()).map(Enum::name).toList();
    }

    // ---- the table's columns (and the request hash's rule parameters, which have the same names) ----

    /**
     * Builds a rule from the columns of {@code rebalancing_rule}, applying SEMANTICS §6 and §10 exactly
     * (PERIODIC: frequency, no drift parameters; DRIFT: its band, check calendar and trade-to).
     */
    public static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                                     double costRate) {
        return of(ruleType, frequency, baseDayPolicy, driftThreshold, costRate, null, null, null, null);
    }

    /** As {@link #of(String, String, String, Double, double)} with the v2 columns (null = default). */
    public static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                                     double costRate, String driftBand, Double bandRho, String checkFrequency,
                                     Double rebalanceTo) {
        return of(ruleType, frequency, baseDayPolicy, driftThreshold, costRate, driftBand, bandRho, checkFrequency,
                rebalanceTo, null, null);
    }

    /**
     * As {@link #of(String, String, String, Double, double, String, Double, String, Double)} with the calendar's
     * {@code phase} and {@code day_offset} (SEMANTICS §12.1; null = 0).
     */
    public static RebalancingRule of(String ruleType, String frequency, String baseDayPolicy, Double driftThreshold,
                                     double costRate, String driftBand, Double bandRho, String checkFrequency,
                                     Double rebalanceTo, Integer phase, Integer dayOffset) {
        int p = phase == null ? 0 : phase;
        int k = dayOffset == null ? 0 : dayOffset;
        BaseDayPolicy base = parseEnum(BaseDayPolicy.class, baseDayPolicy, "base_day_policy");
        BandKind band = driftBand == null ? BandKind.ABSOLUTE : parseEnum(BandKind.class, driftBand, "drift_band");
        CheckFrequency check = checkFrequency == null ? CheckFrequency.DAILY
                : parseEnum(CheckFrequency.class, checkFrequency, "check_frequency");
        double g = rebalanceTo == null ? 0 : rebalanceTo;
        TriggerType type = null;
        for (TriggerType t : TriggerType.values()) {
            if (t.name().equals(ruleType)) {
                type = t;
            }
        }
        if (type == null) {
            throw invalid("rule_type must be " + String.join(" or ", typeNames()) + ", got '" + ruleType + "'");
        }
        return switch (type) {
            case PERIODIC -> {
                if (driftThreshold != null) {
                    throw invalid("a PERIODIC rule must not have a drift_threshold");
                }
                if (band != BandKind.ABSOLUTE || bandRho != null || check != CheckFrequency.DAILY || g != 0) {
                    throw invalid("drift_band, band_rho, check_frequency and rebalance_to belong to DRIFT rules");
                }
                yield new RebalancingRule.Periodic(parseEnum(Frequency.class, frequency, "frequency"), base, costRate, p, k);
            }
            case DRIFT -> {
                if (frequency != null) {
                    throw invalid("a DRIFT rule must not have a frequency (use check_frequency for a check calendar)");
                }
                if (driftThreshold == null && band != BandKind.RELATIVE) {
                    throw invalid("a DRIFT rule needs a drift_threshold");
                }
                yield new RebalancingRule.Drift(driftThreshold == null ? Double.NaN : driftThreshold, base, costRate, band,
                        bandRho == null ? Double.NaN : bandRho, check, g, p, k);
            }
        };
    }

    /**
     * The rule parameters of the request hash (SEMANTICS §8): the table's columns; of rule model v2 and of the
     * calendar's phase and day offset (§12.1) only those that differ from their defaults, so older rules keep their
     * hash.
     */
    public static Map<String, Object> hashParameters(RebalancingRule r) {
        Columns c = columns(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule_type", r.type());
        m.put("frequency", c.frequency());
        m.put("base_day_policy", r.baseDayPolicy());
        m.put("drift_threshold", c.driftThreshold());
        m.put("cost_rate", r.costRate());
        if (c.band() != BandKind.ABSOLUTE) {
            m.put("drift_band", c.band());
            m.put("band_rho", c.rho());
        }
        if (c.check() != CheckFrequency.DAILY) {
            m.put("check_frequency", c.check());
        }
        if (c.rebalanceTo() != 0) {
            m.put("rebalance_to", c.rebalanceTo());
        }
        if (r.phase() != 0) {
            m.put("phase", r.phase());
        }
        if (r.dayOffset() != 0) {
            m.put("day_offset", r.dayOffset());
        }
        return m;
    }

    /** The rule back from {@link #hashParameters} as read from a stored canonical request (strings and numbers). */
    public static RebalancingRule fromHashParameters(Map<String, ?> m) {
        Double cost = number(m, "cost_rate");
        return of(text(m, "rule_type"), text(m, "frequency"), text(m, "base_day_policy"), number(m, "drift_threshold"),
                cost == null ? Double.NaN : cost, text(m, "drift_band"), number(m, "band_rho"), text(m, "check_frequency"),
                number(m, "rebalance_to"), integer(m, "phase"), integer(m, "day_offset"));
    }

    /** The columns that differ by kind, with the defaults for the ones a kind does not fill (null: SQL NULL). */
    private record Columns(Frequency frequency, Double driftThreshold, BandKind band, Double rho, CheckFrequency check,
                           double rebalanceTo) {
    }

    private static Columns columns(RebalancingRule r) {
        return r.match(
                p -> new Columns(p.frequency(), null, BandKind.ABSOLUTE, null, CheckFrequency.DAILY, 0),
                d -> new Columns(null, orNull(d.threshold()), d.band(), orNull(d.rho()), d.check(), d.rebalanceTo()));
    }

    // ---- the command line's short form ----

    /**
     * Parses the command line's short form: {@code monthly}, {@code quarterly}, {@code semiannual},
     * {@code annual}, {@code drift:θ}, {@code drift-rel:ρ} or {@code drift-hybrid:θ/ρ}; {@code check} and
     * {@code rebalanceTo} apply to drift rules only (null = DAILY / 0).
     */
    public static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate, CheckFrequency check,
                                        Double rebalanceTo) {
        return parse(text, baseDay, costRate, check, rebalanceTo, null, null);
    }

    /**
     * As {@link #parse(String, BaseDayPolicy, double, CheckFrequency, Double)}, with the calendar's {@code phase} and
     * {@code dayOffset} (SEMANTICS §12.1; null = 0): a calendar rule's, or a drift rule's check calendar's (a drift
     * rule checked daily takes neither).
     */
    public static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate, CheckFrequency check,
                                        Double rebalanceTo, Integer phase, Integer dayOffset) {
        int p = phase == null ? 0 : phase;
        int k = dayOffset == null ? 0 : dayOffset;
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Frequency f : Frequency.values()) {
            if (t.equals(f.name().toLowerCase(Locale.ROOT))) {
                if (check != null && check != CheckFrequency.DAILY || rebalanceTo != null && rebalanceTo != 0) {
                    throw invalid("--check and --rebalance-to belong to drift rules, not to '" + text + "'");
                }
                return new RebalancingRule.Periodic(f, baseDay, costRate, p, k);
            }
        }
        CheckFrequency c = check == null ? CheckFrequency.DAILY : check;
        double g = rebalanceTo == null ? 0 : rebalanceTo;
        if (t.startsWith("drift:")) {
            return new RebalancingRule.Drift(number(t.substring(6), text), baseDay, costRate, BandKind.ABSOLUTE, Double.NaN,
                    c, g, p, k);
        }
        if (t.startsWith("drift-rel:")) {
            return new RebalancingRule.Drift(Double.NaN, baseDay, costRate, BandKind.RELATIVE, number(t.substring(10), text),
                    c, g, p, k);
        }
        if (t.startsWith("drift-hybrid:")) {
            String[] parts = t.substring(13).split("/", -1);
            if (parts.length != 2) {
                throw invalid("a hybrid band is drift-hybrid:θ/ρ (e.g. drift-hybrid:0.05/0.25), got '" + text + "'");
            }
            return new RebalancingRule.Drift(number(parts[0], text), baseDay, costRate, BandKind.HYBRID,
                    number(parts[1], text), c, g, p, k);
        }
        throw invalid("rule must be monthly, quarterly, semiannual, annual, drift:θ, drift-rel:ρ or drift-hybrid:θ/ρ "
                + "(e.g. drift:0.05), got '" + text + "'");
    }

    /** The v1 short form: no check calendar, back to the targets. */
    public static RebalancingRule parse(String text, BaseDayPolicy baseDay, double costRate) {
        return parse(text, baseDay, costRate, null, null);
    }

    /** Whether the shape options (a check calendar, a trade-back: {@code --check}, {@code --rebalance-to}) apply. */
    public static boolean takesShape(RebalancingRule r) {
        Set<Column> c = columnsOf(r.type());
        return c.contains(Column.CHECK_FREQUENCY) && c.contains(Column.REBALANCE_TO);
    }

    /**
     * The short forms that take numbers, each with its numbers' names in order, separated by '/' in the form
     * ({@code drift-hybrid:θ/ρ}); a sweep's range stands for the first of them.
     */
    public static Map<String, List<String>> numberedForms() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("drift:", List.of("θ"));
        m.put("drift-rel:", List.of("ρ"));
        m.put("drift-hybrid:", List.of("θ", "ρ"));
        return m;
    }

    /** The rule in the command line's short form, without its cost: monthly, drift:0.05, drift-hybrid:0.05/0.25. */
    public static String spec(RebalancingRule r) {
        return r.match(p -> p.frequency().name().toLowerCase(Locale.ROOT), d -> switch (d.band()) {
            case ABSOLUTE -> "drift:" + PlainNumber.of(d.threshold());
            case RELATIVE -> "drift-rel:" + PlainNumber.of(d.rho());
            case HYBRID -> "drift-hybrid:" + PlainNumber.of(d.threshold()) + "/" + PlainNumber.of(d.rho());
        });
    }

    // ---- a person's words ----

    /**
     * The rule in a person's words, e.g. "DRIFT ≥ min(0.05, 25 % of target), checked quarterly (…), cost 0.001" or
     * "PERIODIC QUARTERLY, 3rd trading day of each quarter starting February, cost 0.001".
     */
    public static String describe(RebalancingRule r) {
        String base = r.match(p -> calendarDay(r, p.frequency()),
                d -> d.check().period() == null ? calendarDay(r, Frequency.MONTHLY) : calendarDay(r, d.check().period()));
        return r.type() + " " + r.match(p -> p.frequency() + ", " + base, d -> {
            String rho = Double.isNaN(d.rho()) ? "" : PlainNumber.of(d.rho() * 100) + " % of target";
            String band = switch (d.band()) {
                case RELATIVE -> "≥ " + rho;
                case HYBRID -> "≥ min(" + PlainNumber.of(d.threshold()) + ", " + rho + ")";
                case ABSOLUTE -> "≥ " + PlainNumber.of(d.threshold());
            };
            return band + (d.check() == CheckFrequency.DAILY ? "" : ", checked " + d.check().name().toLowerCase(Locale.ROOT)
                    + " (" + base + ")") + (d.rebalanceTo() == 0 ? "" : ", trades to " + PlainNumber.of(d.rebalanceTo()) + " of the band");
        }) + ", cost " + PlainNumber.of(r.costRate());
    }

    /**
     * The base day with the day offset and phase (SEMANTICS §12.1): "first trading day" (the defaults' words, as
     * before), "3rd trading day", "2nd last trading day of each quarter starting February".
     */
    static String calendarDay(RebalancingRule r, Frequency f) {
        boolean first = r.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY;
        int k = r.dayOffset();
        String day = k == 0 ? (first ? "first trading day" : "last trading day")
                : ordinal(k + 1) + (first ? " trading day" : " last trading day");
        if (r.phase() == 0) {
            return day;
        }
        String period = switch (f) {
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case SEMIANNUAL -> "half-year";
            case ANNUAL -> "year";
        };
        return day + " of each " + period + " starting " + Month.of(r.phase() + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        return n + ordinalSuffix(n);
    }

    /** The English ordinal suffix of {@code n}: "st", "nd", "rd" or "th" (11th, 12th, 13th, 21st). */
    public static String ordinalSuffix(int n) {
        int tens = n % 100;
        return tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static Integer integer(Map<String, ?> m, String key) {
        Double v = number(m, key);
        if (v == null) {
            return null;
        }
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid(key + " must be a whole number, got " + v);
        }
        return v.intValue();
    }


    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String text(Map<String, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static Double number(Map<String, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : null;
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
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
        }
        throw invalid(field + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    private static EngineException invalid(String message) {
        return new EngineException(EngineException.Kind.INVALID_RULE, message);
    }
}
