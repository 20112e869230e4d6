package foresto.ui.common;

import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.RebalancingRule;
import foresto.error.ForestoException;
import foresto.i18n.Messages;
import foresto.rule.RuleCodec;
import foresto.text.DisplayNumber;
import foresto.model.RuleRecord;
import foresto.text.PlainNumber;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

import java.math.BigDecimal;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A rule in the analyst's words and language, built from the rule's fields through the bundles: "Drift ≥ 5 %p
 * (absolute band), checked daily, traded back to target, cost 0.10 %" or "드리프트 ≥ 5 %p (절대 밴드), 매일 확인, 목표
 * 비중까지 거래, 비용 0.10 %". Bands and trade-to fractions read as percentages (exactly as written, so two different
 * rules never look alike), the cost rate as the screen's one rate form ({@link DisplayNumber#rate}). The command line and files keep
 * {@code RuleCodec.describe}, the English one scripts may read.
 */
public final class RuleText {
    private RuleText() {
    }

    /** The stored rule in words, or why it is not a valid rule. */
    public static String of(RuleRecord r) {
        try {
            return of(r.toEngineRule());
        } catch (ForestoException | EngineException e) { // the rule's own checks throw EngineException
            return Messages.tr("rule.invalid", e.getMessage());
        }
    }

    /** Rows of a table of stored rules that show the rule in words on hover. */
    public static Callback<TableView<RuleRecord>, TableRow<RuleRecord>> rowsWithTooltip() {
        return table -> new TableRow<>() {
            @Override
            protected void updateItem(RuleRecord r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : new Tooltip(of(r)));
            }
        };
    }

    /**
     * The rule's band or calendar in a few words, in the current language: "Drift ≥ 4 %p", "Periodic, quarterly" —
     * a legend's or a heatmap row's name (no check, trade-to or cost).
     */
    public static String brief(RebalancingRule r) {
        return r.match(p -> Messages.tr("sweep.words.periodic", Messages.tr("rule.every." + p.frequency().name())),
                d -> Messages.tr("sweep.words.drift", Messages.tr("rule.condition." + d.band().name(),
                        percent(d.threshold()), percent(d.rho()))));
    }

    /**
     * The rule's band or calendar with its cost, in the current language: "Drift ≥ 4 %p, cost 0.20 %" — how a sentence
     * (the status line, a History row, a saved picture's caption) names a rule that has no stored name.
     */
    public static String briefWithCost(RebalancingRule r) {
        return Messages.tr("rule.briefCost", brief(r), DisplayNumber.rate(r.costRate()));
    }

    /**
     * A run's rule as a person reads it: null for a run without rebalancing ({@code storedName} null), the stored rule's
     * own name for a run with a stored rule, else (a rule given inline: a sweep cell's, a study's, an edited one) the
     * exact rule it ran with in words ({@link #briefWithCost}) instead of its stored spec ("inline drift:0.04"). The
     * spec stays where it was stored, for scripts; {@code exact} null keeps {@code storedName}.
     */
    public static String ofRun(String storedName, Long storedRuleId, RebalancingRule exact) {
        if (storedName == null || storedRuleId != null || exact == null) {
            return storedName;
        }
        return briefWithCost(exact);
    }

    /** How a stored run or study names a rule given inline: this prefix, then the command line's short form. */
    private static final String INLINE_PREFIX = "inline ";

    /**
     * A stored rule name as a person reads it where only the name was stored (a study's rules): "inline drift:0.04"
     * as its band or calendar in words ("Drift ≥ 4 %p"; the stored name holds no cost); any other name as it is.
     */
    public static String ofStoredName(String storedName) {
        if (storedName == null || !storedName.startsWith(INLINE_PREFIX)) {
            return storedName;
        }
        try {
            return brief(RuleCodec.parse(storedName.substring(INLINE_PREFIX.length()), BaseDayPolicy.FIRST_TRADING_DAY, 0));
        } catch (ForestoException | EngineException e) { // not a short form this version reads: the name as stored
            return storedName;
        }
    }

    /** The rule in words, in the current language; its cost rate as an exact percentage ("cost 0.25 %"). */
    public static String of(RebalancingRule r) {
        String cost = DisplayNumber.rate(r.costRate());
        return r.match(
                p -> Messages.tr("rule.periodic", Messages.tr("rule.every." + p.frequency().name()),
                        day(r, p.frequency()), cost),
                d -> Messages.tr("rule.drift",
                        Messages.tr("rule.condition." + d.band().name(), percent(d.threshold()), percent(d.rho())),
                        Messages.tr("rule.bandKind." + d.band().name()), check(r, d.check()), tradeTo(d.rebalanceTo()),
                        cost));
    }

    private static String check(RebalancingRule r, CheckFrequency check) {
        Frequency f = check.period();
        return f == null ? Messages.tr("rule.check.daily")
                : Messages.tr("rule.check.calendar", Messages.tr("rule.every." + f.name()), day(r, f));
    }

    private static String tradeTo(double rebalanceTo) {
        return rebalanceTo == 0 ? Messages.tr("rule.tradeTo.target") : Messages.tr("rule.tradeTo.band", percent(rebalanceTo));
    }

    /**
     * The day of the period the rule acts on, with its day offset and phase (SEMANTICS §12.1): "first trading day",
     * "3rd trading day of each quarter starting February".
     */
    static String day(RebalancingRule r, Frequency f) {
        boolean first = r.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY;
        int k = r.dayOffset();
        String day = k == 0 ? Messages.tr(first ? "rule.day.first" : "rule.day.last")
                : Messages.tr(first ? "rule.day.nth" : "rule.day.nthLast", ordinal(k + 1));
        if (r.phase() == 0) {
            return day;
        }
        return Messages.tr("rule.day.phased", day, Messages.tr("rule.period." + f.name()),
                Month.of(r.phase() + 1).getDisplayName(TextStyle.FULL, Messages.locale()));
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st (Korean: 첫째, 둘째, 셋째 …), in the app's language. */
    static String ordinal(int n) {
        return ordinal(n, Messages.locale());
    }

    /**
     * As above in {@code language}: the bundle's ordinal words (key {@code ordinal.words}, comma-separated from 1) where
     * it has one for {@code n}, else the number with its ordinal suffix.
     */
    public static String ordinal(int n, Locale language) {
        String[] words = Messages.in(language, "ordinal.words").split(",");
        if (n >= 1 && n <= words.length && !words[n - 1].isBlank()) {
            return words[n - 1].trim();
        }
        return Messages.in(language, "rule.ordinal." + RuleCodec.ordinalSuffix(n), Integer.toString(n));
    }

    /** An absolute band θ as the rules are written everywhere on screen: 0.05 → "5 %p"; NaN → "". */
    public static String threshold(double fraction) {
        return Double.isNaN(fraction) ? "" : Messages.tr("rule.points", percent(fraction));
    }

    /** A share of the target weight (a relative band ρ, a trade-to fraction): 0.25 → "25 %"; NaN → "". */
    public static String share(double fraction) {
        return Double.isNaN(fraction) ? "" : Messages.tr("rule.percent", percent(fraction));
    }

    /** A fraction as an exact percentage without trailing zeros: 0.05 → "5", 0.125 → "12.5"; NaN (no value) → "". */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : PlainNumber.of(new BigDecimal(Double.toString(fraction)).movePointRight(2));
    }
}
