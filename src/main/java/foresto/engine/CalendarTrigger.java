package foresto.engine;

import java.time.LocalDate;

/**
 * A calendar: fires on the first or the last trading day of every period of {@code frequency} (SEMANTICS §3,
 * §10). The purchase close is never an event; the last trading day looks at the next date of the calendar
 * in use, which may lie past the run's end (never fires on the dataset's last date).
 */
record CalendarTrigger(Frequency frequency, BaseDayPolicy baseDay, Trigger.Fire fire) implements Trigger {

    static CalendarTrigger of(Frequency frequency, BaseDayPolicy baseDay) {
        return new CalendarTrigger(frequency, baseDay, new Fire(new TriggerDetail.Periodic(frequency, baseDay), null));
    }

    boolean isBoundary(LocalDate date, LocalDate previous, LocalDate next) {
        if (previous == null) {
            return false;
        }
        if (baseDay == BaseDayPolicy.FIRST_TRADING_DAY) {
            return frequency.periodOf(date) != frequency.periodOf(previous);
        }
        return next != null && frequency.periodOf(next) != frequency.periodOf(date);
    }

    @Override
    public Fire check(double[] p, double v, LocalDate date, LocalDate previous, LocalDate next) {
        return isBoundary(date, previous, next) ? fire : null;
    }
}
