package foresto.ui.main;

import foresto.ui.common.MetricNames;
import static foresto.i18n.Messages.tr;
import foresto.backtest.Metric;
import foresto.engine.Metrics;
import foresto.text.DisplayNumber;
import foresto.text.PlainNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the ON vs OFF summary: the metric, both values and ON − OFF, formatted for display. The lines are
 * {@link Metric#summary()}, in its order, in the screen's number forms ({@link DisplayNumber}: money with two
 * decimals, fractions in %, differences in %p); a value a stored run predates shows as "—".
 */
public record SummaryRow(String metric, String off, String on, String difference) {

    /** The summary of the stored metrics only (no path statistics, no turnover per year). */
    public static List<SummaryRow> of(Metrics off, Metrics on) {
        List<SummaryRow> rows = new ArrayList<>();
        for (Metric m : Metric.summary()) {
            if (m.isStored()) {
                rows.add(row(m, m.label(), m.of(off), on == null ? Double.NaN : m.of(on), on != null));
            }
        }
        return rows;
    }

    /**
     * The summary with the rows that need the paths: Sharpe and Sortino (risk-free rate 0, said in the row's
     * name) and turnover per year.
     */
    public static List<SummaryRow> of(Metrics off, Metrics on, LocalDate[] dates, double[] offPath, double[] onPath) {
        return of(off, on, dates, offPath, onPath, 0);
    }

    /** As above with an annual risk-free rate (named in the rows), on daily data (f = 252). */
    public static List<SummaryRow> of(Metrics off, Metrics on, LocalDate[] dates, double[] offPath, double[] onPath,
                                      double riskFree) {
        return of(off, on, dates, offPath, onPath, riskFree, Metrics.TRADING_DAYS_PER_YEAR);
    }

    /** As above with the periods per year f that annualise Sharpe and Sortino (SEMANTICS §5). */
    public static List<SummaryRow> of(Metrics off, Metrics on, LocalDate[] dates, double[] offPath, double[] onPath,
                                      double riskFree, double periodsPerYear) {
        double years = Metrics.years(dates[0], dates[dates.length - 1]);
        String rf = riskFree == 0 ? "0" : PlainNumber.of(riskFree * 100) + " %";
        Metric.Side offSide = new Metric.Side(off, offPath, years, riskFree, periodsPerYear);
        Metric.Side onSide = on == null ? null : new Metric.Side(on, onPath, years, riskFree, periodsPerYear);
        List<SummaryRow> rows = new ArrayList<>();
        for (Metric m : Metric.summary()) {
            if (m.needsOnAndYears() && !(on != null && years > 0)) {
                continue;
            }
            String name = m.isPathStatistic() ? tr("main.summary.withRiskFree", MetricNames.label(m), rf) : MetricNames.label(m);
            rows.add(row(m, name, m.of(offSide), onSide == null ? Double.NaN : m.of(onSide), on != null));
        }
        return rows;
    }

    /**
     * The rows of a run with cash flows: its total return is the time-weighted index's (what the money earned, not
     * what was paid in), and its row says so.
     */
    static List<SummaryRow> timeWeighted(List<SummaryRow> rows) {
        String total = MetricNames.label(Metric.TOTAL_RETURN);
        List<SummaryRow> out = new ArrayList<>(rows.size());
        for (SummaryRow r : rows) {
            out.add(r.metric().equals(total) ? new SummaryRow(tr("main.summary.timeWeighted", total), r.off(), r.on(),
                    r.difference()) : r);
        }
        return out;
    }

    private static SummaryRow row(Metric m, String name, double off, double on, boolean hasOn) {
        return new SummaryRow(name, text(m, off), hasOn ? text(m, on) : DisplayNumber.NONE,
                hasOn ? difference(m, on, off) : DisplayNumber.NONE);
    }

    /** A value in the screen's form for its unit ({@link DisplayNumber}); "—" when there is none. */
    static String text(Metric m, double v) {
        return switch (m.unit()) {
            case MONEY -> DisplayNumber.money(v);
            case FRACTION -> DisplayNumber.percent(v);
            case COUNT -> DisplayNumber.count(v);
            case RATIO -> DisplayNumber.ratio(v);
            case RATE -> DisplayNumber.rate(v);
        };
    }

    /** ON − OFF: money and counts signed, fractions and rates in percentage points; "—" when either is missing. */
    static String difference(Metric m, double on, double off) {
        double d = on - off;
        return switch (m.unit()) {
            case MONEY -> DisplayNumber.signedMoney(d);
            case FRACTION, RATE -> DisplayNumber.points(d);
            case COUNT -> DisplayNumber.signedCount(d);
            case RATIO -> DisplayNumber.signedRatio(d);
        };
    }
}
