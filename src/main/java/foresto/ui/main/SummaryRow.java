package foresto.ui.main;

import foresto.engine.Metrics;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** One line of the ON vs OFF summary: the metric, both values and ON − OFF, formatted for display. */
public record SummaryRow(String metric, String off, String on, String difference) {

    private record Spec(String name, ToDoubleFunction<Metrics> value, boolean percent, boolean integer) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("Final value", Metrics::finalValue, false, false),
            new Spec("Total return", Metrics::totalReturn, true, false),
            new Spec("CAGR", Metrics::cagr, true, false),
            new Spec("Volatility (ann.)", Metrics::volatility, true, false),
            new Spec("Max drawdown", Metrics::maxDrawdown, true, false),
            new Spec("Events", m -> m.eventCount(), false, true),
            new Spec("Total turnover", Metrics::totalTurnover, true, false),
            new Spec("Total cost", Metrics::totalCost, false, false));

    public static List<SummaryRow> of(Metrics off, Metrics on) {
        return SPECS.stream().map(s -> {
            double o = s.value().applyAsDouble(off);
            String onText = on == null ? "—" : format(s, s.value().applyAsDouble(on));
            String diff = on == null ? "—" : (s.percent() ? String.format(Locale.ROOT, "%+.2f%%p",
                    (s.value().applyAsDouble(on) - o) * 100) : signed(s, s.value().applyAsDouble(on) - o));
            return new SummaryRow(s.name(), format(s, o), onText, diff);
        }).toList();
    }

    /**
     * The summary with the rows that need the paths: Sharpe and Sortino (risk-free rate 0, said in the row's
     * name) and turnover per year.
     */
    public static List<SummaryRow> of(Metrics off, Metrics on, java.time.LocalDate[] dates, double[] offPath, double[] onPath) {
        return of(off, on, dates, offPath, onPath, 0);
    }

    /** As above with an annual risk-free rate (named in the rows). */
    public static List<SummaryRow> of(Metrics off, Metrics on, java.time.LocalDate[] dates, double[] offPath, double[] onPath,
                                      double riskFree) {
        List<SummaryRow> rows = new java.util.ArrayList<>(of(off, on));
        double years = java.time.temporal.ChronoUnit.DAYS.between(dates[0], dates[dates.length - 1]) / Metrics.DAYS_PER_YEAR;
        String rf = riskFree == 0 ? "0" : new java.math.BigDecimal(Double.toString(riskFree * 100)).stripTrailingZeros()
                .toPlainString() + " %";
        rows.add(ratio("Sharpe (risk-free " + rf + ")", foresto.engine.PathStats.sharpe(offPath, riskFree),
                onPath == null ? Double.NaN : foresto.engine.PathStats.sharpe(onPath, riskFree), on != null));
        rows.add(ratio("Sortino (risk-free " + rf + ")", foresto.engine.PathStats.sortino(offPath, riskFree),
                onPath == null ? Double.NaN : foresto.engine.PathStats.sortino(onPath, riskFree), on != null));
        if (on != null && years > 0) {
            double t = on.totalTurnover() / years;
            rows.add(new SummaryRow("Turnover / year", "0.00%", String.format(Locale.ROOT, "%.2f%%", t * 100),
                    String.format(Locale.ROOT, "%+.2f%%p", t * 100)));
        }
        return rows;
    }

    private static SummaryRow ratio(String name, double off, double on, boolean hasOn) {
        String o = Double.isNaN(off) ? "—" : String.format(Locale.ROOT, "%.3f", off);
        String n = !hasOn || Double.isNaN(on) ? "—" : String.format(Locale.ROOT, "%.3f", on);
        String d = !hasOn || Double.isNaN(on) || Double.isNaN(off) ? "—" : String.format(Locale.ROOT, "%+.3f", on - off);
        return new SummaryRow(name, o, n, d);
    }

    private static String format(Spec s, double v) {
        if (s.integer()) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return s.percent() ? String.format(Locale.ROOT, "%.2f%%", v * 100) : String.format(Locale.ROOT, "%,.4f", v);
    }

    private static String signed(Spec s, double v) {
        return s.integer() ? String.format(Locale.ROOT, "%+,d", (long) v) : String.format(Locale.ROOT, "%+,.4f", v);
    }
}
