package foresto.ui.robust;

import foresto.engine.BaseDayPolicy;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timing variant's calendar in words (SEMANTICS §12.1): the months its rule fires in for phase p (the period's
 * first month on the first trading day, its last month on the last) and its day offset k as "3rd trading day" or
 * "2nd-last trading day".
 */
final class CalendarText {
    private CalendarText() {
    }

    /**
     * The months a rule with {@code monthsPerPeriod} m and phase p fires in: "June" (annual), "Feb, May, Aug, Nov"
     * (quarterly), "every month" (monthly).
     */
    static String months(int monthsPerPeriod, int phase, BaseDayPolicy base) {
        int m = monthsPerPeriod;
        if (m == 1) {
            return "every month";
        }
        // the period holds months p+1 … p+m (1-based, mod 12): FIRST fires in its first month, LAST in its last
        int first = (base == BaseDayPolicy.LAST_TRADING_DAY ? phase + m - 1 : phase) % 12;
        if (m == 12) {
            return Month.of(first + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12 / m; i++) {
            names.add(Month.of((first + i * m) % 12 + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        names.sort((a, b) -> Integer.compare(monthNumber(a), monthNumber(b)));
        return String.join(", ", names);
    }

    private static int monthNumber(String shortName) {
        for (Month mo : Month.values()) {
            if (mo.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(shortName)) {
                return mo.getValue();
            }
        }
        return 0;
    }

    /** Day offset k in words: "1st trading day", "3rd trading day"; "last trading day", "3rd-last trading day". */
    static String day(int dayOffset, BaseDayPolicy base) {
        if (base == BaseDayPolicy.LAST_TRADING_DAY) {
            return dayOffset == 0 ? "last trading day" : ordinal(dayOffset + 1) + "-last trading day";
        }
        return ordinal(dayOffset + 1) + " trading day";
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix;
        if (mod100 >= 11 && mod100 <= 13) {
            suffix = "th";
        } else {
            suffix = switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
        return n + suffix;
    }
}
