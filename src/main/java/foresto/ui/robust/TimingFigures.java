package foresto.ui.robust;

import foresto.engine.BaseDayPolicy;
import foresto.engine.Metrics;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.TimingStudy;
import foresto.text.PlainNumber;

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
        return months(v) + ", " + day(v);
    }

    /**
     * "Timing luck 0.12 %p (standard deviation of the 12 variants' CAGRs), spread 0.40 %p: best June, 1st trading
     * day (CAGR 8.49 %), worst October, 1st trading day (8.27 %)."
     */
    public String headline() {
        int n = result.variants().size();
        return "Timing luck " + Texts.size(result.timingLuck()) + " (standard deviation of the " + n + " variants' CAGRs), "
                + "spread " + Texts.size(result.spread()) + ": best " + name(result.best()) + " (CAGR "
                + Texts.percent(result.best().metrics().cagr()) + "), worst " + name(result.worst()) + " ("
                + Texts.percent(result.worst().metrics().cagr()) + ").";
    }

    /** The tranched portfolio against OFF, in one line. */
    public String trancheText() {
        TimingStudy.Tranche t = result.tranche();
        Metrics off = result.off().metrics();
        return "Tranched (1/" + result.variants().size() + " in each variant, never re-equalised): CAGR "
                + Texts.percent(t.cagr()) + ", volatility " + Texts.percent(t.volatility()) + ", max drawdown "
                + Texts.percent(t.maxDrawdown()) + ", final value " + Texts.money(t.finalValue()) + ", " + t.eventCount()
                + " events. OFF: CAGR " + Texts.percent(off.cagr()) + ", max drawdown " + Texts.percent(off.maxDrawdown())
                + ". On " + result.periodsPerYear().label() + ".";
    }

    /** One CSV row per variant ({@link #CSV_COLUMNS}): numbers in full, plain digits. */
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (TimingStudy.Variant v : result.variants()) {
            Metrics m = v.metrics();
            rows.add(List.of(Integer.toString(v.phase()), Integer.toString(v.dayOffset()), months(v), day(v),
                    PlainNumber.of(m.finalValue()), PlainNumber.of(m.totalReturn()), PlainNumber.of(m.cagr()),
                    PlainNumber.of(m.volatility()), PlainNumber.of(m.maxDrawdown()), Integer.toString(m.eventCount()),
                    PlainNumber.of(m.totalTurnover()), PlainNumber.of(m.totalCost())));
        }
        return rows;
    }
}
