package foresto.ui.robust;

import foresto.text.DisplayNumber;

import java.util.Locale;

/** How the tab writes its figures: fractions as percent, differences in percentage points, money grouped. */
final class Texts {
    private Texts() {
    }

    /** 0.0849 → "8.49 %". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /** 0.0022 → "+0.22 %p". */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.2f %%p", fraction * 100);
    }

    /** 0.0022 → "0.22 %p" (a size: timing luck, spread). */
    static String size(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%p", fraction * 100);
    }

    /** 123456.789 → "123,456.79": the screen's one money form ({@link DisplayNumber#money}). */
    static String money(double v) {
        return DisplayNumber.money(v);
    }

    /** 1000 → "1,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
