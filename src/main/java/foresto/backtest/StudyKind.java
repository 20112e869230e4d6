package foresto.backtest;

import java.util.Locale;

/** The three robustness studies (SEMANTICS §12.2–§12.4), by the names every face uses. */
public enum StudyKind {
    /** Rebalance timing luck: every phase and day offset of a calendar rule. */
    TIMING,
    /** Start dates: the rule ON vs OFF on rolling windows. */
    WINDOWS,
    /** Resampled histories: rule A vs rule B (or OFF) on J stationary-bootstrap paths. */
    BOOTSTRAP;

    /** The name in the command line and the API: timing, windows, bootstrap. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
