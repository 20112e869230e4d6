package foresto.ui.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for the time-series chart: dates aligned to calendar boundaries (years, then
 * quarters/months, then days), values at round numbers (1, 2, 5 × 10ᵏ) on a linear or a log scale, and labels
 * whose decimals follow the tick step, so every label on an axis has the same format.
 */
public final class AxisTicks {
    private AxisTicks() {
    }

    /** A tick: its position in data units (epoch day or value) and its label. */
    public record Tick(double value, String label) {
    }

    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600};
    private static final int[] DAY_STEPS = {1, 2, 7, 14};

    /**
     * Date ticks between two epoch days (inclusive), at most {@code maxTicks}: on 1 January of every n-th year
     * (n = 1, 2, 5, 10, 20, 50; years divisible by n), else on the first of every n-th month (n = 1, 2, 3, 6;
     * months counted from January), else every n days.
     */
    public static List<Tick> dates(double fromDay, double toDay, int maxTicks) {
        List<Tick> out = new ArrayList<>();
        long from = (long) Math.ceil(fromDay);
        long to = (long) Math.floor(toDay);
        if (to < from || maxTicks < 1) {
            return out;
        }
        double spanMonths = (to - from) / 30.436875;
        for (int step : MONTH_STEPS) {
            if (spanMonths / step <= maxTicks) {
                if (step == 1 && spanMonths < 1.5) {
                    break; // under a month and a half: days
                }
                LocalDate d = LocalDate.ofEpochDay(from).withDayOfMonth(1);
                if (step >= 12) {
                    int years = step / 12;
                    int y = Math.floorDiv(d.getYear(), years) * years;
                    for (LocalDate t = LocalDate.of(y, 1, 1); t.toEpochDay() <= to; t = t.plusYears(years)) {
                        if (t.toEpochDay() >= from) {
                            out.add(new Tick(t.toEpochDay(), Integer.toString(t.getYear())));
                        }
                    }
                } else {
                    int m0 = d.getMonthValue() - 1;
                    LocalDate t = d.withMonth(m0 / step * step + 1);
                    for (; t.toEpochDay() <= to; t = t.plusMonths(step)) {
                        if (t.toEpochDay() >= from) {
                            out.add(new Tick(t.toEpochDay(), t.getMonthValue() == 1 ? Integer.toString(t.getYear())
                                    : String.format(Locale.ROOT, "%d-%02d", t.getYear(), t.getMonthValue())));
                        }
                    }
                }
                return out;
            }
        }
        for (int step : DAY_STEPS) {
            if ((double) (to - from) / step <= maxTicks || step == DAY_STEPS[DAY_STEPS.length - 1]) {
                for (long t = from; t <= to; t += step) {
                    out.add(new Tick(t, LocalDate.ofEpochDay(t).toString()));
                }
                return out;
            }
        }
        return out;
    }

    /** Round steps 1, 2, 5 × 10ᵏ: the smallest giving at most {@code maxTicks} ticks over [lo, hi]. */
    public static double niceStep(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0) || maxTicks < 1) {
            return 1;
        }
        double raw = span / maxTicks;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5}) {
            if (m * mag >= raw * (1 - 1e-9)) {
                return m * mag;
            }
        }
        return 10 * mag; // raw lies between 5 and 10 × mag
    }

    /** Linear ticks at multiples of a round step inside [lo, hi]; {@code scale} multiplies the labels (100 for %). */
    public static List<Tick> linear(double lo, double hi, int maxTicks, double scale, boolean grouped) {
        List<Tick> out = new ArrayList<>();
        if (!(hi > lo)) {
            double v = lo * scale;
            // no step to follow: four significant digits (whole numbers as they are)
            int decimals = v == Math.rint(v) ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
            out.add(new Tick(lo, format(v, decimals, grouped)));
            return out;
        }
        double step = niceStep(lo, hi, Math.max(1, maxTicks));
        int decimals = decimalsFor(step * scale);
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            double v = k * step;
            out.add(new Tick(v, format(v * scale, decimals, grouped)));
        }
        return out;
    }

    /**
     * Log-scale ticks at round values inside [lo, hi] (both &gt; 0): the densest of 1..9 per decade, 1-2-5 per
     * decade, or powers of ten that gives 3 to {@code maxTicks} ticks (powers of ten: 2 or more); every n-th
     * power of ten when even those are too many; round linear steps for a range too narrow for any of these.
     */
    public static List<Tick> log(double lo, double hi, int maxTicks, boolean grouped) {
        if (!(lo > 0) || !(hi > lo)) {
            return linear(lo, hi, maxTicks, 1, grouped);
        }
        double[][] sets = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1}};
        List<Double> powers = List.of();
        for (double[] mult : sets) {
            List<Double> vals = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(lo)); Math.pow(10, e) <= hi; e++) {
                for (double m : mult) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                        vals.add(v);
                    }
                }
            }
            int least = mult.length == 1 ? 2 : 3;
            if (vals.size() >= least && vals.size() <= maxTicks) {
                return roundTicks(vals, grouped);
            }
            powers = vals;
        }
        if (powers.size() > Math.max(1, maxTicks)) { // many decades: every n-th power of ten
            int n = (powers.size() + Math.max(1, maxTicks) - 1) / Math.max(1, maxTicks);
            List<Double> every = new ArrayList<>();
            for (int i = 0; i < powers.size(); i += n) {
                every.add(powers.get(i));
            }
            return roundTicks(every, grouped);
        }
        return linear(lo, hi, maxTicks, 1, grouped); // narrow range: round linear steps read better
    }

    /**
     * Labels for round values m·10ᵉ (one significant digit, ascending): the smallest needs the most decimals, and
     * those show every larger one exactly.
     */
    private static List<Tick> roundTicks(List<Double> vals, boolean grouped) {
        int decimals = decimalsFor(vals.get(0));
        List<Tick> out = new ArrayList<>();
        for (double v : vals) {
            out.add(new Tick(v, format(v, decimals, grouped)));
        }
        return out;
    }

    /** Decimals that show a step of this size exactly (0 for steps of 1 or more). */
    static int decimalsFor(double step) {
        double s = Math.abs(step);
        if (s >= 1 || s == 0) {
            return 0;
        }
        int d = (int) Math.ceil(-Math.log10(s) - 1e-9);
        return Math.min(10, d + (Math.abs(s * Math.pow(10, d) - Math.rint(s * Math.pow(10, d))) > 1e-6 ? 1 : 0));
    }

    static String format(double v, int decimals, boolean grouped) {
        double clean = Math.abs(v) < 1e-12 ? 0 : v; // no "-0"
        return String.format(Locale.ROOT, grouped ? "%,." + decimals + "f" : "%." + decimals + "f", clean);
    }
}
