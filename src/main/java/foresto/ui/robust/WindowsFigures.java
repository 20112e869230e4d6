package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
import foresto.engine.robust.RollingWindows;
import foresto.engine.robust.WindowsStudy;
import foresto.text.PlainNumber;

import java.util.ArrayList;
import java.util.List;

/**
 * A start-date study as the tab shows it (SEMANTICS §12.3): the count with the overlap stated next to it, the
 * summary figures over the premiums, and the windows' table as CSV rows.
 */
public record WindowsFigures(WindowsStudy.Result result, String ruleName, String heading) {
    /** The windows table's CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("start", "end", "on_cagr", "off_cagr", "premium",
            "on_volatility", "off_volatility", "on_max_drawdown", "off_max_drawdown", "on_final_value", "off_final_value");

    /** "120 windows of 60 months, one every 1 month: they overlap (only 2 do not)." */
    public String countText() {
        RollingWindows.Summary s = result.summary();
        String overlap = s.nonOverlapping() >= s.count() ? tr("robust.windows.noOverlap")
                : tr("robust.windows.overlap", Long.toString(s.nonOverlapping()));
        return tr("robust.windows.count", Texts.count(s.count()), s.count(), Integer.toString(result.lengthMonths()),
                Integer.toString(result.stepMonths()), result.stepMonths(), overlap);
    }

    /** The summary figures over the premiums, as label / value pairs in the order §12.3 lists them. */
    public List<String[]> summary() {
        RollingWindows.Summary s = result.summary();
        return List.of(
                new String[] {tr("robust.windows.windows"), countText()},
                new String[] {tr("robust.windows.premiumMin"), Texts.points(s.min())},
                new String[] {"p5", Texts.points(s.p5())},
                new String[] {"p25", Texts.points(s.p25())},
                new String[] {tr("robust.col.median"), Texts.points(s.median())},
                new String[] {"p75", Texts.points(s.p75())},
                new String[] {"p95", Texts.points(s.p95())},
                new String[] {tr("robust.windows.max"), Texts.points(s.max())},
                new String[] {tr("robust.windows.positiveIn"), tr("robust.windows.ofWindows", Texts.percent(s.sharePositive()))});
    }

    /** "The rule beat OFF in 62.50 % of 120 windows; median premium +0.12 %p (ON − OFF CAGR)." */
    public String headline() {
        RollingWindows.Summary s = result.summary();
        return tr("robust.windows.headline", ruleName, Texts.percent(s.sharePositive()), countText(), Texts.points(s.median()),
                Texts.points(s.min()), Texts.points(s.max()));
    }

    /** The premiums in window order. */
    public double[] premiums() {
        return result.windows().stream().mapToDouble(WindowsStudy.WindowResult::premium).toArray();
    }

    /** One CSV row per window ({@link #CSV_COLUMNS}). */
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (WindowsStudy.WindowResult w : result.windows()) {
            rows.add(List.of(w.window().start().toString(), w.window().end().toString(), PlainNumber.of(w.on().cagr()),
                    PlainNumber.of(w.off().cagr()), PlainNumber.of(w.premium()), PlainNumber.of(w.on().volatility()),
                    PlainNumber.of(w.off().volatility()), PlainNumber.of(w.on().maxDrawdown()),
                    PlainNumber.of(w.off().maxDrawdown()), PlainNumber.of(w.on().finalValue()),
                    PlainNumber.of(w.off().finalValue())));
        }
        return rows;
    }
}
