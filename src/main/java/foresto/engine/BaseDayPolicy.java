package foresto.engine;

/** On which trading day of a period a PERIODIC rule fires. */
public enum BaseDayPolicy {
    /** 월초: the first trading day of the period. */
    FIRST_TRADING_DAY,
    /** 월말: the last trading day of the period (the next calendar date is in another period). */
    LAST_TRADING_DAY
}
