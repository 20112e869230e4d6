package foresto.ui.robust;

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

    /** 123456.789 → "123,457"; below 1,000 with two decimals. */
    static String money(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%,.2f", v);
    }

    /** 1000 → "1,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
