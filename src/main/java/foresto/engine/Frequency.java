package foresto.engine;

import java.time.LocalDate;

/** The period of a PERIODIC rule. Monthly and quarterly share one period function. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** A number that changes exactly when the date enters another period (month or calendar quarter). */
    public int periodOf(LocalDate d) {
        // constant divisors per branch: the JIT turns them into multiplications (this runs twice a close)
        return this == MONTHLY ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
    }

    /** Months per period. */
    public int months() {
        return months;
    }
}
