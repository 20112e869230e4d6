package foresto.backtest;

import foresto.engine.Metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What a heatmap colours by, whether more is better, and OFF's value where it has one (the reference point). */
public enum SweepMetric {
    FINAL_VALUE("Final value", true, r -> r.metrics().finalValue(), Metrics::finalValue, "%,.4g"),
    CAGR("CAGR", true, r -> r.metrics().cagr(), Metrics::cagr, "%.2f %%", 100),
    VOLATILITY("Volatility", false, r -> r.metrics().volatility(), Metrics::volatility, "%.2f %%", 100),
    MAX_DRAWDOWN("Max drawdown", false, r -> r.metrics().maxDrawdown(), Metrics::maxDrawdown, "%.2f %%", 100),
    EVENTS("Events", false, r -> r.metrics().eventCount(), null, "%.0f"),
    TURNOVER_PER_YEAR("Turnover / year", false, SweepRunner.Row::turnoverPerYear, null, "%.2f %%", 100),
    COST("Total cost", false, r -> r.metrics().totalCost(), null, "%,.4g"),
    TRACKING_ERROR("Tracking error", false, SweepRunner.Row::trackingError, null, "%.3f %%", 100);

    private final String title;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<SweepRunner.Row> value;
    private final ToDoubleFunction<Metrics> offValue;
    private final String format;
    private final double scale;

    SweepMetric(String title, boolean higherIsBetter, ToDoubleFunction<SweepRunner.Row> value, ToDoubleFunction<Metrics> offValue,
                String format) {
        this(title, higherIsBetter, value, offValue, format, 1);
    }

    SweepMetric(String title, boolean higherIsBetter, ToDoubleFunction<SweepRunner.Row> value, ToDoubleFunction<Metrics> offValue,
                String format, double scale) {
        this.title = title;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
        this.offValue = offValue;
        this.format = format;
        this.scale = scale;
    }

    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(SweepRunner.Row row) {
        return value.applyAsDouble(row);
    }

    /** OFF's value, or NaN when the metric has no meaning for buy-and-hold (events, turnover, cost). */
    public double off(Metrics off) {
        return offValue == null ? Double.NaN : offValue.applyAsDouble(off);
    }

    public String format(double v) {
        if (format.equals("%,.4g")) { // amounts: whole units when large, four decimals when small
            return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.4f", v);
        }
        return String.format(Locale.ROOT, format, v * scale);
    }

    @Override
    public String toString() {
        return title;
    }
}
