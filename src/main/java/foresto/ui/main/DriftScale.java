package foresto.ui.main;

import static foresto.i18n.Messages.tr;
import foresto.engine.BandKind;
import foresto.engine.RebalancingRule;
import foresto.text.DisplayNumber;
import foresto.ui.chart.TimeSeriesChart;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the drift panel shows a run's drift, by its rule's band kind. One band θ for every class (an ABSOLUTE band, or
 * no drift rule at all): the largest |current − target weight| in percentage points, against θ. A band per class
 * (RELATIVE, HYBRID): the largest drift ÷ that class's band, a ratio, against 1 (the band's edge). The axis follows ON
 * (and the line); OFF, which is never traded back, is clipped and marked where it leaves that range.
 *
 * @param perClassBands true when the series are drift ÷ band (RELATIVE or HYBRID)
 * @param threshold     the reference line: θ, 1 for per-class bands, NaN without a drift rule
 */
public record DriftScale(boolean perClassBands, double threshold) {
    static final String POINTS_AXIS = "main.drift.pointsAxis";
    static final String RATIO_AXIS = "main.drift.ratioAxis";
    static final String POINTS_AXIS_SHORT = "main.drift.pointsAxisShort";
    static final String RATIO_AXIS_SHORT = "main.drift.ratioAxisShort";
    static final String THRESHOLD = "main.drift.threshold";
    static final String BAND_EDGE = "main.drift.bandEdge";
    static final String POINTS = "main.drift.points";
    static final String RATIO = "main.drift.ratio";
    static final String DETAIL_OFF = "main.drift.detailOff";
    static final String DETAIL_ON = "main.drift.detailOn";

    /** A run without a drift rule: drift in points, no reference line. */
    public static final DriftScale NO_BAND = new DriftScale(false, Double.NaN);

    /** The scale for a run of {@code rule} (null: OFF only), told apart by its band kind. */
    public static DriftScale of(RebalancingRule rule) {
        if (rule == null) {
            return NO_BAND;
        }
        return rule.match(periodic -> NO_BAND, drift -> drift.band() == BandKind.ABSOLUTE
                ? new DriftScale(false, drift.threshold()) : new DriftScale(true, 1.0));
    }

    /**
     * The largest drift of each close: |weight − target| of each class, divided by that class's band when
     * {@code bands} is given, the maximum over the classes.
     *
     * @param weights per class (aligned with {@code targets}), per close
     * @param n       the number of closes
     */
    static double[] maxDrift(double[][] weights, double[] targets, double[] bands, int n) {
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            double m = 0;
            for (int j = 0; j < weights.length; j++) {
                double drift = Math.abs(weights[j][k] - targets[j]);
                m = Math.max(m, bands == null ? drift : drift / bands[j]);
            }
            d[k] = m;
        }
        return d;
    }

    /** The value axis's name. */
    public String axisLabel() {
        return tr(perClassBands ? RATIO_AXIS : POINTS_AXIS);
    }

    /** The value axis's short name, for a chart too low for {@link #axisLabel}. */
    public String shortAxisLabel() {
        return tr(perClassBands ? RATIO_AXIS_SHORT : POINTS_AXIS_SHORT);
    }

    /** How the value axis's ticks read: percentage points (× 100) or the ratio as it is. */
    public TimeSeriesChart.Units units() {
        return perClassBands ? TimeSeriesChart.Units.RATIO : TimeSeriesChart.Units.PERCENT;
    }

    /** The reference line's caption; empty without one. */
    public String thresholdLabel() {
        if (Double.isNaN(threshold)) {
            return "";
        }
        return perClassBands ? tr(BAND_EDGE) : tr(THRESHOLD, String.format(Locale.ROOT, "%.2f", threshold * 100));
    }

    /** One drift value with its unit: "5.12 points" or "0.87× band". */
    public String format(double drift) {
        return perClassBands ? tr(RATIO, String.format(Locale.ROOT, "%.2f", drift))
                : tr(POINTS, String.format(Locale.ROOT, "%.2f", drift * 100));
    }

    /**
     * Each drift line's value on {@code epochDay} in the axis's unit, one "name: value" line each ("ON: 2.81 points",
     * "OFF: 0.87× band"), "—" for a line without a point that day: the readout under the value chart.
     */
    public String valuesAt(TimeSeriesChart.Content content, double epochDay) {
        StringBuilder sb = new StringBuilder();
        for (TimeSeriesChart.Line l : content.lines()) {
            int i = Arrays.binarySearch(l.x(), epochDay);
            double v = i >= 0 && i < l.y().length ? l.y()[i] : Double.NaN;
            sb.append(sb.length() > 0 ? "\n" : "").append(l.name()).append(": ")
                    .append(Double.isNaN(v) ? DisplayNumber.NONE : format(v));
        }
        return sb.toString();
    }

    /** The detail line's drift of a close: OFF's, and ON's when the run has an ON path ({@code on} NaN: none). */
    public String detail(double off, double on) {
        return tr(DETAIL_OFF, format(off)) + (Double.isNaN(on) ? "" : tr(DETAIL_ON, format(on)));
    }
}
