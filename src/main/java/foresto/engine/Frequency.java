package foresto.engine;

import java.time.LocalDate;

/** The period of a PERIODIC rule. Monthly and quarterly share one period function. */
public enum Frequency {
    MONTHLY,
    QUARTERLY;

    /** A number that changes exactly when the date enters another period (month or calendar quarter). */
    public int periodOf(LocalDate d) {
        // constant divisors per branch: the JIT turns them into multiplications (this runs twice a close)
        return this == MONTHLY ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
    }
}
