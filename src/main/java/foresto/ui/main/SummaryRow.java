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
