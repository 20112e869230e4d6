package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
import java.util.Locale;
import foresto.engine.BaseDayPolicy;
import foresto.engine.Metrics;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.TimingStudy;
import foresto.text.PlainNumber;
import foresto.ui.common.FrequencyText;

import java.util.ArrayList;
import java.util.List;

/**
 * A timing study as the tab shows it (SEMANTICS §12.2): each variant's calendar in words, the headline (timing luck
 * and spread with the best and worst variant named), the tranche, and the variants' table as CSV rows.
 *
 * @param monthsPerPeriod m of the rule's calendar (its frequency or its check calendar)
 */
public record TimingFigures(TimingStudy.Result result, String ruleName, int monthsPerPeriod, BaseDayPolicy baseDay,
                            String heading) {
    /** The variants table's CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("phase", "day_offset", "rebalances_in", "day", "final_value",
            "total_return", "cagr", "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost");

    /** The study of {@code rule} (named {@code ruleName}) on the scope {@code heading} names. */
    public static TimingFigures of(TimingStudy.Result result, RebalancingRule rule, String ruleName, String heading) {
        return new TimingFigures(result, ruleName, TimingStudy.monthsPerPeriod(rule), rule.baseDayPolicy(), heading);
    }

    /** Whether the variants' value paths are here: a study opened from History keeps its figures, not its paths. */
    public boolean pathsStored() {
        return result.dates().length > 0;
    }

    /** The months a variant rebalances in ("June"; "Feb, May, Aug, Nov"; "every month"). */
    public String months(TimingStudy.Variant v) {
        return CalendarText.months(monthsPerPeriod, v.phase(), baseDay);
    }

    /** A variant's day ("3rd trading day", "last trading day"). */
    public String day(TimingStudy.Variant v) {
        return CalendarText.day(v.dayOffset(), baseDay);
    }

    /** "June, 3rd trading day". */
    public String name(TimingStudy.Variant v) {
        return tr("robust.timing.variantName", months(v), day(v));
    }

    /**
     * "Timing luck 0.12 %p (standard deviation of the 12 variants' CAGRs), spread 0.40 %p: best June, 1st trading
     * day (CAGR 8.49 %), worst October, 1st trading day (8.27 %)."
     */
    public String headline() {
        int n = result.variants().size();
        return tr("robust.timing.headline", Texts.size(result.timingLuck()), Integer.toString(n), Texts.size(result.spread()),
                name(result.best()), Texts.percent(result.best().metrics().cagr()), name(result.worst()),
                Texts.percent(result.worst().metrics().cagr()));
    }

    /** The tranched portfolio against OFF, in one line. */
    public String trancheText() {
        TimingStudy.Tranche t = result.tranche();
        Metrics off = result.off().metrics();
        return tr("robust.timing.tranche", Integer.toString(result.variants().size()), Texts.percent(t.cagr()),
                Texts.percent(t.volatility()), Texts.percent(t.maxDrawdown()), Texts.money(t.finalValue()),
                Integer.toString(t.eventCount()), Texts.percent(off.cagr()), Texts.percent(off.maxDrawdown()),
                FrequencyText.of(result.periodsPerYear()));
    }

    /** One CSV row per variant ({@link #CSV_COLUMNS}): numbers in full, plain digits. */
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (TimingStudy.Variant v : result.variants()) {
            Metrics m = v.metrics();
            rows.add(List.of(Integer.toString(v.phase()), Integer.toString(v.dayOffset()),
                    CalendarText.months(monthsPerPeriod, v.phase(), baseDay, Locale.ENGLISH),
                    CalendarText.day(v.dayOffset(), baseDay, Locale.ENGLISH),
                    PlainNumber.of(m.finalValue()), PlainNumber.of(m.totalReturn()), PlainNumber.of(m.cagr()),
                    PlainNumber.of(m.volatility()), PlainNumber.of(m.maxDrawdown()), Integer.toString(m.eventCount()),
                    PlainNumber.of(m.totalTurnover()), PlainNumber.of(m.totalCost())));
        }
        return rows;
    }
}
