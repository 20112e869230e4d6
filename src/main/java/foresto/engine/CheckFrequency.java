package foresto.engine;

/**
 * When a DRIFT rule looks at its band (SEMANTICS §10): every close (DAILY, the seed's rule) or only on the
 * closes where a PERIODIC rule of that frequency and the rule's base day would fire.
 */
public enum CheckFrequency {
    DAILY(null),
    MONTHLY(Frequency.MONTHLY),
    QUARTERLY(Frequency.QUARTERLY),
    SEMIANNUAL(Frequency.SEMIANNUAL),
    ANNUAL(Frequency.ANNUAL);

    private final Frequency period;

    CheckFrequency(Frequency period) {
        this.period = period;
    }

    /** The calendar period of the check days, or null for DAILY. */
    public Frequency period() {
        return period;
    }
}
