package foresto.engine;

import java.time.LocalDate;

/**
 * The period of a calendar rule (or of a drift rule's check calendar). Every frequency and phase goes through the
 * one period function (SEMANTICS §10, §12.1): period = floor((12·year + month − 1 − phase) / months-per-period);
 * phase 0 is (year, (month − 1) div months-per-period).
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

    /** A number that changes exactly when the date enters another period (phase 0). */
    public int periodOf(LocalDate d) {
        return periodOf(d, 0);
    }

    /**
     * A number that changes exactly when the date enters another period whose months are shifted by {@code phase}
     * (0 ≤ phase &lt; months per period; checked by the rule): floor((12·year + month − 1 − phase) / months).
     */
    public int periodOf(LocalDate d, int phase) {
        if (phase == 0) {
            // the seed's periods, MONTHLY (the common case) without a division
            return months == 1 ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear() * perYear + (d.getMonthValue() - 1) / months;
        }
        return Math.floorDiv(12 * d.getYear() + d.getMonthValue() - 1 - phase, months);
    }
}
