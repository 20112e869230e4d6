package foresto.engine.robust;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Calendars written in the tests: every weekday from one date to another, less the given holidays. */
final class TradingCalendars {
    private TradingCalendars() {
    }

    static LocalDate[] weekdays(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
            if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(x)) {
                out.add(x);
            }
        }
        return out.toArray(new LocalDate[0]);
    }
}
