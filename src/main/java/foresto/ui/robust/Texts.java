package foresto.ui.robust;

import foresto.i18n.LocaleFormat;

/**
 * How the tab writes its figures, in the form of the screen's language through the shared {@link LocaleFormat}:
 * fractions as percent, differences in percentage points, money and counts grouped; "—" for a figure that is not a
 * number.
 */
final class Texts {
    private Texts() {
    }

    /** 0.0849 → "8.49 %". */
    static String percent(double fraction) {
        return LocaleFormat.percent(fraction, 2);
    }

    /** 0.0022 → "+0.22 %p", −0.0022 → "-0.22 %p", ±0.00001 → "0.00 %p" (a sign unless it rounds to zero). */
    static String points(double fraction) {
        if (!Double.isFinite(fraction)) {
            return LocaleFormat.decimal(fraction, 2);
        }
        String digits = LocaleFormat.decimal(fraction * 100, 2); // "0.00" for a difference too small to show
        return (digits.startsWith("-") || digits.matches("[0.,]*") ? digits : "+" + digits) + " %p";
    }

    /** 0.0022 → "0.22 %p" (a size: timing luck, spread). */
    static String size(double fraction) {
        return Double.isFinite(fraction) ? LocaleFormat.decimal(fraction * 100, 2) + " %p" : LocaleFormat.decimal(fraction, 2);
    }

    /** 123456.789 → "123,456.79": the screen's one money form. */
    static String money(double v) {
        return LocaleFormat.money(v);
    }

    /** 1000 → "1,000". */
    static String count(long n) {
        return LocaleFormat.integer(n);
    }

    /**
     * {@code text} for a wrapping label: a figure's unit kept on the line of its number ("52.78 %에서" never breaks
     * before the "%"), by a no-break space before each "%" and "%p".
     */
    static String glued(String text) {
        return text.replace(" %", "\u00a0%");
    }
}
