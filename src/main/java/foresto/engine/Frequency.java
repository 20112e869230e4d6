package foresto.engine;

import java.time.LocalDate;

/**
 * The period of a calendar rule (or of a drift rule's check calendar). Every frequency goes through the one
 * period function: period = (year, (month − 1) div months-per-period).
 */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    SEMIANNUAL(6),
    ANNUAL(12);

    private final int months;
    private final int perYear;

    Frequency(int months) {
        this.months = months;
        this.perYear = 12 / months;
    }

    public int monthsPerPeriod() {
        return months;
    }

    /** A number that changes exactly when the date enters another period. */
    public int periodOf(LocalDate d) {
        // MONTHLY, the common case, without a division (this runs twice a close)
        return months == 1 ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear() * perYear + (d.getMonthValue() - 1) / months;
    }
}
