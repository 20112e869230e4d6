package foresto.i18n;

import foresto.text.DisplayNumber;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates and numbers for the analyst, in the form of the current language ({@link Messages#locale()}): grouped
 * digits, a fixed number of decimals, percentages with their sign. Dates read the same in both languages, ISO
 * (2024-01-31): the form the data files, the pickers, History and the events table use, so one screen never mixes two.
 * Files and the command line keep their plain forms ({@code foresto.text.PlainNumber}); this is for screens only.
 */
public final class LocaleFormat {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LocaleFormat() {
    }

    public static String date(LocalDate d) {
        return d == null ? "" : ISO_DATE.format(d);
    }

    public static String dateTime(LocalDateTime t) {
        return t == null ? "" : ISO_DATE_TIME.format(t);
    }

    /** A whole number with grouping: 12,345. */
    public static String integer(long n) {
        return NumberFormat.getIntegerInstance(Messages.locale()).format(n);
    }

    /** {@code v} with grouping and exactly {@code decimals} decimals; "—" for a number that is not one. */
    public static String decimal(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return DisplayNumber.zeroUnsigned(f.format(v)); // −0.00001 reads "0.00", not "-0.00"
    }

    /** An amount of money: grouping and 2 decimals. */
    public static String money(double v) {
        return decimal(v, 2);
    }

    /** A fraction as a percentage: 0.0534 → "5.34 %" with {@code decimals} = 2. */
    public static String percent(double fraction, int decimals) {
        return Double.isFinite(fraction) ? decimal(fraction * 100, decimals) + " %" : "—";
    }
}
