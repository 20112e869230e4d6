package foresto.text;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one display form of a number on the screen (tables, tooltips, the Summary and the screen's exports): money with
 * two decimals and thousands grouped (33,030.36), fractions as percentages with two decimals (8.49 %), differences of
 * fractions in percentage points (+0.22 %p), counts grouped (1,922). A missing value (NaN) reads "—". Unlike
 * {@link PlainNumber} (the exact decimal a rule or request is written with) these round for reading; files meant for
 * scripts keep full precision and never use this class.
 */
public final class DisplayNumber {
    /** What a missing value (NaN) reads. */
    public static final String NONE = "—";

    private DisplayNumber() {
    }

    /** 33030.3647 → "33,030.36". */
    public static String money(double v) {
        return Double.isNaN(v) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%,.2f", v));
    }

    /** Money with its sign always written: 1234 → "+1,234.00", −12.5 → "-12.50". */
    public static String signedMoney(double v) {
        return Double.isNaN(v) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%+,.2f", v));
    }

    /** 0.0849 → "8.49 %". */
    public static String percent(double fraction) {
        return percent(fraction, 2);
    }

    /** A fraction as a percentage with {@code decimals} decimals: 0.1234, 1 → "12.3 %". */
    public static String percent(double fraction, int decimals) {
        return Double.isNaN(fraction) ? NONE
                : zeroUnsigned(String.format(Locale.ROOT, "%,." + decimals + "f %%", fraction * 100));
    }

    /** 0.0849 → "+8.49 %" (a return of one period, sign always written). */
    public static String signedPercent(double fraction) {
        return Double.isNaN(fraction) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%+,.2f %%", fraction * 100));
    }

    /** A difference of two fractions in percentage points: 0.0022 → "+0.22 %p". */
    public static String points(double fraction) {
        return Double.isNaN(fraction) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%+,.2f %%p", fraction * 100));
    }

    /**
     * A rate as a percentage, exactly as given and with at least two decimals: 0.001 → "0.10 %", 0.00025 →
     * "0.025 %" (a cost rate is an input: rounding it would show two different rules alike).
     */
    public static String rate(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return NONE;
        }
        String p = PlainNumber.of(new BigDecimal(Double.toString(fraction)).movePointRight(2));
        int dot = p.indexOf('.');
        int decimals = dot < 0 ? 0 : p.length() - dot - 1;
        return (dot < 0 ? p + "." : p) + "00".substring(Math.min(2, decimals)) + " %";
    }

    /** 1922 → "1,922". */
    public static String count(double n) {
        return Double.isNaN(n) ? NONE : String.format(Locale.ROOT, "%,d", (long) n);
    }

    /** +3 / −3 as a signed count: "+3". */
    public static String signedCount(double n) {
        return Double.isNaN(n) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%+,d", (long) n));
    }

    /** A plain ratio (Sharpe, Sortino) with three decimals: 0.31649 → "0.316". */
    public static String ratio(double v) {
        return Double.isNaN(v) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%,.3f", v));
    }

    /** A signed ratio: "+0.120". */
    public static String signedRatio(double v) {
        return Double.isNaN(v) ? NONE : zeroUnsigned(String.format(Locale.ROOT, "%+,.3f", v));
    }

    /**
     * A number written with a sign that rounds to zero reads without one: "-0.00 %p" and "+0.00 %p" become
     * "0.00 %p" (a difference too small to show is no direction).
     */
    public static String zeroUnsigned(String written) {
        if (written.isEmpty() || (written.charAt(0) != '-' && written.charAt(0) != '+')) {
            return written;
        }
        for (int i = 1; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '1' && c <= '9') {
                return written;
            }
        }
        return written.substring(1);
    }
}
