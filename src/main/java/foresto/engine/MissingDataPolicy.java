package foresto.engine;


import java.util.Locale;

/** What a missing return means (part of the request and of its hash). */
public enum MissingDataPolicy {
    /** A date on which any held class has no return is removed from the calendar before simulating. */
    SKIP,
    /** A missing return counts as 0.0 for that class; the date stays. */
    ZERO;

    public static MissingDataPolicy parse(String text) {
        if (text != null) {
            for (MissingDataPolicy p : values()) {
                if (p.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new EngineException(EngineException.Kind.INVALID_REQUEST,
                "missing_data_policy must be SKIP or ZERO, got '" + text + "'");
    }
}
