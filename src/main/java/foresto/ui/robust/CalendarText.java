package foresto.ui.robust;

import java.util.Collections;
import foresto.i18n.Messages;
import foresto.engine.BaseDayPolicy;
import foresto.ui.common.RuleText;

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
     * (quarterly), "every month" (monthly), in the app's language.
     */
    static String months(int monthsPerPeriod, int phase, BaseDayPolicy base) {
        return months(monthsPerPeriod, phase, base, Messages.locale());
    }

    /** As above in {@code language} (files for scripts ask for English). */
    static String months(int monthsPerPeriod, int phase, BaseDayPolicy base, Locale language) {
        int m = monthsPerPeriod;
        if (m == 1) {
            return Messages.in(language, "robust.cal.everyMonth");
        }
        // the period holds months p+1 … p+m (1-based, mod 12): FIRST fires in its first month, LAST in its last
        int first = (base == BaseDayPolicy.LAST_TRADING_DAY ? phase + m - 1 : phase) % 12;
        if (m == 12) {
            return Month.of(first + 1).getDisplayName(TextStyle.FULL, language);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 12 / m; i++) {
            numbers.add((first + i * m) % 12 + 1);
        }
        Collections.sort(numbers);
        List<String> names = new ArrayList<>();
        for (int n : numbers) {
            names.add(Month.of(n).getDisplayName(TextStyle.SHORT, language));
        }
        return String.join(", ", names);
    }

    /** Day offset k in words: "1st trading day", "3rd trading day"; "last trading day", "3rd-last trading day". */
    static String day(int dayOffset, BaseDayPolicy base) {
        return day(dayOffset, base, Messages.locale());
    }

    /** As above in {@code language}. */
    static String day(int dayOffset, BaseDayPolicy base, Locale language) {
        if (base == BaseDayPolicy.LAST_TRADING_DAY) {
            return dayOffset == 0 ? Messages.in(language, "robust.cal.lastDay")
                    : Messages.in(language, "robust.cal.nthLastDay", ordinal(dayOffset + 1, language));
        }
        return Messages.in(language, "robust.cal.nthDay", ordinal(dayOffset + 1, language));
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st in English. */
    static String ordinal(int n) {
        return ordinal(n, Locale.ENGLISH);
    }

    private static String ordinal(int n, Locale language) {
        return RuleText.ordinal(n, language);
    }
}
