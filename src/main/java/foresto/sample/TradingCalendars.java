package foresto.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A New-York-exchange-like trading calendar: weekdays minus the regular full-day holidays (observed on the
 * nearest weekday when they fall on a weekend). Special closures (e.g. 2001-09-11, 2012-10-29) are not
 * modelled; for synthetic sample data this is a realistic calendar, not an official one.
 */
public final class TradingCalendars {
    private TradingCalendars() {
    }

    public static List<LocalDate> nyseLike(LocalDate from, LocalDate to) {
        Set<LocalDate> holidays = new HashSet<>();
        for (int y = from.getYear() - 1; y <= to.getYear() + 1; y++) {
            holidays.addAll(holidays(y));
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(d)) {
                days.add(d);
            }
        }
        return days;
    }

    static List<LocalDate> holidays(int y) {
        List<LocalDate> h = new ArrayList<>();
        LocalDate newYear = LocalDate.of(y, 1, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) { // a Saturday New Year is not observed on Friday
            h.add(observed(newYear));
        }
        h.add(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3));   // Martin Luther King Jr. Day
        h.add(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3));  // Washington's Birthday
        h.add(easter(y).minusDays(2));                        // Good Friday
        h.add(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); // Memorial Day
        if (y >= 2022) {
            h.add(observed(LocalDate.of(y, 6, 19)));          // Juneteenth
        }
        h.add(observed(LocalDate.of(y, 7, 4)));               // Independence Day
        h.add(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
        h.add(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving
        h.add(observed(LocalDate.of(y, 12, 25)));             // Christmas
        return h;
    }

    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate nth(int y, Month m, DayOfWeek dow, int n) {
        return LocalDate.of(y, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
